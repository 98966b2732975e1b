"""Template edits reach the members without a button; new group session dates seat them."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from tagalong.activities.models import Activity
from tagalong.bookings.models import Booking, BookingStatus
from tagalong.bookings.services import create_class
from tagalong.notifications.models import Notification
from tagalong.plans.models import Plan, Template
from tagalong.plans.services.templates import apply_template
from tagalong.plans.services.versions import new_version
from tagalong.programmes import hooks
from tagalong.programmes.memberplan import make_member_plan
from tagalong.programmes.models import PlanUpdate, Programme, UpdateStatus
from tagalong.programmes.services import join
from tests.factories import World, make_athlete
from tests.programmes.helpers import home_tests, intake, programme


def _member(world: World, p: Programme) -> object:
    athlete = make_athlete()
    place = join(programme=p, athlete=athlete, now=timezone.now())
    intake(athlete)
    home_tests(athlete)
    make_member_plan(place=place, by=athlete.user)
    place.refresh_from_db()
    return place


def _strength_minutes(plan: Plan, since: dt.date) -> set[float]:
    rows = plan.sessions.filter(kind="strength", date__gte=since)
    return set(rows.values_list("duration_min", flat=True))


def _longer_strength(template: Template) -> None:
    template.weeks = [
        {**r, "duration_min": r["duration_min"] + 5} if r["kind"] == "strength" else r
        for r in template.weeks
    ]
    template.save()


def test_editing_the_template_updates_members_without_a_button_and_proposes_where_changed(
    world: World,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    p = programme(world.coach_a, clinic=False)
    untouched, changed = _member(world, p), _member(world, p)
    new_version(changed.plan, by=world.coach_a, reason="Moved a run")  # their plan is theirs now
    with django_capture_on_commit_callbacks(execute=True):
        _longer_strength(p.template)
    assert _strength_minutes(untouched.plan, p.start_date) == {25.0}
    # the changed plan is not overwritten: a proposal waits for the coach
    assert _strength_minutes(changed.plan, p.start_date) == {20.0}
    update = PlanUpdate.objects.get(place=changed, status=UpdateStatus.PROPOSED)
    assert {r["duration_min"] for r in update.sessions if r["kind"] == "strength"} == {25.0}
    assert not PlanUpdate.objects.filter(place=untouched).exists()
    told = Notification.objects.get(user=world.coach_a, kind="programme_plan_update")
    assert told.url == reverse("programmes:cohort", args=[p.pk]) and "1 member had" in told.body
    p.refresh_from_db()
    assert p.follow_queued_at is None  # the task cleared its mark as it started


def test_many_edits_queue_one_follow_per_programme(world: World) -> None:
    p = programme(world.coach_a, clinic=False)
    Programme.objects.filter(pk=p.pk).update(follow_queued_at=timezone.now())
    assert hooks.queue_follow(p.template_id) == []  # one waits already: it reads the newest
    hooks.follow_started(p.pk)
    draft = programme(world.coach_a, clinic=False, publish=False)
    assert hooks.queue_follow(draft.template_id) == []  # drafts have no members to follow
    Programme.objects.filter(pk=p.pk).update(
        follow_queued_at=timezone.now() - hooks.STALE_AFTER - dt.timedelta(minutes=1)
    )
    assert hooks.queue_follow(p.template_id) == [p.pk]  # a lost task no longer holds edits back


def test_done_sessions_never_change(
    world: World,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    p = programme(world.coach_a, clinic=False)
    place = _member(world, p)
    week3 = p.start_date + dt.timedelta(weeks=2)
    today = next(s.date for s in place.plan.sessions.filter(date__gte=week3, kind="strength"))
    Activity.objects.create(  # the runner did today's session already
        athlete=place.athlete,
        start=dt.datetime.combine(today, dt.time(12), tzinfo=ZoneInfo(place.athlete.time_zone)),
        duration_s=1800,
        moving_s=1800,
        distance_m=0,
        load_measure="duration",
    )
    before = {(s.date, s.kind, s.duration_min) for s in place.plan.sessions.filter(date__lte=today)}
    noon = dt.datetime.combine(today, dt.time(18), tzinfo=dt.UTC)
    with freeze_time(noon), django_capture_on_commit_callbacks(execute=True):
        _longer_strength(p.template)
    after = {(s.date, s.kind, s.duration_min) for s in place.plan.sessions.filter(date__lte=today)}
    assert after == before  # past weeks and today's done session as they were
    assert _strength_minutes(place.plan, today + dt.timedelta(days=1)) == {25.0}


def test_the_coach_edits_a_template_from_a_plan_and_members_follow(
    world: World,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    p = programme(world.coach_a, clinic=False)
    member = _member(world, p)
    (source,) = apply_template(
        template=p.template, athletes=[world.athlete_a], start=p.start_date, by=world.coach_a
    )
    source.sessions.filter(kind="strength").update(duration_min=35)
    client = Client()
    client.force_login(world.coach_a)
    url = reverse("plans:save_template", args=[world.athlete_a.pk, source.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"name": "", "replace": p.template_id})
    assert response.status_code == 302
    assert _strength_minutes(member.plan, p.start_date) == {35.0}
    # another coach's template cannot be picked
    other = Template.objects.create(coach=world.coach_other, name="Theirs", weeks=[])
    client.post(url, {"name": "", "replace": other.pk})
    other.refresh_from_db()
    assert other.weeks == []


def test_a_new_clinic_date_seats_members_and_waitlists_when_full(
    world: World,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    p = programme(world.coach_a, weeks=4)
    session_type = p.session_types.get()
    first, second = make_athlete(), make_athlete()
    for athlete in (first, second):
        join(programme=p, athlete=athlete, now=timezone.now())
    session_type.capacity = 1
    session_type.save(update_fields=["capacity"])
    # the coach adds an extra clinic on the Friday of week 2, and one after the programme ends
    friday = dt.datetime.combine(
        p.start_date + dt.timedelta(days=11), dt.time(9), tzinfo=ZoneInfo("Europe/London")
    )
    later = friday + dt.timedelta(weeks=6)
    with django_capture_on_commit_callbacks(execute=True):
        (extra,) = create_class(
            coach=world.coach_a,
            session_type=session_type,
            start=friday,
            tz_name="Europe/London",
            now=timezone.now(),
        )
        (after_end,) = create_class(
            coach=world.coach_a,
            session_type=session_type,
            start=later,
            tz_name="Europe/London",
            now=timezone.now(),
        )
    seats = dict(Booking.objects.filter(session=extra).values_list("athlete_id", "status"))
    assert seats == {first.pk: BookingStatus.CONFIRMED, second.pk: BookingStatus.WAITLISTED}
    assert not Booking.objects.filter(session=after_end).exists()
