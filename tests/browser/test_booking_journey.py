"""Journey 6 in Chromium: a runner books a one-on-one in their own time zone, moves it and
cancels it, and both sides receive invitations that update (REQUEST, SEQUENCE up, CANCEL);
the coach sees the booking; a freed seat in a full group class goes to the waiting list."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from tagalong.bookings.models import Booking, BookingStatus, Kind, SessionType
from tagalong.bookings.services import book, create_class
from tests.bookings.helpers import one_on_one, open_coach
from tests.factories import PASSWORD, make_athlete, make_coach

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, base_url: str, email: str) -> None:  # type: ignore[no-untyped-def]
    page.on("dialog", lambda dialog: dialog.accept())  # the confirm() before cancelling
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Hello").wait_for()


def next_week(page) -> None:  # type: ignore[no-untyped-def]
    """Page to the next week of free times (htmx swaps the list in place)."""
    first_day = page.locator(".slot-day h2").first.inner_text()
    page.get_by_role("link", name="Later →").click()
    page.locator(".slot-day h2").first.filter(has_not_text=first_day).wait_for()


def invitations(to: str) -> list[tuple[str, str, int]]:
    """(METHOD, UID, SEQUENCE) of each calendar attachment sent to ``to``, oldest first."""
    found = []
    for message in mail.outbox:
        if message.to != [to]:
            continue
        for _name, content, mimetype in message.attachments:
            if mimetype.startswith("text/calendar"):
                calendar = Calendar.from_ical(content)
                event = calendar.walk("VEVENT")[0]
                found.append((str(calendar["METHOD"]), str(event["UID"]), int(event["SEQUENCE"])))
    return found


def test_runner_books_moves_and_cancels_and_both_get_invitations(  # type: ignore[no-untyped-def]
    live_server, page, browser
) -> None:
    coach = make_coach(name="Maya Coach")
    open_coach(coach)
    one_on_one(coach, minutes=30)
    runner = make_athlete(coach=coach, time_zone="America/New_York")

    sign_in(page, live_server.url, runner.user.email)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sessions").click()
    page.get_by_role("link", name="Book a session").first.click()
    page.get_by_role("link", name="Check-in").click()
    page.get_by_text("Times are on your clock: America/New_York").wait_for()
    assert page.get_by_text("Coach's time:").first.is_visible()
    next_week(page)  # well before the 24 h cancellation cut-off
    page.locator("button.slot-button").first.click()
    page.get_by_role("button", name="Confirm booking").click()
    page.get_by_text("Booked. A calendar invitation is on its way").wait_for()
    booking = Booking.objects.get(athlete=runner)
    uid = booking.ical_uid
    assert invitations(runner.user.email) == [("REQUEST", uid, 0)]
    assert invitations(coach.email) == [("REQUEST", uid, 0)]

    coach_page = browser.new_context().new_page()
    sign_in(coach_page, live_server.url, coach.email)
    coach_page.goto(f"{live_server.url}/coach/sessions/")
    coach_page.get_by_role("cell", name="Check-in", exact=True).wait_for()
    assert coach_page.get_by_role("cell", name=runner.name, exact=True).is_visible()
    coach_page.get_by_role("link", name="Open").first.click()
    coach_page.get_by_role("link", name=runner.name).wait_for()

    page.get_by_role("link", name="Move to another time").click()
    next_week(page)
    page.locator("button.slot-button").nth(1).click()
    page.get_by_role("button", name="Confirm the move").click()
    page.get_by_text("Moved. An updated calendar invitation is on its way.").wait_for()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert invitations(runner.user.email)[-1] == ("REQUEST", uid, 1)
    assert invitations(coach.email)[-1] == ("REQUEST", uid, 1)

    page.get_by_role("button", name="Cancel", exact=True).click()
    page.get_by_text("Cancelled. The calendar invitation has been withdrawn.").wait_for()
    assert invitations(runner.user.email) == [
        ("REQUEST", uid, 0),
        ("REQUEST", uid, 1),
        ("CANCEL", uid, 2),
    ]
    assert invitations(coach.email)[-1] == ("CANCEL", uid, 2)


def test_a_freed_seat_goes_to_the_runner_on_the_waiting_list(  # type: ignore[no-untyped-def]
    live_server, page, browser
) -> None:
    coach = make_coach(name="Maya Coach")
    clinic = SessionType.objects.create(
        coach=coach, name="Calf clinic", duration_min=45, kind=Kind.GROUP, capacity=1
    )
    now = timezone.now()
    session = create_class(
        coach=coach,
        session_type=clinic,
        start=now + timedelta(days=3),
        tz_name="Europe/London",
        now=now,
    )[0]
    first = make_athlete(coach=coach)
    book(athlete=first, session_or_slot=session, now=now)
    runner = make_athlete(coach=coach)

    sign_in(page, live_server.url, runner.user.email)
    page.goto(f"{live_server.url}/book/")
    page.get_by_role("link", name="Calf clinic").click()
    page.get_by_text("Full: join the waiting list").wait_for()
    page.get_by_role("button", name="Join the waiting list").click()
    page.get_by_role("heading", name="Join the waiting list for Calf clinic?").wait_for()
    page.get_by_role("button", name="Join the waiting list").click()
    page.get_by_text("you are number 1 on the waiting list").wait_for()

    coach_page = browser.new_context().new_page()
    sign_in(coach_page, live_server.url, coach.email)
    coach_page.goto(f"{live_server.url}/sessions/{session.pk}/")
    coach_page.get_by_role("button", name="Cancel this place").first.click()
    coach_page.get_by_text("Cancelled. The calendar invitation has been withdrawn.").wait_for()

    page.reload()
    page.get_by_text("Confirmed", exact=True).wait_for()
    promoted = Booking.objects.get(athlete=runner)
    assert promoted.status == BookingStatus.CONFIRMED
    assert invitations(runner.user.email) == [("REQUEST", promoted.ical_uid, 0)]
    assert invitations(first.user.email)[-1][0] == "CANCEL"
