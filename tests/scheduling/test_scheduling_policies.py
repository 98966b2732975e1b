from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from tagalong.evidence import cite
from tagalong.scheduling import (
    BookingRules,
    DateException,
    Interval,
    SchedulingError,
    TimeRange,
    WeeklyHours,
    can_cancel,
    late_cancel,
    overlaps,
    reminder_at,
    seats_left,
    with_buffers,
)

SESSION = datetime(2026, 6, 10, 18, tzinfo=ZoneInfo("Europe/London"))


def at(hour: int, minute: int = 0) -> Interval:
    start = datetime(2026, 6, 1, hour, minute, tzinfo=UTC)
    return Interval(start, start + timedelta(hours=1))


def test_intervals_that_touch_do_not_overlap() -> None:
    assert not overlaps(at(9), at(10))
    assert overlaps(at(9), at(9, 30))
    assert overlaps(at(9, 30), at(9))


def test_buffers_widen_an_interval_on_both_sides() -> None:
    widened = with_buffers(at(9), timedelta(minutes=15), timedelta(minutes=30))
    assert (widened.start.minute, widened.end.hour, widened.end.minute) == (45, 10, 30)


def test_negative_buffer_is_refused() -> None:
    with pytest.raises(SchedulingError, match="before: a buffer cannot be negative"):
        with_buffers(at(9), timedelta(minutes=-1), timedelta(0))


def test_interval_is_stored_in_utc_and_must_run_forwards() -> None:
    assert Interval(SESSION, SESSION + timedelta(hours=1)).start.tzinfo is UTC
    with pytest.raises(SchedulingError, match=r"interval\.end: must be after interval\.start"):
        Interval(SESSION, SESSION)


@pytest.mark.parametrize("minutes", [0, 180])
def test_buffers_from_0_to_180_minutes_are_accepted(minutes: int) -> None:
    rules = BookingRules(duration=timedelta(hours=1), buffer_after_min=minutes)
    assert rules.buffer_after == timedelta(minutes=minutes)
    assert cite("scheduling.buffer.calendly_0_180_min").strength.value == "secondary"


@pytest.mark.parametrize("minutes", [-1, 181])
def test_buffers_outside_0_to_180_minutes_are_refused(minutes: int) -> None:
    with pytest.raises(SchedulingError, match=r"buffer_before_min: .* outside 0–180 minutes"):
        BookingRules(duration=timedelta(hours=1), buffer_before_min=minutes)


def test_other_bad_rules_are_refused_by_field() -> None:
    with pytest.raises(SchedulingError, match="duration"):
        BookingRules(duration=timedelta(0))
    with pytest.raises(SchedulingError, match="slot_step_min"):
        BookingRules(duration=timedelta(hours=1), slot_step_min=0)
    with pytest.raises(SchedulingError, match="horizon_days"):
        BookingRules(duration=timedelta(hours=1), horizon_days=-1)


def test_time_range_must_end_after_it_starts_on_the_same_day() -> None:
    with pytest.raises(SchedulingError, match=r"time_range\.end"):
        TimeRange(time(17), time(9))


def test_overlapping_weekly_ranges_are_refused_naming_the_day() -> None:
    with pytest.raises(SchedulingError, match=r"weekly_hours\.monday: ranges"):
        WeeklyHours({0: [TimeRange(time(9), time(12)), TimeRange(time(11), time(13))]})
    with pytest.raises(SchedulingError, match="weekday 7"):
        WeeklyHours({7: [TimeRange(time(9), time(12))]})


def test_unavailable_exception_has_no_ranges() -> None:
    assert DateException.unavailable(SESSION.date()).ranges == ()


def test_cancellation_is_free_until_the_cutoff() -> None:
    decision = can_cancel(SESSION, SESSION - timedelta(hours=25), 24)
    assert decision.allowed
    assert "24 h" in decision.reason
    assert not late_cancel(SESSION, SESSION - timedelta(hours=25), 24)


def test_cancellation_inside_the_cutoff_is_late_and_goes_to_the_coach() -> None:
    decision = can_cancel(SESSION, SESSION - timedelta(hours=3), 24)
    assert not decision.allowed
    assert "ask your coach" in decision.reason
    assert late_cancel(SESSION, SESSION - timedelta(hours=3), 24)


def test_cancellation_after_the_start_is_refused_and_not_counted_as_late() -> None:
    decision = can_cancel(SESSION, SESSION + timedelta(minutes=1), 24)
    assert (decision.allowed, decision.reason) == (False, "The session has already started.")
    assert not late_cancel(SESSION, SESSION, 24)


def test_cancellation_compares_instants_not_wall_clocks() -> None:
    new_york_now = (SESSION - timedelta(hours=24)).astimezone(ZoneInfo("America/New_York"))
    assert can_cancel(SESSION, new_york_now, 24).allowed


def test_cancellation_needs_aware_times_and_a_non_negative_cutoff() -> None:
    with pytest.raises(SchedulingError, match="now: must be timezone-aware"):
        can_cancel(SESSION, datetime(2026, 6, 1), 24)
    with pytest.raises(SchedulingError, match="cutoff_hours"):
        late_cancel(SESSION, SESSION, -1)


def test_reminder_goes_out_the_lead_before_in_utc() -> None:
    assert reminder_at(SESSION, timedelta(hours=24)) == datetime(2026, 6, 9, 17, tzinfo=UTC)


def test_reminder_later_than_one_hour_before_is_refused() -> None:
    assert reminder_at(SESSION, timedelta(hours=1)) == datetime(2026, 6, 10, 16, tzinfo=UTC)
    with pytest.raises(SchedulingError, match="lead: reminders go out at least 1 h before"):
        reminder_at(SESSION, timedelta(minutes=59))


def test_seats_left_never_goes_negative() -> None:
    assert seats_left(8, 5) == 3
    assert seats_left(8, 9) == 0
    with pytest.raises(SchedulingError, match="capacity"):
        seats_left(0, 0)
