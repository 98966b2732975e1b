"""Private iCal feeds: a runner's plan sessions and bookings, or a coach's classes.

Every event keeps a stable UID and its own SEQUENCE, so calendar apps update an event in place
instead of duplicating it. Timed events are written on ``tz_name``'s wall clock with a TZID, so a
weekly RRULE keeps its local time across daylight-saving changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, vDuration, vRecur

from tagalong.calendars import checks
from tagalong.calendars.errors import CalendarError
from tagalong.calendars.invitation import PRODID
from tagalong.calendars.timezones import OPEN_ENDED_LAST, vtimezone
from tagalong.wording import Phrase

FeedStatus = Literal["CONFIRMED", "TENTATIVE", "CANCELLED"]
REFRESH = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class FeedEvent:
    """One feed entry. A ``date`` start makes an all-day event (``end`` exclusive, default the
    next day); an aware ``datetime`` start makes a timed one and needs an aware ``end``.
    ``rrule`` is an RRULE value such as ``FREQ=WEEKLY;BYDAY=TU`` for a recurring class.
    """

    uid: str
    summary: str
    start: date | datetime
    end: date | datetime | None = None
    sequence: int = 0
    description: str = ""
    location: str = ""
    url: str | None = None
    rrule: str | None = None
    status: FeedStatus = "CONFIRMED"


def build_feed(*, name: str, events: Sequence[FeedEvent], tz_name: str, dtstamp: datetime) -> bytes:
    """A VCALENDAR (METHOD:PUBLISH) named ``name`` holding ``events`` and the VTIMEZONE they use."""
    tz = checks.zone(tz_name)
    stamp = checks.utc(dtstamp, field="dtstamp")
    seen: set[str] = set()
    components: list[Event] = []
    for index, entry in enumerate(events):
        field = f"events[{index}]"
        checks.uid(entry.uid, field=f"{field}.uid")
        if entry.uid in seen:
            raise CalendarError(
                f"{field}.uid", Phrase("{uid} is used twice in this feed", uid=repr(entry.uid))
            )
        seen.add(entry.uid)
        components.append(_event(entry, tz, stamp, field))
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("METHOD", "PUBLISH")
    calendar.add("X-WR-CALNAME", str(name))
    # How often subscribers should fetch again, as a DURATION value ("PT1H"): Apple and Google
    # read X-PUBLISHED-TTL, RFC 7986 clients REFRESH-INTERVAL.
    calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH))
    calendar.add("REFRESH-INTERVAL", vDuration(REFRESH), parameters={"VALUE": "DURATION"})
    timed = [e for e in events if isinstance(e.start, datetime)]
    if timed:
        calendar.add_component(_feed_timezone(tz_name, tz, timed))
    for component in components:
        calendar.add_component(component)
    ical: bytes = calendar.to_ical()
    return ical


def _event(entry: FeedEvent, tz: ZoneInfo, stamp: datetime, field: str) -> Event:
    event = Event()
    event.add("UID", entry.uid)
    event.add("SEQUENCE", checks.sequence(entry.sequence, field=f"{field}.sequence"))
    event.add("DTSTAMP", stamp)
    start, end = _span(entry, tz, field)
    event.add("DTSTART", start)
    event.add("DTEND", end)
    # str() says a phrase in the active language (the feed owner's); icalendar would copy
    # the English.
    event.add("SUMMARY", str(entry.summary))
    event.add("STATUS", entry.status)
    if entry.description:
        event.add("DESCRIPTION", str(entry.description))
    if entry.location:
        event.add("LOCATION", entry.location)
    if entry.url:
        event.add("URL", entry.url)
    if entry.rrule:
        event.add("RRULE", _recur(entry.rrule, field))
    return event


def _span(entry: FeedEvent, tz: ZoneInfo, field: str) -> tuple[date, date]:
    start: date
    end: date
    if isinstance(entry.start, datetime):
        start = checks.aware(entry.start, field=f"{field}.start").astimezone(tz)
        if not isinstance(entry.end, datetime):
            raise CalendarError(f"{field}.end", Phrase("a timed event needs an aware datetime end"))
        end = checks.aware(entry.end, field=f"{field}.end").astimezone(tz)
    else:
        start = entry.start
        if entry.end is None:
            end = start + timedelta(days=1)
        elif isinstance(entry.end, datetime):
            raise CalendarError(
                f"{field}.end", Phrase("an all-day event needs a date end, not a time")
            )
        else:
            end = entry.end
    if end <= start:
        raise CalendarError(f"{field}.end", Phrase("must be after start"))
    return start, end


def _recur(rule: str, field: str) -> vRecur:
    try:
        recur: vRecur = vRecur.from_ical(rule.strip().removeprefix("RRULE:"))
    except ValueError as exc:
        raise CalendarError(
            f"{field}.rrule", Phrase("not a valid RRULE ({error})", error=str(exc))
        ) from exc
    return recur


def _feed_timezone(tz_name: str, tz: ZoneInfo, timed: Sequence[FeedEvent]) -> Timezone:
    days = [
        checks.aware(e.start, field="start").astimezone(tz).date()
        for e in timed
        if isinstance(e.start, datetime)
    ]
    last = OPEN_ENDED_LAST if any(e.rrule for e in timed) else max(days)
    return vtimezone(tz_name, min(days), last)
