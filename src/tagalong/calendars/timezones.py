"""VTIMEZONE components, generated from the tz database for the years a calendar needs."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from icalendar import Timezone

from tagalong.calendars.errors import CalendarError
from tagalong.wording import Phrase

# icalendar's own horizon; recurring events without an end need transitions this far out.
OPEN_ENDED_LAST = Timezone.DEFAULT_LAST_DATE


def vtimezone(tz_name: str, first: date, last: date) -> Timezone:
    """A VTIMEZONE for ``tz_name`` valid from the start of ``first``'s year to after ``last``."""
    return _cached(tz_name, date(first.year, 1, 1), date(max(last.year, first.year) + 2, 1, 1))


@lru_cache(maxsize=64)
def _cached(tz_name: str, first: date, last: date) -> Timezone:
    try:
        return Timezone.from_tzid(tz_name, first_date=first, last_date=last)
    except ValueError as exc:
        raise CalendarError(
            "tz_name", Phrase("no VTIMEZONE can be built for {zone}", zone=repr(tz_name))
        ) from exc
