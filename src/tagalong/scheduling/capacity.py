"""Seats in a group slot."""

from __future__ import annotations

from tagalong.evidence import cite
from tagalong.scheduling.errors import SchedulingError
from tagalong.wording import Phrase

CAPACITY_EVIDENCE = cite("scheduling.group.capacity_per_slot")


def seats_left(capacity: int, taken: int) -> int:
    """Remaining spots to show for a group slot; never negative if it was overbooked."""
    if capacity < 1:
        raise SchedulingError("capacity", Phrase("a slot needs at least one seat"))
    if taken < 0:
        raise SchedulingError("taken", Phrase("cannot be negative"))
    return max(capacity - taken, 0)
