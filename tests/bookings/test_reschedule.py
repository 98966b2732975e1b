from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar

from tagalong.bookings.models import BookingStatus, Session, SessionStatus
from tagalong.bookings.services import SlotRequest, book, reschedule
from tagalong.errors import DomainError
from tests.bookings.helpers import NOW, group_class, one_on_one, open_coach
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db
SLOT = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)


def _booked(world):  # type: ignore[no-untyped-def]
    open_coach(world.coach_a)
    check_in = one_on_one(world.coach_a)
    slot = SlotRequest(check_in, SLOT)
    return check_in, book(athlete=world.athlete_a, session_or_slot=slot, now=NOW)


def test_reschedule_moves_the_booking_and_keeps_its_calendar_uid(world):
    check_in, booking = _booked(world)
    later = SLOT + timedelta(minutes=30)  # overlaps the old time: it must be freed first
    moved = reschedule(
        booking=booking, to=SlotRequest(check_in, later), by=world.athlete_a.user, now=NOW
    )
    assert (moved.pk, moved.ical_uid, moved.sequence) == (booking.pk, booking.ical_uid, 1)
    assert moved.session.start == later
    assert Session.objects.get(pk=booking.session_id).status == SessionStatus.CANCELLED


def test_reschedule_sends_both_sides_an_updated_request(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    check_in, booking = _booked(world)
    mailoutbox.clear()
    later = SLOT + timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        reschedule(
            booking=booking, to=SlotRequest(check_in, later), by=world.athlete_a.user, now=NOW
        )
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [world.athlete_a.user.email, world.coach_a.email]
    )
    for message in mailoutbox:
        calendar = Calendar.from_ical(message.attachments[0][1])
        event = calendar.walk("VEVENT")[0]
        assert calendar["METHOD"] == "REQUEST"
        assert str(event["UID"]) == booking.ical_uid
        assert int(event["SEQUENCE"]) == 1
        assert event.decoded("DTSTART").astimezone(UTC) == later


def test_failed_reschedule_keeps_the_old_booking(world):
    check_in, booking = _booked(world)
    closed = datetime(2026, 3, 3, 22, 0, tzinfo=UTC)
    with pytest.raises(DomainError):
        reschedule(
            booking=booking, to=SlotRequest(check_in, closed), by=world.athlete_a.user, now=NOW
        )
    booking.refresh_from_db()
    assert (booking.status, booking.session.start, booking.sequence) == (
        BookingStatus.CONFIRMED,
        SLOT,
        0,
    )
    assert booking.session.status == SessionStatus.SCHEDULED


def test_runner_cannot_reschedule_inside_the_cutoff(world):
    session = group_class(world.coach_a, cutoff=24)
    other = group_class(world.coach_a, start=session.start + timedelta(days=1))
    booking = book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    with pytest.raises(DomainError, match="ask your coach"):
        reschedule(
            booking=booking,
            to=other,
            by=world.athlete_a.user,
            now=session.start - timedelta(hours=3),
        )


def test_coach_may_move_a_session_inside_the_cutoff(world):
    session = group_class(world.coach_a, cutoff=24)
    other = group_class(world.coach_a, start=session.start + timedelta(days=1))
    booking = book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    moved = reschedule(
        booking=booking, to=other, by=world.coach_a, now=session.start - timedelta(hours=3)
    )
    assert moved.session_id == other.pk


def test_moving_out_of_a_full_class_promotes_the_waiting_list(world):
    session = group_class(world.coach_a, capacity=1)
    other = group_class(world.coach_a, start=session.start + timedelta(days=1))
    booking = book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    waiting = book(athlete=make_athlete(coach=world.coach_a), session_or_slot=session, now=NOW)
    reschedule(booking=booking, to=other, by=world.athlete_a.user, now=NOW)
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.CONFIRMED


def test_moving_into_a_full_class_is_refused_and_keeps_the_place(world):
    session = group_class(world.coach_a)
    full = group_class(world.coach_a, capacity=1, start=session.start + timedelta(days=1))
    book(athlete=make_athlete(coach=world.coach_a), session_or_slot=full, now=NOW)
    booking = book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    with pytest.raises(DomainError, match="That class is full"):
        reschedule(booking=booking, to=full, by=world.athlete_a.user, now=NOW)
    booking.refresh_from_db()
    assert booking.session_id == session.pk


def test_moving_to_another_coach_is_refused(world):
    session = group_class(world.coach_a)
    elsewhere = group_class(world.colleague, start=session.start + timedelta(days=1))
    booking = book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    with pytest.raises(DomainError, match="same coach"):
        reschedule(booking=booking, to=elsewhere, by=world.athlete_a.user, now=NOW)


def test_a_waiting_list_place_cannot_be_moved(world):
    session = group_class(world.coach_a, capacity=1)
    other = group_class(world.coach_a, start=session.start + timedelta(days=1))
    book(athlete=make_athlete(coach=world.coach_a), session_or_slot=session, now=NOW)
    waiting = book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    with pytest.raises(DomainError, match="Only a confirmed place"):
        reschedule(booking=waiting, to=other, by=world.athlete_a.user, now=NOW)
