"""Quiet hours: no message email between 22:00 and 07:00 where the recipient lives."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

QUIET_FROM = time(22, 0)
QUIET_UNTIL = time(7, 0)


def in_quiet_hours(
    now: datetime, zone_name: str, *, start: time = QUIET_FROM, end: time = QUIET_UNTIL
) -> bool:
    try:
        zone = ZoneInfo(zone_name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    local = now.astimezone(zone).time()
    if start <= end:
        return start <= local < end
    return local >= start or local < end
