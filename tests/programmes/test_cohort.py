"""The coach's cohort view and the runner's programme page."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tagalong.activities.models import Activity
from tagalong.assessments.models import TestResult, TestSession
from tagalong.attention.models import Signal
from tagalong.bookings.models import Booking, BookingStatus
from tagalong.notifications.models import Notification
from tagalong.programmes.memberplan import make_member_plan
from tagalong.programmes.models import Stage
from tagalong.programmes.selectors import completion, finisher_summary, leaderboard
from tagalong.programmes.services import advance, announce, join, set_leaderboard_name
from tests.factories import World, make_athlete
from tests.programmes.helpers import home_tests, intake, programme


def _members(world: World, count: int = 2, **extra):  # type: ignore[no-untyped-def]
    p = programme(world.coach_a, **extra)
    places = []
    for _ in range(count):
        athlete = make_athlete()
        place = join(programme=p, athlete=athlete, now=timezone.now())
        intake(athlete)
        home_tests(athlete)
        make_member_plan(place=place, by=athlete.user)
        place.refresh_from_db()
        places.append(place)
    return p, places


def test_the_cohort_view_shows_steps_completion_attendance_and_signals(world: World) -> None:
    p, places = _members(world, count=1)
    done = places[0]
    fresh = join(programme=p, athlete=make_athlete(), now=timezone.now())
    booking = Booking.objects.filter(athlete=done.athlete).first()
    booking.status = BookingStatus.ATTENDED
    booking.save()
    Signal.objects.create(
        athlete=done.athlete,
        kind="calf_pain",
        severity=1,
        words="Calf pain 5 of 10 after a run",
        evidence_id="rehab.progression_ladder",
        url="/",
    )
    client = Client()
    client.force_login(world.coach_a)
    page = client.get(reverse("programmes:cohort", args=[p.pk])).content.decode()
    assert done.athlete.name in page and fresh.athlete.name in page
    assert "1 attended of 8 booked" in page
    assert "Calf pain 5 of 10 after a run" in page
    assert page.count("not yet") >= 3  # the fresh member: no intake, tests or plan
    assert reverse("messaging:with_athlete", args=[done.athlete.pk]) in page


def test_weekly_completion_counts_days_with_a_recorded_run(world: World) -> None:
    p, (place,) = _members(world, count=1, clinic=False)
    first_run = place.plan.sessions.filter(kind="run").first()
    Activity.objects.create(
        athlete=place.athlete,
        start=dt.datetime.combine(first_run.date, dt.time(7), tzinfo=dt.UTC),
        duration_s=1800,
        moving_s=1800,
        distance_m=5000,
        load_measure="duration",
    )
    week1 = completion(place, p.start_date + dt.timedelta(days=6))
    assert week1 == [(1, 1, 5)]


def test_announcements_reach_every_member_who_can_only_read_them(
    world: World,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    p, places = _members(world, count=2, clinic=False)
    with django_capture_on_commit_callbacks(execute=True):
        announce(programme=p, by=world.coach_a, text="Clinic moves to 19:00 this week.")
    client = Client()
    client.force_login(places[0].athlete.user)
    page = client.get(reverse("programmes:member", args=[p.slug])).content.decode()
    assert "Clinic moves to 19:00 this week." in page
    assert 'action="/coach/programmes/' not in page  # no way to post into it
    assert (
        client.post(reverse("programmes:announce", args=[p.pk]), {"text": "hi"}).status_code == 403
    )
    assert Notification.objects.filter(kind="programme_announcement").count() == 2


def test_the_runner_sees_week_n_of_m_and_the_next_group_session_in_their_zone(world: World) -> None:
    p, (place,) = _members(world, count=1)
    place.athlete.time_zone = "America/New_York"
    place.athlete.save()
    client = Client()
    client.force_login(place.athlete.user)
    page = client.get(reverse("programmes:member", args=[p.slug])).content.decode()
    assert "Week 1 of 8 starts" in page
    assert "Group calf clinic" in page
    assert "13:30" in page or "14:30" in page  # 18:30 in London


def test_the_leaderboard_hides_names_unless_the_member_opts_in(world: World) -> None:
    p, places = _members(world, count=2, clinic=False, leaderboard_enabled=True)
    names = [n for n, _, _ in leaderboard(p, timezone.localdate())]
    assert names == ["A runner", "A runner"]
    set_leaderboard_name(place=places[0], show=True)
    names = [n for n, _, _ in leaderboard(p, timezone.localdate())]
    assert places[0].athlete.name in names and places[1].athlete.name not in names


def test_the_finisher_sees_what_changed_with_its_sources(world: World) -> None:
    p, (place,) = _members(world, count=1, clinic=False)
    later = TestSession.objects.create(
        athlete=place.athlete, date=p.end_date, by=place.athlete.user
    )
    TestResult.objects.create(session=later, test="heel_raise", left=33, right=31, unit="reps")
    advance(programme=p, by=world.coach_a, to=Stage.RUNNING, today=timezone.localdate())
    advance(programme=p, by=world.coach_a, to=Stage.FINISHED, today=timezone.localdate())
    place.refresh_from_db()
    changes = finisher_summary(place)
    heel = next(c for c in changes if "heel" in c.what.lower())
    assert heel.before == "left 28, right 28" and heel.after == "left 33, right 31"
    assert "home tests of" in heel.source
    client = Client()
    client.force_login(place.athlete.user)
    page = client.get(reverse("programmes:member", args=[p.slug])).content.decode()
    assert f"You finished {p.title}" in page and "left 33, right 31" in page
