"""Expanding a recurring group class (an RFC 5545 RRULE) on the coach's local wall clock.

The rule runs on naive local times so 18:00 stays 18:00 local across daylight-saving changes;
each occurrence is then placed in the zone by RFC 5545's rules (``zones.localise``): a time the
clocks skip moves forward by the gap, a repeated time means its first occurrence.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr  # type: ignore[import-untyped]

from tagalong.scheduling.errors import SchedulingError
from tagalong.scheduling.zones import localise, require_aware
from tagalong.wording import Phrase

# Classes recur daily at most; finer rules would make the window scan unbounded in practice.
SUPPORTED_FREQ = frozenset({"DAILY", "WEEKLY", "MONTHLY", "YEARLY"})


def expand_recurrence(
    rrule: str, dtstart_local: datetime, *, window_start: datetime, window_end: datetime
) -> list[datetime]:
    """Occurrences in ``[window_start, window_end)``, as aware datetimes in the coach's zone.

    ``dtstart_local`` carries the coach's ``ZoneInfo``; ``rrule`` is the RRULE value (with or
    without the ``RRULE:`` prefix). A UTC ``UNTIL`` is compared as an instant.
    """
    tz = _coach_zone(dtstart_local)
    require_aware(window_start, field="window_start")
    require_aware(window_end, field="window_end")
    parts, until = _split_until(rrule, tz)
    try:
        rule = rrulestr(parts, dtstart=dtstart_local.replace(tzinfo=None))
    except (ValueError, TypeError) as exc:
        raise SchedulingError(
            "rrule", Phrase("not a valid RRULE ({error})", error=str(exc))
        ) from exc
    # A day's margin either side covers any UTC offset between the window and the local clock.
    low = window_start.astimezone(tz).replace(tzinfo=None) - timedelta(days=1)
    high = window_end.astimezone(tz).replace(tzinfo=None) + timedelta(days=1)
    found: set[datetime] = set()
    for naive in rule.between(low, high, inc=True):
        instant = localise(naive, tz)
        if window_start <= instant < window_end and (until is None or instant <= until):
            found.add(instant)
    return [instant.astimezone(tz) for instant in sorted(found)]


def _coach_zone(dtstart_local: datetime) -> ZoneInfo:
    tz = dtstart_local.tzinfo
    if not isinstance(tz, ZoneInfo):
        raise SchedulingError(
            "dtstart_local",
            Phrase("must carry the coach's IANA zone (a ZoneInfo), not a fixed offset"),
        )
    return tz


def _split_until(rrule: str, tz: ZoneInfo) -> tuple[str, datetime | None]:
    """The rule without UNTIL, and UNTIL as an instant (dateutil refuses a UTC UNTIL here)."""
    text = rrule.strip().removeprefix("RRULE:")
    if not text:
        raise SchedulingError("rrule", Phrase("is empty"))
    kept: list[str] = []
    until: datetime | None = None
    for part in text.split(";"):
        key, _, value = part.partition("=")
        key = key.strip().upper()
        if key == "FREQ" and value.upper() not in SUPPORTED_FREQ:
            raise SchedulingError(
                "rrule", Phrase("FREQ={value} is not supported; use DAILY or coarser", value=value)
            )
        if key == "UNTIL":
            until = _parse_until(value.strip(), tz)
        else:
            kept.append(part)
    return ";".join(kept), until


def _parse_until(value: str, tz: ZoneInfo) -> datetime:
    try:
        if len(value) == 8:  # a DATE: the whole local day counts
            day = datetime.strptime(value, "%Y%m%d").date()
            return localise(datetime.combine(day, time.max), tz)
        if value.endswith("Z"):
            return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        return localise(datetime.strptime(value, "%Y%m%dT%H%M%S"), tz)
    except ValueError as exc:
        raise SchedulingError(
            "rrule", Phrase("UNTIL={value} is not an iCalendar date or date-time", value=value)
        ) from exc
