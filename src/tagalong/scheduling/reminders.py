"""When a session reminder goes out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tagalong.evidence import cite
from tagalong.scheduling.errors import SchedulingError
from tagalong.scheduling.zones import require_aware
from tagalong.wording import Phrase

REMINDER_EVIDENCE = cite("scheduling.reminder.not_later_than_1h")
MIN_REMINDER_LEAD = timedelta(hours=1)  # REMINDER_EVIDENCE


def reminder_at(session_start: datetime, lead: timedelta) -> datetime:
    """The UTC instant to send a reminder ``lead`` before the session; at least one hour."""
    require_aware(session_start, field="session_start")
    if lead < MIN_REMINDER_LEAD:
        raise SchedulingError("lead", Phrase("reminders go out at least 1 h before the session"))
    return (session_start - lead).astimezone(UTC)
