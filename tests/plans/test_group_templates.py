"""A template applied to a coach's group: a plan for each member the coach may change."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from tagalong.athletes.models import AthleteGroup, CoachingLink
from tagalong.plans.models import Plan, Template
from tagalong.plans.services.templates import apply_template_to_group, save_as_template
from tests.factories import World, allow_colleague, link_athlete, make_athlete

START = dt.date(2026, 9, 7)


def group_of(world: World, *athletes) -> AthleteGroup:  # type: ignore[no-untyped-def]
    group = AthleteGroup.objects.create(coach=world.coach_a, name="Tuesday runners")
    group.members.add(*athletes)
    return group


def template(world: World, plan: Plan) -> Template:
    return save_as_template(plan=plan, by=world.coach_a, name="10K block")


def test_each_member_gets_their_own_plan(world: World, plan: Plan) -> None:
    second = make_athlete(coach=world.coach_a)
    group = group_of(world, world.athlete_a, second)
    result = apply_template_to_group(
        template=template(world, plan), group=group, start=START, by=world.coach_a
    )
    assert {p.athlete for p in result.plans} == {world.athlete_a, second}
    assert result.skipped == []
    firsts = {p.sessions.order_by("date").first().date for p in result.plans}  # type: ignore[union-attr]
    assert len(result.plans) == 2 and len(firsts) == 1
    uids = [set(p.sessions.values_list("ical_uid", flat=True)) for p in result.plans]
    assert uids[0].isdisjoint(uids[1])


def test_members_the_coach_cannot_change_are_skipped_with_the_reason(
    world: World, plan: Plan
) -> None:
    gone = make_athlete(coach=world.coach_a)
    shared = make_athlete(coach=world.coach_a)
    group = group_of(world, world.athlete_a, gone, shared)
    CoachingLink.objects.filter(athlete__in=[gone, shared]).update(ended_at=timezone.now())
    link_athlete(shared, world.colleague)  # now only a colleague's athlete: view only
    allow_colleague(shared, world.coach_a)
    result = apply_template_to_group(
        template=template(world, plan), group=group, start=START, by=world.coach_a
    )
    assert [p.athlete for p in result.plans] == [world.athlete_a]
    reasons = {athlete: reason for athlete, reason in result.skipped}
    assert reasons[gone] == "you no longer coach this athlete"
    assert reasons[shared].startswith("you may view but not change")
    assert not Plan.objects.filter(athlete__in=[gone, shared]).exists()


def test_the_templates_page_applies_to_a_group(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    t = template(world, plan)
    group = group_of(world, world.athlete_a)
    client = client_for(world.coach_a)
    page = client.get(reverse("plans:templates")).content.decode()
    assert "Apply to a group" in page and "Tuesday runners" in page
    url = reverse("plans:apply_template_group", kwargs={"template_id": t.pk})
    response = client.post(url, {"group": group.pk, "start": START.isoformat()}, follow=True)
    assert f"Plans made from 10K block for {world.athlete_a.name}" in response.content.decode()


def test_another_coachs_group_cannot_be_used(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    t = template(world, plan)
    theirs = AthleteGroup.objects.create(coach=world.coach_other, name="Not yours")
    theirs.members.add(world.athlete_b)
    url = reverse("plans:apply_template_group", kwargs={"template_id": t.pk})
    client_for(world.coach_a).post(url, {"group": theirs.pk, "start": START.isoformat()})
    assert not Plan.objects.filter(athlete=world.athlete_b).exists()
