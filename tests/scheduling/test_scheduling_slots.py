import itertools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from tagalong.scheduling import (
    BookingRules,
    DateException,
    Interval,
    SchedulingError,
    Slot,
    TimeRange,
    WeeklyHours,
    free_slots,
)

LONDON = "Europe/London"
NEW_YORK = "America/New_York"
SYDNEY = "Australia/Sydney"
MONDAY = date(2026, 6, 1)


def local(zone: str, year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(zone))


def utc(year: int, month: int, day: int, hour: int = 0) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def every_day(start: time, end: time) -> WeeklyHours:
    return WeeklyHours({weekday: [TimeRange(start, end)] for weekday in range(7)})


def slots_on(
    day: date,
    *,
    zone: str = LONDON,
    hours: WeeklyHours | None = None,
    rules: BookingRules | None = None,
    busy: list[Interval] | None = None,
    exceptions: list[DateException] | None = None,
    now: datetime | None = None,
) -> list[Slot]:
    start = datetime.combine(day, time(0), ZoneInfo(zone))
    return free_slots(
        hours=hours or every_day(time(9), time(12)),
        exceptions=exceptions or [],
        rules=rules or BookingRules(duration=timedelta(minutes=60)),
        busy=busy or [],
        coach_zone=zone,
        start=start,
        end=start + timedelta(days=1),
        now=now or start - timedelta(days=1),
    )


def local_starts(slots: list[Slot], zone: str) -> list[str]:
    return [f"{slot.start.astimezone(ZoneInfo(zone)):%H:%M %Z}" for slot in slots]


def test_hour_sessions_every_half_hour_fill_the_working_range() -> None:
    slots = slots_on(MONDAY)
    assert local_starts(slots, LONDON) == [
        "09:00 BST",
        "09:30 BST",
        "10:00 BST",
        "10:30 BST",
        "11:00 BST",
    ]
    assert all(slot.end - slot.start == timedelta(hours=1) for slot in slots)
    assert all(slot.start.tzinfo is UTC for slot in slots)


def test_busy_interval_blocks_touching_slots_only_through_buffers() -> None:
    hours = every_day(time(9), time(13))
    busy = [Interval(local(LONDON, 2026, 6, 1, 10), local(LONDON, 2026, 6, 1, 11))]
    plain = slots_on(MONDAY, hours=hours, busy=busy)
    assert local_starts(plain, LONDON) == ["09:00 BST", "11:00 BST", "11:30 BST", "12:00 BST"]
    buffered_rules = BookingRules(
        duration=timedelta(minutes=60), buffer_before_min=15, buffer_after_min=15
    )
    buffered = slots_on(MONDAY, hours=hours, busy=busy, rules=buffered_rules)
    assert local_starts(buffered, LONDON) == ["11:30 BST", "12:00 BST"]


def test_buffers_may_fall_outside_working_hours() -> None:
    rules = BookingRules(duration=timedelta(minutes=60), buffer_before_min=180)
    assert local_starts(slots_on(MONDAY, rules=rules), LONDON)[0] == "09:00 BST"


def test_minimum_notice_hides_slots_starting_too_soon() -> None:
    rules = BookingRules(duration=timedelta(minutes=60), minimum_notice=timedelta(hours=2))
    slots = slots_on(MONDAY, rules=rules, now=local(LONDON, 2026, 6, 1, 8, 15))
    assert local_starts(slots, LONDON) == ["10:30 BST", "11:00 BST"]


def test_horizon_counts_calendar_days_in_the_coach_zone() -> None:
    rules = BookingRules(duration=timedelta(minutes=60), horizon_days=1)
    now = local(LONDON, 2026, 6, 1, 23, 30)
    slots = free_slots(
        hours=every_day(time(9), time(10)),
        exceptions=[],
        rules=rules,
        busy=[],
        coach_zone=LONDON,
        start=now,
        end=now + timedelta(days=5),
        now=now,
    )
    assert [slot.for_coach().start.date() for slot in slots] == [date(2026, 6, 2)]


