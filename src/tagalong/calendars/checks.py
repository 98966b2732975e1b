"""Input checks shared by invitations and feeds."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tagalong.calendars.errors import CalendarError
from tagalong.wording import Phrase

# Deliberately loose: the mail system validates addresses; we only keep out what would break
# the iCalendar line (spaces, control characters) or is clearly not an address.
_EMAIL = re.compile(r"^[^@\s:;,<>\"]+@[^@\s:;,<>\"]+\.[^@\s:;,<>\"]+$")


def zone(name: str, *, field: str = "tz_name") -> ZoneInfo:
    if not name:
        raise CalendarError(
            field, Phrase("an IANA time-zone name such as 'Europe/London' is required")
        )
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise CalendarError(
            field, Phrase("unknown IANA time zone {name}", name=repr(name))
        ) from exc


def aware(value: datetime, *, field: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise CalendarError(field, Phrase("must be timezone-aware"))
    return value


def utc(value: datetime, *, field: str) -> datetime:
    return aware(value, field=field).astimezone(UTC)


def email(value: str, *, field: str) -> str:
    if not _EMAIL.match(value):
        raise CalendarError(field, Phrase("{address} is not an email address", address=repr(value)))
    return value


def uid(value: str, *, field: str = "uid") -> str:
    if not value or any(ch in value for ch in "\r\n") or value != value.strip():
        raise CalendarError(
            field, Phrase("must be a non-empty single-line string without outer spaces")
        )
    return value


def sequence(value: int, *, field: str = "sequence") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise CalendarError(
            field, Phrase("{value} must be a whole number of 0 or more", value=repr(value))
        )
    return value
