from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from tagalong.scheduling import (
    BookingRules,
    Interval,
    TimeRange,
    WeeklyHours,
    free_slots,
    hours_on,
    overlaps,
    with_buffers,
)

# Windows that straddle each zone's changeover days, so the property is tested where it breaks.
ZONES_AND_DAYS = [
    ("Europe/London", date(2026, 3, 28)),
    ("Europe/London", date(2026, 10, 24)),
    ("America/New_York", date(2026, 3, 7)),
    ("America/New_York", date(2026, 10, 31)),
    ("Australia/Sydney", date(2026, 4, 4)),
    ("Australia/Sydney", date(2026, 10, 3)),
]


@st.composite
def time_ranges(draw: st.DrawFn) -> TimeRange:
    start = draw(st.integers(0, 22 * 4)) * 15
    length = draw(st.integers(1, 6 * 4)) * 15
    end = min(start + length, 23 * 60 + 59)
    return TimeRange(time(start // 60, start % 60), time(end // 60, end % 60))


@st.composite
def busy_intervals(draw: st.DrawFn, around: datetime) -> Interval:
    start = around + timedelta(minutes=draw(st.integers(0, 3 * 24 * 60)))
    return Interval(start, start + timedelta(minutes=draw(st.integers(1, 240))))


@st.composite
def cases(draw: st.DrawFn) -> tuple[str, datetime, WeeklyHours, BookingRules, list[Interval]]:
    zone, day = draw(st.sampled_from(ZONES_AND_DAYS))
    start = datetime.combine(day, time(0), ZoneInfo(zone)).astimezone(UTC)
    ranges = draw(st.lists(time_ranges(), min_size=1, max_size=2))
    ranges.sort(key=lambda r: r.start)
    if len(ranges) == 2 and ranges[1].start < ranges[0].end:
        ranges = ranges[:1]
    hours = WeeklyHours({weekday: ranges for weekday in range(7)})
    rules = BookingRules(
        duration=timedelta(minutes=draw(st.integers(1, 12)) * 10),
        buffer_before_min=draw(st.integers(0, 180)),
        buffer_after_min=draw(st.integers(0, 180)),
        slot_step_min=draw(st.sampled_from([5, 10, 15, 20, 30, 60])),
    )
    busy = draw(st.lists(busy_intervals(start), max_size=4))
    return zone, start, hours, rules, busy


@settings(max_examples=60, deadline=None)
@given(cases())
def test_slots_are_sorted_unique_inside_hours_and_clear_of_busy_time(
    case: tuple[str, datetime, WeeklyHours, BookingRules, list[Interval]],
) -> None:
    zone, start, hours, rules, busy = case
    tz = ZoneInfo(zone)
    slots = free_slots(
        hours=hours,
        exceptions=[],
        rules=rules,
        busy=busy,
        coach_zone=zone,
        start=start,
        end=start + timedelta(days=3),
        now=start - timedelta(days=1),
    )
    starts = [slot.start for slot in slots]
    assert starts == sorted(set(starts))
    for slot in slots:
        guarded = with_buffers(slot.interval, rules.buffer_before, rules.buffer_after)
        assert not any(overlaps(guarded, taken) for taken in busy)
        local_start = slot.start.astimezone(tz)
        assert local_start.fold == 0
        day_ranges = hours_on(local_start.date(), hours, [])
        assert any(_inside(slot.end, local_start, r, tz) for r in day_ranges)


def _inside(end: datetime, local_start: datetime, working: TimeRange, tz: ZoneInfo) -> bool:
    if not working.start <= local_start.time() < working.end:
        return False
    wall_end = datetime.combine(local_start.date(), working.end)
    latest = max(wall_end.replace(tzinfo=tz, fold=fold).astimezone(UTC) for fold in (0, 1))
    return end <= latest
