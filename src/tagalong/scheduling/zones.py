"""Time-zone lookup and the rules for local times that a daylight-saving change skips or repeats.

We follow RFC 5545 §3.3.5 (evidence ``scheduling.ical.local_time_rules``), which is also what
``zoneinfo`` does with ``fold=0``: a repeated local time means its first occurrence, and a skipped
one is read with the offset from before the gap.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tagalong.scheduling.errors import SchedulingError
from tagalong.wording import Phrase


def zone(name: str, *, field: str = "zone") -> ZoneInfo:
    """The IANA zone called ``name``; an unknown or empty name is a SchedulingError."""
    if not name or not isinstance(name, str):
        raise SchedulingError(
            field, Phrase("an IANA time-zone name such as 'Europe/London' is required")
        )
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise SchedulingError(
            field, Phrase("unknown IANA time zone {name}", name=repr(name))
        ) from exc


def require_aware(value: datetime, *, field: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise SchedulingError(
            field, Phrase("must be timezone-aware (store UTC, compute in local time)")
        )
    return value


def exists(local: datetime) -> bool:
    """False for a wall-clock time that the zone skips (spring forward)."""
    round_trip = local.astimezone(UTC).astimezone(local.tzinfo)
    return round_trip.replace(tzinfo=None) == local.replace(tzinfo=None)


def localise(naive: datetime, tz: ZoneInfo) -> datetime:
    """Attach ``tz`` to a wall-clock time by RFC 5545's rules, returned in UTC."""
    return naive.replace(tzinfo=tz, fold=0).astimezone(UTC)
