"""Real concurrent bookings against PostgreSQL: the database keeps the seat and overlap rules."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime, time, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from tagalong.bookings.models import Booking, BookingStatus, Kind, Session, SessionType
from tagalong.bookings.services import SlotRequest, book, create_class
from tagalong.errors import DomainError
from tests.bookings.helpers import one_on_one, open_coach
from tests.factories import make_athlete, make_coach

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


def _race(attempts: list) -> tuple[Counter, list[str], list[Exception]]:  # type: ignore[type-arg]
    outcomes: Counter[str] = Counter()
    reasons: list[str] = []
    errors: list[Exception] = []
    lock = threading.Lock()
    barrier = threading.Barrier(len(attempts))

    def run(attempt) -> None:  # type: ignore[no-untyped-def]
        try:
            barrier.wait()
            booking = attempt()
            with lock:
                outcomes[booking.status] += 1
        except DomainError as refused:
            with lock:
                outcomes["refused"] += 1
                reasons.append(refused.message)
        except Exception as error:
            with lock:
                errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(a,)) for a in attempts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes, reasons, errors


def test_forty_runners_racing_for_ten_seats_get_exactly_ten():
    coach = make_coach()
    session_type = SessionType.objects.create(
        coach=coach, name="Clinic", duration_min=45, kind=Kind.GROUP, capacity=10
    )
    now = timezone.now()
    session = create_class(
        coach=coach,
        session_type=session_type,
        start=now + timedelta(days=2),
        tz_name="Europe/London",
        now=now,
    )[0]
    runners = [make_athlete(coach=coach) for _ in range(40)]
    outcomes, _, errors = _race(
        [lambda a=a: book(athlete=a, session_or_slot=session, now=now) for a in runners]
    )
    assert errors == []
    assert outcomes == {BookingStatus.CONFIRMED: 10, BookingStatus.WAITLISTED: 30}
    confirmed = Booking.objects.filter(session=session, status=BookingStatus.CONFIRMED)
    assert confirmed.count() == 10
    assert confirmed.values("athlete").distinct().count() == 10
    positions = Booking.objects.filter(status=BookingStatus.WAITLISTED).values_list(
        "waitlist_position", flat=True
    )
    assert sorted(positions) == list(range(1, 31))


def test_twenty_runners_racing_for_one_slot_get_exactly_one():
    coach = make_coach()
    open_coach(coach, tz="UTC")
    check_in = one_on_one(coach)
    now = timezone.now()
    slot = datetime.combine(now.date() + timedelta(days=2), time(10, 0), tzinfo=UTC)
    runners = [make_athlete(coach=coach) for _ in range(20)]
    outcomes, reasons, errors = _race(
        [
            lambda a=a: book(athlete=a, session_or_slot=SlotRequest(check_in, slot), now=now)
            for a in runners
        ]
    )
    assert errors == []
    assert outcomes == {BookingStatus.CONFIRMED: 1, "refused": 19}
    assert set(reasons) == {"That time has just been taken; please pick another slot."}
    assert Session.objects.filter(coach=coach, status="scheduled").count() == 1
