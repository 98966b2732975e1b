"""Bookable set-ups for the booking tests; the clock is always passed in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tagalong.accounts.models import User
from tagalong.bookings.models import Availability, Kind, Session, SessionType
from tagalong.bookings.services import create_class, ensure_coach_setup

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # a Monday
EVERY_DAY = {str(d): [["09:00", "17:00"]] for d in range(7)}


def open_coach(coach: User, *, tz: str = "Europe/London", **extra: object) -> Availability:
    availability = ensure_coach_setup(coach=coach)
    Availability.objects.filter(pk=availability.pk).update(
        time_zone=tz, weekly_hours=EVERY_DAY, minimum_notice_hours=0, **extra
    )
    availability.refresh_from_db()
    return availability


def one_on_one(coach: User, *, minutes: int = 60, cutoff: int = 24) -> SessionType:
    return SessionType.objects.create(
        coach=coach, name="Check-in", duration_min=minutes, cancel_cutoff_hours=cutoff
    )


def group_class(
    coach: User, *, capacity: int = 2, start: datetime | None = None, cutoff: int = 24
) -> Session:
    session_type = SessionType.objects.create(
        coach=coach,
        name="Calf clinic",
        duration_min=45,
        kind=Kind.GROUP,
        capacity=capacity,
        cancel_cutoff_hours=cutoff,
    )
    begins = start or NOW + timedelta(days=3)
    return create_class(
        coach=coach, session_type=session_type, start=begins, tz_name="Europe/London", now=NOW
    )[0]