def test_window_keeps_slots_starting_inside_it() -> None:
    slots = free_slots(
        hours=every_day(time(9), time(12)),
        exceptions=[],
        rules=BookingRules(duration=timedelta(minutes=60)),
        busy=[],
        coach_zone=LONDON,
        start=local(LONDON, 2026, 6, 1, 9, 30),
        end=local(LONDON, 2026, 6, 1, 10, 30),
        now=local(LONDON, 2026, 5, 1, 0),
    )
    assert local_starts(slots, LONDON) == ["09:30 BST", "10:00 BST"]


def test_unavailable_date_has_no_slots() -> None:
    assert slots_on(MONDAY, exceptions=[DateException.unavailable(MONDAY)]) == []


def test_replacement_hours_take_the_place_of_the_weekly_ones() -> None:
    exception = DateException(MONDAY, [TimeRange(time(14), time(15, 30))])
    assert local_starts(slots_on(MONDAY, exceptions=[exception]), LONDON) == [
        "14:00 BST",
        "14:30 BST",
    ]


def test_extra_hours_add_to_the_weekly_ones_and_merge_when_they_overlap() -> None:
    exception = DateException(MONDAY, [TimeRange(time(11), time(13))], replace=False)
    assert local_starts(slots_on(MONDAY, exceptions=[exception]), LONDON)[-1] == "12:00 BST"


def test_weekday_without_hours_has_no_slots() -> None:
    hours = WeeklyHours({0: [TimeRange(time(9), time(12))]})
    assert slots_on(MONDAY + timedelta(days=1), hours=hours) == []


def test_slot_shows_runner_and_coach_zones_with_labels() -> None:
    slot = slots_on(date(2026, 3, 10), hours=every_day(time(9), time(10)))[0]
    # 10 March: New York is already on daylight time, London not yet: five hours become four.
    assert slot.for_coach().label == "Tue 10 Mar 2026 09:00–10:00 GMT (Europe/London)"
    assert slot.in_zone(NEW_YORK).label == "Tue 10 Mar 2026 05:00–06:00 EDT (America/New_York)"


def test_sydney_coach_slot_seen_by_london_runner_crosses_the_date_line() -> None:
    slot = slots_on(date(2026, 6, 1), zone=SYDNEY, hours=every_day(time(7), time(8)))[0]
    assert slot.in_zone(SYDNEY).label == "Mon 01 Jun 2026 07:00–08:00 AEST (Australia/Sydney)"
    assert slot.in_zone(LONDON).label == "Sun 31 May 2026 22:00–23:00 BST (Europe/London)"


def test_working_hours_keep_local_time_so_utc_shifts_across_the_change() -> None:
    before = slots_on(date(2026, 3, 28), hours=every_day(time(9), time(10)))[0]
    after = slots_on(date(2026, 3, 29), hours=every_day(time(9), time(10)))[0]
    assert (before.start, after.start) == (utc(2026, 3, 28, 9), utc(2026, 3, 29, 8))


NIGHT_RULES = BookingRules(duration=timedelta(minutes=30))
NIGHT_HOURS = every_day(time(0), time(4))


@pytest.mark.parametrize(
    ("zone", "day", "expected"),
    [
        (LONDON, date(2026, 3, 29), ["00:00 GMT", "00:30 GMT", "02:00 BST", "02:30 BST"]),
        (NEW_YORK, date(2026, 3, 8), ["00:00 EST", "00:30 EST", "01:00 EST", "01:30 EST"]),
        (SYDNEY, date(2026, 10, 4), ["00:00 AEST", "00:30 AEST", "01:00 AEST", "01:30 AEST"]),
    ],
)
def test_spring_forward_skips_local_times_that_do_not_exist(
    zone: str, day: date, expected: list[str]
) -> None:
    starts = local_starts(slots_on(day, zone=zone, hours=NIGHT_HOURS, rules=NIGHT_RULES), zone)
    assert starts[:4] == expected
    # the night is an hour short: 8 half-hours on the clock face, 6 of them real
    assert len(starts) == 6


