"""The private session calendars: made, renewed and turned off from a page; served as iCal
that re-parses, with the runner's plan sessions merged in."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from django.test import Client
from django.urls import reverse
from freezegun import freeze_time

from tagalong.bookings.models import CalendarFeed
from tagalong.bookings.services import SlotRequest, book, cancel, reschedule, rotate_feed
from tagalong.plans.models import Plan, PlanSession
from tests.bookings.helpers import NOW, group_class, one_on_one, open_coach

pytestmark = pytest.mark.django_db
SLOT = dt.datetime(2026, 3, 3, 10, 0, tzinfo=dt.UTC)


def _calendar(token: str) -> icalendar.Calendar:
    with freeze_time(NOW):
        response = Client().get(reverse("bookings:feed", args=[token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def _events(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def _plan_session(world) -> PlanSession:  # type: ignore[no-untyped-def]
    plan = Plan.objects.create(
        athlete=world.athlete_a,
        title="10K plan",
        goal_type="10k",
        start=dt.date(2026, 3, 2),
        end=dt.date(2026, 3, 29),
        created_by=world.coach_a,
    )
    return PlanSession.objects.create(
        plan=plan, date=dt.date(2026, 3, 4), kind="run", run_type="easy", duration_min=40
    )


def test_page_makes_renews_and_turns_off_the_address(world, client):
    client.force_login(world.athlete_a.user)
    page = reverse("bookings:feed_page")
    assert "Make my calendar address" in client.get(page).content.decode()
    client.post(reverse("bookings:feed_rotate"))
    first = CalendarFeed.objects.get(user=world.athlete_a.user).token
    assert reverse("bookings:feed", args=[first]) in client.get(page).content.decode()
    client.post(reverse("bookings:feed_rotate"))
    second = CalendarFeed.objects.get(user=world.athlete_a.user).token
    assert second != first
    assert Client().get(reverse("bookings:feed", args=[first])).status_code == 404
    assert Client().get(reverse("bookings:feed", args=[second])).status_code == 200
    client.post(reverse("bookings:feed_revoke"))
    assert not CalendarFeed.objects.exists()
    assert Client().get(reverse("bookings:feed", args=[second])).status_code == 404


def test_staff_have_no_session_calendar(world, client):
    client.force_login(world.staff)
    assert client.get(reverse("bookings:feed_page")).status_code == 403


def test_runner_feed_holds_bookings_under_their_invitation_uid_and_the_plan(world):
    session = group_class(world.coach_a)
    booking = book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    planned = _plan_session(world)
    feed = rotate_feed(user=world.athlete_a.user)
    calendar = _calendar(feed.token)
    events = _events(calendar)
    assert calendar["METHOD"] == "PUBLISH"
    assert set(events) == {booking.ical_uid, f"{planned.ical_uid}@tagalong"}
    event = events[booking.ical_uid]
    assert event.decoded("DTSTART").astimezone(dt.UTC) == session.start
    assert str(event["LOCATION"]) == session.room_url
    assert events[f"{planned.ical_uid}@tagalong"].decoded("DTSTART").date() == planned.date


def test_runner_feed_without_bookings_still_defines_the_plans_time_zone(world):
    world.athlete_a.time_zone = "America/New_York"
    world.athlete_a.save(update_fields=["time_zone"])
    planned = _plan_session(world)
    calendar = _calendar(rotate_feed(user=world.athlete_a.user).token)
    zones = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    start = _events(calendar)[f"{planned.ical_uid}@tagalong"]["DTSTART"]
    assert zones == {"America/New_York"}
    assert start.params["TZID"] == "America/New_York"
    assert start.dt.date() == planned.date and start.dt.hour == 7


def test_runner_feed_follows_a_move_and_drops_a_cancellation(world):
    open_coach(world.coach_a)
    check_in = one_on_one(world.coach_a)
    booking = book(athlete=world.athlete_a, session_or_slot=SlotRequest(check_in, SLOT), now=NOW)
    token = rotate_feed(user=world.athlete_a.user).token
    later = SLOT + dt.timedelta(hours=3)
    reschedule(booking=booking, to=SlotRequest(check_in, later), by=world.coach_a, now=NOW)
    event = _events(_calendar(token))[booking.ical_uid]
    assert int(event["SEQUENCE"]) == 1
    assert event.decoded("DTSTART").astimezone(dt.UTC) == later
    booking.refresh_from_db()
    cancel(booking=booking, by=world.athlete_a.user, now=NOW)
    assert booking.ical_uid not in _events(_calendar(token))


def test_coach_feed_lists_every_session_with_who_booked(world):
    open_coach(world.coach_a)
    clinic = group_class(world.coach_a, capacity=5)
    book(athlete=world.athlete_a, session_or_slot=clinic, now=NOW)
    check_in = one_on_one(world.coach_a)
    private = book(athlete=world.athlete_a, session_or_slot=SlotRequest(check_in, SLOT), now=NOW)
    calendar = _calendar(rotate_feed(user=world.coach_a).token)
    events = _events(calendar)
    assert str(events[clinic.ical_uid]["SUMMARY"]) == "Calf clinic · 1/5 booked"
    assert world.athlete_a.name in str(events[clinic.ical_uid]["DESCRIPTION"])
    one = events[private.session.ical_uid]
    assert str(one["SUMMARY"]) == f"Check-in with {world.athlete_a.name}"
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/London"
