from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tagalong.bookings.models import BookingStatus, Session, SessionStatus, SessionType
from tagalong.bookings.services import SlotRequest, book, ensure_coach_setup
from tagalong.errors import DomainError
from tests.bookings.helpers import NOW, group_class, one_on_one, open_coach
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db
SLOT = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)  # Tuesday 10:00 in London (GMT)


def test_new_coach_gets_three_default_session_types(world):
    ensure_coach_setup(coach=world.coach_a)
    names = set(SessionType.objects.filter(coach=world.coach_a).values_list("name", "capacity"))
    assert names == {("Initial assessment", 1), ("Follow-up", 1), ("Group calf clinic", 12)}


def test_booking_a_free_slot_creates_the_session_with_a_private_room(world):
    open_coach(world.coach_a)
    booking = book(
        athlete=world.athlete_a,
        session_or_slot=SlotRequest(one_on_one(world.coach_a), SLOT),
        now=NOW,
    )
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.session.start == SLOT
    assert booking.session.room_url.startswith("https://meet.jit.si/")
    assert len(booking.session.room_url.rsplit("/", 1)[1]) >= 22


def test_jitsi_server_comes_from_the_environment(world, monkeypatch):
    monkeypatch.setenv("TAGALONG_JITSI_SERVER", "https://video.example.org")
    open_coach(world.coach_a)
    booking = book(
        athlete=world.athlete_a,
        session_or_slot=SlotRequest(one_on_one(world.coach_a), SLOT),
        now=NOW,
    )
    assert booking.session.room_url.startswith("https://video.example.org/")


def test_coach_is_not_double_booked_across_session_types(world):
    open_coach(world.coach_a)
    other = make_athlete(coach=world.coach_a)
    book(
        athlete=world.athlete_a,
        session_or_slot=SlotRequest(one_on_one(world.coach_a), SLOT),
        now=NOW,
    )
    with pytest.raises(DomainError, match="just been taken"):
        book(
            athlete=other,
            session_or_slot=SlotRequest(
                one_on_one(world.coach_a, minutes=30), SLOT + timedelta(minutes=30)
            ),
            now=NOW,
        )


def test_runner_cannot_hold_two_overlapping_bookings(world):
    open_coach(world.coach_a)
    session = group_class(world.coach_a, start=SLOT)
    book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    colleague_type = one_on_one(world.colleague)
    open_coach(world.colleague)
    world.athlete_a.links.create(
        coach=world.colleague, practice=world.coach_a.coach_profile.practice
    )
    with pytest.raises(DomainError, match="already have a session at that time"):
        book(athlete=world.athlete_a, session_or_slot=SlotRequest(colleague_type, SLOT), now=NOW)


def test_slot_outside_hours_is_refused(world):
    open_coach(world.coach_a)
    late = datetime(2026, 3, 3, 20, 0, tzinfo=UTC)
    with pytest.raises(DomainError, match="not open"):
        book(
            athlete=world.athlete_a,
            session_or_slot=SlotRequest(one_on_one(world.coach_a), late),
            now=NOW,
        )


def test_runner_of_another_coach_cannot_book(world):
    open_coach(world.coach_a)
    with pytest.raises(DomainError, match="not open to you"):
        book(
            athlete=world.athlete_b,
            session_or_slot=SlotRequest(one_on_one(world.coach_a), SLOT),
            now=NOW,
        )


def test_full_class_puts_next_runner_on_the_waiting_list(world):
    session = group_class(world.coach_a, capacity=1)
    book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    second = book(athlete=make_athlete(coach=world.coach_a), session_or_slot=session, now=NOW)
    third = book(athlete=make_athlete(coach=world.coach_a), session_or_slot=session, now=NOW)
    assert (second.status, second.waitlist_position) == (BookingStatus.WAITLISTED, 1)
    assert third.waitlist_position == 2


def test_same_runner_cannot_take_two_places_in_one_class(world):
    session = group_class(world.coach_a)
    book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    with pytest.raises(DomainError, match="already have a place"):
        book(athlete=world.athlete_a, session_or_slot=session, now=NOW)


def test_class_that_started_cannot_be_booked(world):
    session = group_class(world.coach_a)
    with pytest.raises(DomainError, match="no longer be booked"):
        book(athlete=world.athlete_a, session_or_slot=session, now=session.start)


def test_group_class_overlapping_the_coachs_other_session_is_refused(world):
    session = group_class(world.coach_a)
    with pytest.raises(DomainError, match="already have a session"):
        group_class(world.coach_a, start=session.start + timedelta(minutes=15))
    assert Session.objects.filter(status=SessionStatus.SCHEDULED).count() == 1
