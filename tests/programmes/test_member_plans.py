"""Each member's plan is their own: the template through the generator's rules for them."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tagalong.errors import DomainError
from tagalong.plans.models import PlanSession
from tagalong.programmes.memberplan import decide_update, follow_template, make_member_plan
from tagalong.programmes.models import PlanUpdate, UpdateStatus
from tagalong.programmes.services import join
from tests.factories import World, make_athlete
from tests.programmes.helpers import home_tests, intake, programme


def _member(world: World, p=None, **intake_fields: object):  # type: ignore[no-untyped-def]
    p = p or programme(world.coach_a, clinic=False)
    athlete = make_athlete()
    place = join(programme=p, athlete=athlete, now=timezone.now())
    intake(athlete, **intake_fields)
    home_tests(athlete)
    return p, place


def test_a_seasoned_runner_gets_the_template_with_their_own_paces(world: World) -> None:
    p, place = _member(world)
    plan = make_member_plan(place=place, by=place.athlete.user)
    place.refresh_from_db()
    assert place.plan == plan and plan.title == p.title
    sessions = list(plan.sessions.all())
    assert len(sessions) == len(p.template.weeks)  # the template's sessions, every one
    assert sessions[0].date == p.start_date + timezone.timedelta(days=1)  # week 1, Tuesday
    easy = [s for s in sessions if s.run_type == "easy"]
    assert easy and all(s.pace_range for s in easy)
    assert list(plan.summary["paces"]["easy"]) == list(easy[0].pace_range)
    texts = [n["text"] for n in place.plan_notes]
    assert "Paces are your own, from your recent race or running." in texts


def test_a_beginner_gets_no_run_longer_than_the_generator_allows(world: World) -> None:
    _, beginner = _member(world, weekly_km=6, longest_run_km_30d=3, runs_per_week=2)
    _, seasoned = _member(world, weekly_km=40, longest_run_km_30d=16, runs_per_week=4)
    make_member_plan(place=beginner, by=beginner.athlete.user)
    make_member_plan(place=seasoned, by=seasoned.athlete.user)

    def longest(place) -> float:  # type: ignore[no-untyped-def]
        return max(s.duration_min for s in PlanSession.objects.filter(plan=place.plan, kind="run"))

    assert longest(beginner) < longest(seasoned)
    beginner.refresh_from_db()
    assert any("shortened" in n["text"] for n in beginner.plan_notes)


def test_a_mother_within_the_postnatal_window_gets_the_postnatal_plan(world: World) -> None:
    p, place = _member(world, weeks_since_birth=10)
    plan = make_member_plan(place=place, by=place.athlete.user)
    place.refresh_from_db()
    assert plan.goal_type == "postnatal"
    assert place.plan_notes[0]["evidence"][0] == "periodisation.postnatal.goom_2019"
    # the template's runs do not override the gate: the plan is the generator's own
    template_longest = max(r["duration_min"] for r in p.template.weeks if r["kind"] == "run")
    first_week = plan.sessions.filter(date__lt=plan.start + timezone.timedelta(days=7))
    assert not first_week.filter(kind="run", duration_min__gte=template_longest).exists()


def test_returning_from_injury_follows_the_return_to_run_gate(world: World) -> None:
    _, place = _member(world, goal="return")
    plan = make_member_plan(place=place, by=place.athlete.user)
    assert plan.goal_type == "return_to_run"


def test_the_plan_is_not_made_before_the_intake_and_tests(world: World) -> None:
    p = programme(world.coach_a, clinic=False)
    place = join(programme=p, athlete=world.athlete_b, now=timezone.now())
    client = Client()
    client.force_login(world.athlete_b.user)
    response = client.post(reverse("programmes:start_plan", args=[p.slug]), follow=True)
    assert "Do the intake and the home tests first" in response.content.decode()
    place.refresh_from_db()
    assert place.plan is None


def test_making_the_plan_from_the_page_runs_the_task(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    p, place = _member(world)
    client = Client()
    client.force_login(place.athlete.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("programmes:start_plan", args=[p.slug]))
    place.refresh_from_db()
    assert place.plan is not None
    page = client.get(reverse("programmes:member", args=[p.slug])).content.decode()
    assert "Week 1" in page and "Easy run" in page


def test_template_edits_reach_untouched_plans_and_wait_where_the_plan_was_changed(
    world: World,
) -> None:
    p, untouched = _member(world)
    _, changed = _member(world, p)
    for place in (untouched, changed):
        make_member_plan(place=place, by=place.athlete.user)
        place.refresh_from_db()
    # the coach moved one of the second runner's sessions: their plan is their own now
    from tagalong.plans.services.versions import new_version

    new_version(changed.plan, by=world.coach_a, reason="Moved a run")
    template = p.template
    template.weeks = [
        {**r, "duration_min": r["duration_min"] + 5} if r["kind"] == "strength" else r
        for r in template.weeks
    ]
    template.save()
    today = p.start_date
    assert follow_template(place=untouched, by=world.coach_a, today=today) == "updated"
    strength = untouched.plan.sessions.filter(kind="strength", date__gte=today)
    assert set(strength.values_list("duration_min", flat=True)) == {25.0}
    assert follow_template(place=changed, by=world.coach_a, today=today) == "proposed"
    assert set(
        changed.plan.sessions.filter(kind="strength").values_list("duration_min", flat=True)
    ) == {20.0}
    update = PlanUpdate.objects.get(place=changed)
    decide_update(update=update, by=world.coach_a, make=True, today=today)
    assert update.place.plan.sessions.filter(kind="strength", duration_min=25).exists()
    update.refresh_from_db()
    assert update.status == UpdateStatus.MADE
    with pytest.raises(DomainError):
        decide_update(update=update, by=world.coach_a, make=True, today=today)


def test_someone_elses_programme_page_is_not_found(world: World) -> None:
    p, _ = _member(world)
    client = Client()
    client.force_login(world.athlete_a.user)
    assert client.get(reverse("programmes:member", args=[p.slug])).status_code == 404


def test_every_note_cites_evidence_in_the_registry() -> None:
    from tagalong.evidence import REGISTRY
    from tagalong.programmes import memberplan

    notes = [*memberplan.GATE_NOTES.values(), memberplan.CAP_NOTE, memberplan.PACE_NOTE]
    notes.append(memberplan.LADDER_NOTE)
    for note in notes:
        assert note["evidence"] and all(e in REGISTRY for e in note["evidence"]), note


def test_the_calf_ladder_step_comes_from_the_runners_tests(world: World) -> None:
    p, weak = _member(world)
    _, strong = _member(world, p)
    home_tests(weak.athlete, heel_raise=6, bridge=8)  # newer, much weaker tests
    home_tests(strong.athlete, heel_raise=40, bridge=35)

    def steps(place) -> set[int]:  # type: ignore[no-untyped-def]
        plan = make_member_plan(place=place, by=place.athlete.user)
        return set(plan.sessions.filter(kind="strength").values_list("ladder_level", flat=True))

    weak_steps, strong_steps = steps(weak), steps(strong)
    # the template says step 2 for everyone; each runner starts where their tests place them
    assert min(weak_steps) == 1 and min(strong_steps) > min(weak_steps)
    assert max(strong_steps) > max(weak_steps)
