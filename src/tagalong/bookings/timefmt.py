"""Times as people read them: on their own wall clock, with the zone named."""

from __future__ import annotations

from datetime import datetime

from tagalong.scheduling import Slot
from tagalong.scheduling.zones import zone
from tagalong.wording import Phrase


def span_label(start: datetime, end: datetime, tz_name: str) -> Phrase:
    """E.g. ``Tue 03 Mar 2026 10:00–11:00 GMT (Europe/London)``."""
    return Slot(start, end, tz_name).in_zone(tz_name).label


def time_label(moment: datetime, tz_name: str) -> Phrase:
    """E.g. ``Tue 03 Mar 09:50 GMT``."""
    local = moment.astimezone(zone(tz_name))
    return Phrase("{time:%a %d %b %H:%M} {abbreviation}", time=local, abbreviation=local.tzname())
