"""Free booking slots: the step grid of a coach's local hours, minus what is busy.

Daylight-saving decisions (tested on both hemispheres' changeover days):

* the grid runs on the coach's local wall clock, so 09:00 stays 09:00 local and its UTC moves;
* a grid time the clocks skip (spring forward) is not offered;
* a grid time the clocks repeat (fall back) is offered once, at its first occurrence (RFC 5545);
* a working-hours edge that falls in a skipped hour is read with the offset from after the gap
  (the earlier instant): a range starting there opens at the first wall-clock time after the
  gap, and one ending there closes before the gap rather than spilling past it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tagalong.evidence import cite
from tagalong.scheduling.errors import SchedulingError
from tagalong.scheduling.hours import DateException, TimeRange, WeeklyHours, hours_on
from tagalong.scheduling.intervals import Interval, overlaps, with_buffers
from tagalong.scheduling.rules import BookingRules
from tagalong.scheduling.zones import exists, localise, require_aware, zone
from tagalong.wording import Phrase

ZONE_EVIDENCE = cite("scheduling.timezone.per_invitee")


@dataclass(frozen=True, slots=True)
class ZonedSlot:
    """A slot as one person sees it, in their zone, with a label naming the zone."""

    start: datetime
    end: datetime
    zone: str

    @property
    def _times(self) -> dict[str, str | datetime]:
        """What every label names: the times as objects (written in the reader's language)."""
        return {
            "start": self.start,
            "end": self.end,
            "abbreviation": self.start.tzname() or "",
            "zone": self.zone,
        }

    @property
    def label(self) -> Phrase:
        """E.g. ``Sun 29 Mar 2026 09:00–10:00 BST (Europe/London)``."""
        if self.start.date() == self.end.date():
            return Phrase(
                "{start:%a %d %b %Y %H:%M}–{end:%H:%M} {abbreviation} ({zone})", **self._times
            )
        return Phrase(
            "{start:%a %d %b %Y %H:%M}–{end:%a %d %b %Y %H:%M} {abbreviation} ({zone})",
            **self._times,
        )

    @property
    def short_label(self) -> Phrase:
        """E.g. ``Tue 03 Mar 10:00–11:00 GMT``: the day and times, without year and zone name."""
        return Phrase("{start:%a %d %b %H:%M}–{end:%H:%M} {abbreviation}", **self._times)

    @property
    def times_label(self) -> Phrase:
        """E.g. ``10:00–11:00 GMT``, for a list already grouped by day."""
        return Phrase("{start:%H:%M}–{end:%H:%M} {abbreviation}", **self._times)

    @property
    def day_label(self) -> Phrase:
        """E.g. ``Tue 3 Mar``: the day the slot starts on this clock."""
        return Phrase("{day:%a %-d %b}", day=self.start.date())


@dataclass(frozen=True, slots=True)
class Slot:
    """A bookable session time, stored in UTC, with the coach's zone it was computed in."""

    start: datetime
    end: datetime
    coach_zone: str

    @property
    def interval(self) -> Interval:
        return Interval(self.start, self.end)

    def in_zone(self, tz: str) -> ZonedSlot:
        """The slot on ``tz``'s wall clock (``tz`` is the runner's or the coach's IANA zone)."""
        target = zone(tz, field="tz")
        return ZonedSlot(self.start.astimezone(target), self.end.astimezone(target), tz)

    def for_coach(self) -> ZonedSlot:
        return self.in_zone(self.coach_zone)


def free_slots(
    *,
    hours: WeeklyHours,
    exceptions: Sequence[DateException],
    rules: BookingRules,
    busy: Sequence[Interval],
    coach_zone: str,
    start: datetime,
    end: datetime,
    now: datetime,
) -> list[Slot]:
    """Bookable slots starting in ``[start, end)``, sorted and unique.

    ``busy`` is blocked exactly as given (bookings, plan commitments); a slot plus its own
    buffers must stay clear of it. Pass existing bookings of the same type unbuffered to get
    Calendly's behaviour (neighbouring buffers may share time), or widen them with
    :func:`with_buffers` to keep their buffers clear as well. Buffers may fall outside working
    hours; the session itself may not.
    """
    tz = zone(coach_zone, field="coach_zone")
    for name, value in (("start", start), ("end", end), ("now", now)):
        require_aware(value, field=name)
    if end <= start:
        raise SchedulingError("end", Phrase("must be after start"))
    earliest = max(start, now + rules.minimum_notice)
    last_day = now.astimezone(tz).date() + timedelta(days=rules.horizon_days)
    found: set[Slot] = set()
    for day in _days(earliest.astimezone(tz).date(), min(end.astimezone(tz).date(), last_day)):
        for working in hours_on(day, hours, exceptions):
            for slot in _grid(day, working, tz, coach_zone, rules):
                if earliest <= slot.start < end and _is_clear(slot, rules, busy):
                    found.add(slot)
    return sorted(found, key=lambda slot: slot.start)


def _days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def _edge(day: date, wall: time, tz: ZoneInfo) -> datetime:
    naive = datetime.combine(day, wall)
    if not exists(naive.replace(tzinfo=tz)):
        # fold=1 reads a skipped time with the offset after the gap: the earlier instant.
        return naive.replace(tzinfo=tz, fold=1).astimezone(UTC)
    return localise(naive, tz)


def _grid(
    day: date, working: TimeRange, tz: ZoneInfo, coach_zone: str, rules: BookingRules
) -> Iterator[Slot]:
    opens = _edge(day, working.start, tz)
    closes = _edge(day, working.end, tz)
    step = timedelta(minutes=rules.slot_step_min)
    wall = datetime.combine(day, working.start)
    wall_end = datetime.combine(day, working.end)
    while wall < wall_end:
        if exists(wall.replace(tzinfo=tz)):
            begins = localise(wall, tz)
            if opens <= begins and begins + rules.duration <= closes:
                yield Slot(begins, begins + rules.duration, coach_zone)
        wall += step


def _is_clear(slot: Slot, rules: BookingRules, busy: Sequence[Interval]) -> bool:
    guarded = with_buffers(slot.interval, rules.buffer_before, rules.buffer_after)
    return not any(overlaps(guarded, taken) for taken in busy)
