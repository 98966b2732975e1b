"""What the runner's booking page shows: free times by day on the runner's clock, each labelled
with the coach's clock too, or the scheduled classes with their seats."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from tagalong.athletes.models import AthleteProfile
from tagalong.bookings.models import Booking, SessionType
from tagalong.bookings.selectors import MAX_WINDOW, Offer, offers
from tagalong.bookings.services import ensure_coach_setup
from tagalong.scheduling.zones import localise, zone

WEEK = timedelta(days=7)
# Classes of the coming two months; a day short of the window limit so a clock change fits.
CLASS_DAYS = MAX_WINDOW.days - 1


@dataclass(frozen=True)
class OfferRow:
    offer: Offer
    runner_time: str  # e.g. "10:00–11:00 GMT"
    coach_time: str  # e.g. "Tue 03 Mar 11:00–12:00 CET"
    day_label: str  # the runner's date, e.g. "Tue 3 Mar"
    value: str  # what the form posts: the instant in ISO 8601 UTC
    mine: bool = False  # the runner already holds a place here


@dataclass(frozen=True)
class SlotPage:
    session_type: SessionType
    runner_zone: str
    coach_zone: str
    days: list[tuple[date, list[OfferRow]]]
    first: date
    previous: date | None
    next: date | None
    horizon_days: int

    @property
    def same_zone(self) -> bool:
        return self.runner_zone == self.coach_zone

    @property
    def empty(self) -> bool:
        return not any(rows for _, rows in self.days)


def _row(offer: Offer, runner_zone: str, mine: set[int]) -> OfferRow:
    local = offer.slot.in_zone(runner_zone)
    return OfferRow(
        offer=offer,
        runner_time=local.times_label,
        coach_time=offer.slot.for_coach().short_label,
        day_label=local.day_label,
        value=offer.slot.start.isoformat(),
        mine=offer.session_id in mine,
    )


def _by_day(rows: list[OfferRow], runner_zone: str) -> dict[date, list[OfferRow]]:
    tz = zone(runner_zone)
    days: dict[date, list[OfferRow]] = {}
    for row in rows:
        days.setdefault(row.offer.slot.start.astimezone(tz).date(), []).append(row)
    return days


def _held_sessions(athlete: AthleteProfile | None, session_type: SessionType) -> set[int]:
    if athlete is None:
        return set()
    return set(
        Booking.objects.filter(
            athlete=athlete,
            session__session_type=session_type,
            status__in=("confirmed", "waitlisted"),
        ).values_list("session_id", flat=True)
    )


def slot_page(
    *,
    session_type: SessionType,
    athlete: AthleteProfile | None,
    runner_zone: str,
    first: date | None,
    now: datetime,
) -> SlotPage:
    """One week of free one-on-one times from ``first`` (the runner's date), or the classes of
    the next two months for a group session type."""
    availability = ensure_coach_setup(coach=session_type.coach)
    tz = zone(runner_zone)
    today = now.astimezone(tz).date()
    last = today + timedelta(days=availability.horizon_days)
    if session_type.is_group:
        first, days = today, CLASS_DAYS
    else:
        first, days = min(max(first or today, today), last), WEEK.days
    start = max(localise(datetime.combine(first, time.min), tz), now)
    end = localise(datetime.combine(first + timedelta(days=days), time.min), tz)
    found = offers(session_type=session_type, start=start, end=end, now=now, runner=athlete)
    held = _held_sessions(athlete, session_type)
    by_day = _by_day([_row(o, runner_zone, held) for o in found], runner_zone)
    shown = sorted(by_day) if session_type.is_group else [first + timedelta(d) for d in range(7)]
    return SlotPage(
        session_type=session_type,
        runner_zone=runner_zone,
        coach_zone=availability.time_zone,
        days=[(day, by_day.get(day, [])) for day in shown],
        first=first,
        previous=None if session_type.is_group or first <= today else max(first - WEEK, today),
        next=None if session_type.is_group or first + WEEK > last else first + WEEK,
        horizon_days=availability.horizon_days,
    )
