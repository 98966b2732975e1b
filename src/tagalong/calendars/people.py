"""Organizer and attendee addresses."""

from __future__ import annotations

from typing import NamedTuple

from icalendar import vCalAddress

from tagalong.calendars import checks


class Person(NamedTuple):
    """(name, email) of an organizer or attendee; a plain tuple reads the same."""

    name: str
    email: str


def organizer(person: Person) -> vCalAddress:
    address = checks.email(person.email, field="organizer.email")
    return vCalAddress.new(address, cn=person.name or None)


def attendee(person: Person, *, index: int, rsvp: bool) -> vCalAddress:
    address = checks.email(person.email, field=f"attendees[{index}].email")
    return vCalAddress.new(
        address,
        cn=person.name or None,
        role="REQ-PARTICIPANT",
        partstat="NEEDS-ACTION",
        rsvp=rsvp,
    )
