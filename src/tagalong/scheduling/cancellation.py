"""The cancellation window: free cancellation until a cut-off before the session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from tagalong.scheduling.errors import SchedulingError
from tagalong.scheduling.zones import require_aware
from tagalong.wording import Phrase


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    reason: Phrase


def _check(session_start: datetime, now: datetime, cutoff_hours: float) -> timedelta:
    require_aware(session_start, field="session_start")
    require_aware(now, field="now")
    if cutoff_hours < 0:
        raise SchedulingError("cutoff_hours", Phrase("cannot be negative"))
    return session_start - now


def can_cancel(session_start: datetime, now: datetime, cutoff_hours: float) -> Decision:
    """Whether the runner may still cancel on their own, with the reason to show them.

    The cut-off is a coach's own policy, not a convention with evidence behind it.
    """
    left = _check(session_start, now, cutoff_hours)
    if left <= timedelta(0):
        return Decision(False, Phrase("The session has already started."))
    if left < timedelta(hours=cutoff_hours):
        return Decision(
            False,
            Phrase(
                "Cancellations close {hours:g} h before the session; ask your coach.",
                hours=cutoff_hours,
            ),
        )
    return Decision(
        True, Phrase("You can cancel until {hours:g} h before the session.", hours=cutoff_hours)
    )


def late_cancel(session_start: datetime, now: datetime, cutoff_hours: float) -> bool:
    """True when a cancellation now is late: inside the cut-off but before the start."""
    left = _check(session_start, now, cutoff_hours)
    return timedelta(0) < left < timedelta(hours=cutoff_hours)
