"""A coach's bookable hours: a weekly pattern in local wall-clock time, plus dated exceptions.

Hours are wall-clock times in the coach's zone, so 09:00 stays 09:00 local across a
daylight-saving change and the UTC instant moves instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from itertools import pairwise

from tagalong.scheduling.errors import SchedulingError
from tagalong.wording import Phrase

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True, slots=True)
class TimeRange:
    """Local ``[start, end)`` within one day; a range may not cross midnight."""

    start: time
    end: time

    def __post_init__(self) -> None:
        for name, value in (("start", self.start), ("end", self.end)):
            if value.tzinfo is not None:
                raise SchedulingError(
                    f"time_range.{name}", Phrase("must be a local wall-clock time")
                )
        if self.end <= self.start:
            raise SchedulingError(
                "time_range.end",
                Phrase(
                    "{end} must be after start {start} on the same day",
                    end=str(self.end),
                    start=str(self.start),
                ),
            )


def _check_no_overlap(ranges: Sequence[TimeRange], *, field_name: str) -> tuple[TimeRange, ...]:
    ordered = tuple(sorted(ranges, key=lambda r: r.start))
    for earlier, later in pairwise(ordered):
        if later.start < earlier.end:
            raise SchedulingError(
                field_name,
                Phrase(
                    "ranges {first_start}-{first_end} and {second_start}-{second_end} overlap",
                    first_start=str(earlier.start),
                    first_end=str(earlier.end),
                    second_start=str(later.start),
                    second_end=str(later.end),
                ),
            )
    return ordered


@dataclass(frozen=True, slots=True)
class WeeklyHours:
    """Working ranges per weekday (0 = Monday, as ``date.weekday()``), in the coach's zone."""

    by_weekday: Mapping[int, Sequence[TimeRange]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        cleaned: dict[int, tuple[TimeRange, ...]] = {}
        for weekday, ranges in self.by_weekday.items():
            if weekday not in range(7):
                raise SchedulingError(
                    "weekly_hours",
                    Phrase("weekday {weekday} is not 0 (Mon) to 6 (Sun)", weekday=repr(weekday)),
                )
            cleaned[weekday] = _check_no_overlap(
                ranges, field_name=f"weekly_hours.{WEEKDAYS[weekday]}"
            )
        object.__setattr__(self, "by_weekday", cleaned)

    def on(self, day: date) -> tuple[TimeRange, ...]:
        return tuple(self.by_weekday.get(day.weekday(), ()))


@dataclass(frozen=True, slots=True)
class DateException:
    """One local date that differs from the weekly pattern.

    With ``replace=True`` the listed ranges are the day's only hours (none at all = day off);
    with ``replace=False`` they are extra hours added to the weekly ones.
    """

    day: date
    ranges: Sequence[TimeRange] = ()
    replace: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "ranges", _check_no_overlap(self.ranges, field_name=f"exception.{self.day}")
        )

    @classmethod
    def unavailable(cls, day: date) -> DateException:
        return cls(day=day, ranges=(), replace=True)


def hours_on(
    day: date, weekly: WeeklyHours, exceptions: Sequence[DateException]
) -> tuple[TimeRange, ...]:
    """The local ranges open for booking on ``day`` after applying its exceptions."""
    ranges = list(weekly.on(day))
    for exception in exceptions:
        if exception.day != day:
            continue
        if exception.replace:
            ranges = list(exception.ranges)
        else:
            ranges.extend(exception.ranges)
    return _merge(ranges)


def _merge(ranges: Sequence[TimeRange]) -> tuple[TimeRange, ...]:
    # Extra hours may overlap the weekly ones; the coach means the union.
    merged: list[TimeRange] = []
    for current in sorted(ranges, key=lambda r: r.start):
        if merged and current.start <= merged[-1].end:
            last = merged.pop()
            current = TimeRange(last.start, max(last.end, current.end))
        merged.append(current)
    return tuple(merged)
