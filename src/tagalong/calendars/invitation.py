"""Email invitations (iTIP, RFC 5546) for one booked session: request, update, cancel.

An update re-sends METHOD:REQUEST with the same UID and a higher SEQUENCE; a cancellation is
METHOD:CANCEL, STATUS:CANCELLED, same UID, higher SEQUENCE again (evidence
``scheduling.invitation.sequence_and_cancel``). The caller stores the last SEQUENCE sent and
passes ``last + 1`` with every change: this module cannot know what was sent before.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Literal

from icalendar import Calendar, Event

from tagalong.calendars import checks, people
from tagalong.calendars.errors import CalendarError
from tagalong.calendars.people import Person
from tagalong.calendars.timezones import vtimezone
from tagalong.evidence import cite
from tagalong.wording import Phrase

PRODID = "-//Tagalong//Tagalong coaching//EN"
INVITATION_EVIDENCE = cite("scheduling.invitation.sequence_and_cancel")

Method = Literal["REQUEST", "CANCEL", "PUBLISH"]
Status = Literal["CONFIRMED", "TENTATIVE", "CANCELLED"]
METHODS: tuple[Method, ...] = ("REQUEST", "CANCEL", "PUBLISH")


def build_invitation(
    *,
    method: Method,
    uid: str,
    sequence: int,
    start: datetime,
    end: datetime,
    tz_name: str,
    summary: str,
    organizer: Person,
    attendees: Sequence[Person],
    dtstamp: datetime,
    description: str = "",
    location: str = "",
    url: str | None = None,
    status: Status | None = None,
) -> bytes:
    """A VCALENDAR with one VEVENT, its VTIMEZONE and the iTIP METHOD.

    ``status`` defaults to CONFIRMED, and is always CANCELLED for METHOD:CANCEL. PUBLISH carries
    no attendees (RFC 5546 §3.2.1) and is for sessions shown rather than answered.
    """
    if method not in METHODS:
        raise CalendarError(
            "method",
            Phrase("{method} is not one of {methods}", method=repr(method), methods=METHODS),
        )
    tz = checks.zone(tz_name)
    local_start = checks.aware(start, field="start").astimezone(tz)
    local_end = checks.aware(end, field="end").astimezone(tz)
    if local_end <= local_start:
        raise CalendarError("end", Phrase("must be after start"))
    event = Event()
    event.add("UID", checks.uid(uid))
    event.add("SEQUENCE", checks.sequence(sequence))
    event.add("DTSTAMP", checks.utc(dtstamp, field="dtstamp"))
    event.add("DTSTART", local_start)
    event.add("DTEND", local_end)
    event.add("SUMMARY", str(summary))  # a phrase in the active language, not its English
    event.add("STATUS", _status(method, status))
    if description:
        event.add("DESCRIPTION", str(description))
    if location:
        event.add("LOCATION", location)
    if url:
        event.add("URL", url)
    event.add("ORGANIZER", people.organizer(organizer))
    if method != "PUBLISH":
        for index, person in enumerate(attendees):
            event.add("ATTENDEE", people.attendee(person, index=index, rsvp=method == "REQUEST"))
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("METHOD", method)
    calendar.add_component(vtimezone(tz_name, local_start.date(), local_end.date()))
    calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical


def _status(method: Method, status: Status | None) -> Status:
    if method == "CANCEL":
        if status not in (None, "CANCELLED"):
            raise CalendarError(
                "status", Phrase("a CANCEL invitation cannot be {status}", status=str(status))
            )
        return "CANCELLED"
    if status == "CANCELLED":
        raise CalendarError(
            "status", Phrase("CANCELLED needs method CANCEL so calendars remove it")
        )
    return status or "CONFIRMED"
