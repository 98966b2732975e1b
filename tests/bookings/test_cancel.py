from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar

from tagalong.bookings.models import BookingStatus, SessionStatus
from tagalong.bookings.services import SlotRequest, book, cancel
from tagalong.errors import DomainError
from tests.bookings.helpers import NOW, group_class, one_on_one, open_coach
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db
SLOT = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)


def _event(message):  # type: ignore[no-untyped-def]
    content = message.attachments[0][1]
    calendar = Calendar.from_ical(content)
    return calendar, calendar.walk("VEVENT")[0]


def test_booking_email_carries_a_request_invitation(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    session = group_class(world.coach_a)
    with django_capture_on_commit_callbacks(execute=True):
        booking = book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    calendar, event = _event(mailoutbox[0])
    assert calendar["METHOD"] == "REQUEST"
    assert str(event["UID"]) == booking.ical_uid
    assert int(event["SEQUENCE"]) == 0
    assert mailoutbox[0].to == [world.athlete_a.user.email]


def test_cancellation_sends_method_cancel_with_a_higher_sequence(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    session = group_class(world.coach_a)
    with django_capture_on_commit_callbacks(execute=True):
        booking = book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
        cancel(booking=booking, by=world.athlete_a.user, now=NOW)
    calendar, event = _event(mailoutbox[-1])
    assert calendar["METHOD"] == "CANCEL"
    assert event["STATUS"] == "CANCELLED"
    assert str(event["UID"]) == booking.ical_uid
    assert int(event["SEQUENCE"]) == 1


def test_waitlist_promotes_next_athlete_when_seat_frees(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    session = group_class(world.coach_a, capacity=1)
    first = book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    waiting = book(athlete=make_athlete(coach=world.coach_a), session_or_slot=session, now=NOW)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancel(booking=first, by=world.athlete_a.user, now=NOW)
    waiting.refresh_from_db()
    assert (waiting.status, waiting.waitlist_position) == (BookingStatus.CONFIRMED, None)
    by_to = {m.to[0]: m for m in mailoutbox}
    assert set(by_to) == {world.athlete_a.user.email, waiting.athlete.user.email}
    promoted = by_to[waiting.athlete.user.email]
    assert Calendar.from_ical(promoted.attachments[0][1])["METHOD"] == "REQUEST"


def test_cancelling_inside_the_cutoff_is_recorded_as_late(world):
    session = group_class(world.coach_a, cutoff=24)
    booking = book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    late = cancel(booking=booking, by=world.athlete_a.user, now=session.start - timedelta(hours=2))
    assert late.status == BookingStatus.LATE_CANCEL


def test_coach_cancelling_late_is_not_the_runners_late_cancel(world):
    session = group_class(world.coach_a, cutoff=24)
    booking = book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    done = cancel(booking=booking, by=world.coach_a, now=session.start - timedelta(hours=2))
    assert done.status == BookingStatus.CANCELLED


def test_cannot_cancel_after_the_start(world):
    session = group_class(world.coach_a)
    booking = book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    with pytest.raises(DomainError, match="already started"):
        cancel(booking=booking, by=world.athlete_a.user, now=session.start)


def test_cancelling_a_one_on_one_frees_the_coachs_time(world):
    open_coach(world.coach_a)
    check_in = one_on_one(world.coach_a)
    booking = book(athlete=world.athlete_a, session_or_slot=SlotRequest(check_in, SLOT), now=NOW)
    cancel(booking=booking, by=world.athlete_a.user, now=NOW)
    assert booking.session.__class__.objects.get(pk=booking.session_id).status == (
        SessionStatus.CANCELLED
    )
    again = book(
        athlete=make_athlete(coach=world.coach_a),
        session_or_slot=SlotRequest(check_in, SLOT),
        now=NOW,
    )
    assert again.status == BookingStatus.CONFIRMED
