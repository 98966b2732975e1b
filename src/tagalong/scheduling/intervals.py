"""Half-open time intervals and the overlap and buffer arithmetic on them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tagalong.scheduling.errors import SchedulingError
from tagalong.scheduling.zones import require_aware
from tagalong.wording import Phrase


@dataclass(frozen=True, slots=True)
class Interval:
    """``[start, end)`` in absolute time; both ends aware, kept in UTC."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        require_aware(self.start, field="interval.start")
        require_aware(self.end, field="interval.end")
        if self.end <= self.start:
            raise SchedulingError("interval.end", Phrase("must be after interval.start"))
        object.__setattr__(self, "start", self.start.astimezone(UTC))
        object.__setattr__(self, "end", self.end.astimezone(UTC))

    @property
    def duration(self) -> timedelta:
        return self.end - self.start


def overlaps(a: Interval, b: Interval) -> bool:
    """True when the intervals share time; touching ends (10:00–11:00, 11:00–12:00) do not."""
    return a.start < b.end and b.start < a.end


def with_buffers(interval: Interval, before: timedelta, after: timedelta) -> Interval:
    """The interval widened by the buffers kept clear around it."""
    if before < timedelta(0):
        raise SchedulingError("before", Phrase("a buffer cannot be negative"))
    if after < timedelta(0):
        raise SchedulingError("after", Phrase("a buffer cannot be negative"))
    return Interval(interval.start - before, interval.end + after)