@pytest.mark.parametrize(
    ("zone", "day", "repeated_hour"),
    [
        (LONDON, date(2026, 10, 25), 1),
        (NEW_YORK, date(2026, 11, 1), 1),
        (SYDNEY, date(2026, 4, 5), 2),
    ],
)
def test_fall_back_offers_each_repeated_local_time_once_at_its_first_occurrence(
    zone: str, day: date, repeated_hour: int
) -> None:
    slots = slots_on(day, zone=zone, hours=NIGHT_HOURS, rules=NIGHT_RULES)
    walls = [slot.for_coach().start.strftime("%H:%M") for slot in slots]
    assert walls == ["00:00", "00:30", "01:00", "01:30", "02:00", "02:30", "03:00", "03:30"]
    repeated = [s for s in slots if s.for_coach().start.hour == repeated_hour]
    # first occurrence = still on daylight time (the larger UTC offset)
    assert all(s.for_coach().start.fold == 0 for s in repeated)
    offsets = {s.for_coach().start.utcoffset() for s in repeated}
    assert offsets == {max(s.for_coach().start.utcoffset() for s in slots)}


def test_fall_back_day_does_not_offer_overlapping_slots() -> None:
    slots = slots_on(date(2026, 10, 25), hours=NIGHT_HOURS, rules=NIGHT_RULES)
    for earlier, later in itertools.pairwise(slots):
        assert earlier.end <= later.start


def test_new_york_working_day_on_changeover_sunday_keeps_its_local_hours() -> None:
    hours = every_day(time(9), time(11))
    rules = BookingRules(duration=timedelta(minutes=60), slot_step_min=60)
    spring = slots_on(date(2026, 3, 8), zone=NEW_YORK, hours=hours, rules=rules)
    autumn = slots_on(date(2026, 11, 1), zone=NEW_YORK, hours=hours, rules=rules)
    assert [s.start for s in spring] == [utc(2026, 3, 8, 13), utc(2026, 3, 8, 14)]
    assert [s.start for s in autumn] == [utc(2026, 11, 1, 14), utc(2026, 11, 1, 15)]


def test_hours_starting_inside_the_skipped_hour_open_after_the_gap() -> None:
    hours = every_day(time(2, 30), time(4))
    slots = slots_on(date(2026, 3, 8), zone=NEW_YORK, hours=hours, rules=NIGHT_RULES)
    assert local_starts(slots, NEW_YORK) == ["03:00 EDT", "03:30 EDT"]


def test_hours_ending_inside_the_skipped_hour_close_before_the_gap() -> None:
    hours = every_day(time(0), time(2, 30))
    slots = slots_on(date(2026, 3, 8), zone=NEW_YORK, hours=hours, rules=NIGHT_RULES)
    assert local_starts(slots, NEW_YORK)[-1] == "01:00 EST"


def test_naive_datetimes_are_refused_by_name() -> None:
    with pytest.raises(SchedulingError, match="now: must be timezone-aware"):
        free_slots(
            hours=every_day(time(9), time(12)),
            exceptions=[],
            rules=BookingRules(duration=timedelta(hours=1)),
            busy=[],
            coach_zone=LONDON,
            start=utc(2026, 6, 1),
            end=utc(2026, 6, 2),
            now=datetime(2026, 5, 1),
        )


def test_unknown_coach_zone_is_refused_by_name() -> None:
    with pytest.raises(SchedulingError, match="coach_zone: unknown IANA time zone 'Mars/Olympus'"):
        free_slots(
            hours=every_day(time(9), time(12)),
            exceptions=[],
            rules=BookingRules(duration=timedelta(hours=1)),
            busy=[],
            coach_zone="Mars/Olympus",
            start=utc(2026, 6, 1),
            end=utc(2026, 6, 2),
            now=utc(2026, 5, 1),
        )


def test_window_must_run_forwards() -> None:
    with pytest.raises(SchedulingError, match="end: must be after start"):
        free_slots(
            hours=every_day(time(9), time(12)),
            exceptions=[],
            rules=BookingRules(duration=timedelta(hours=1)),
            busy=[],
            coach_zone=LONDON,
            start=utc(2026, 6, 2),
            end=utc(2026, 6, 1),
            now=utc(2026, 5, 1),
        )
