"""Slot labels, cancellation reasons and input errors are Phrases: a page says them in the
reader's language, with the dates as objects so the weekday and month are localised too."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tagalong.scheduling import (
    BookingRules,
    SchedulingError,
    Slot,
    TimeRange,
    WeeklyHours,
    can_cancel,
    expand_recurrence,
    free_slots,
    reminder_at,
    seats_left,
)
from tagalong.scheduling.zones import zone
from tagalong.wording import Phrase

ZONES = ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC"]
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@settings(max_examples=80, deadline=None)
@given(
    start=st.datetimes(
        min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(UTC)
    ),
    minutes=st.integers(15, 36 * 60),
    coach_zone=st.sampled_from(ZONES),
    reader_zone=st.sampled_from(ZONES),
)
def test_every_slot_label_is_a_phrase_with_its_times_as_values(
    start: datetime, minutes: int, coach_zone: str, reader_zone: str
) -> None:
    slot = Slot(start, start + timedelta(minutes=minutes), coach_zone)
    for seen in (slot.in_zone(reader_zone), slot.for_coach()):
        for label in (seen.label, seen.short_label, seen.times_label, seen.day_label):
            assert isinstance(label, Phrase)
            # Dates stay objects, so the reader's language writes the weekday and month.
            assert not any(isinstance(v, str) and ":" in v for v in label.values.values())


def test_labels_read_as_before_in_english() -> None:
    slot = Slot(datetime(2026, 3, 3, 10, tzinfo=UTC), datetime(2026, 3, 3, 11, tzinfo=UTC), "UTC")
    seen = slot.in_zone("Europe/London")
    assert seen.label == "Tue 03 Mar 2026 10:00–11:00 GMT (Europe/London)"
    assert seen.short_label == "Tue 03 Mar 10:00–11:00 GMT"
    assert seen.times_label == "10:00–11:00 GMT"
    assert seen.day_label == "Tue 3 Mar"


def test_free_slots_give_phrase_labels() -> None:
    hours = WeeklyHours({d: [TimeRange(time(9), time(12))] for d in range(7)})
    slots = free_slots(
        hours=hours,
        exceptions=[],
        rules=BookingRules(duration=timedelta(minutes=60)),
        busy=[],
        coach_zone="Europe/Berlin",
        start=NOW,
        end=NOW + timedelta(days=2),
        now=NOW,
    )
    assert slots and all(isinstance(s.in_zone("Asia/Tokyo").label, Phrase) for s in slots)


@pytest.mark.parametrize("hours_before", [-1, 0, 1, 23, 24, 25, 200])
@pytest.mark.parametrize("cutoff", [0, 1.5, 24, 48])
def test_cancellation_reasons_are_phrases(hours_before: float, cutoff: float) -> None:
    decision = can_cancel(NOW + timedelta(hours=hours_before), NOW, cutoff)
    assert isinstance(decision.reason, Phrase)


@pytest.mark.parametrize(
    "attempt",
    [
        lambda: zone("Mars/Olympus"),
        lambda: zone(""),
        lambda: TimeRange(time(10), time(9)),
        lambda: WeeklyHours({0: [TimeRange(time(9), time(11)), TimeRange(time(10), time(12))]}),
        lambda: WeeklyHours({9: []}),
        lambda: BookingRules(duration=timedelta(0)),
        lambda: BookingRules(duration=timedelta(minutes=30), buffer_before_min=999),
        lambda: BookingRules(duration=timedelta(minutes=30), slot_step_min=0),
        lambda: seats_left(0, 0),
        lambda: reminder_at(NOW, timedelta(minutes=5)),
        lambda: can_cancel(NOW, NOW, -1),
        lambda: expand_recurrence(
            "FREQ=HOURLY",
            datetime(2026, 3, 3, 10, tzinfo=ZoneInfo("Europe/London")),
            window_start=NOW,
            window_end=NOW + timedelta(days=7),
        ),
    ],
)
def test_scheduling_errors_say_why_in_a_phrase(attempt) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SchedulingError) as caught:
        attempt()
    assert isinstance(caught.value.reason, Phrase)
    assert isinstance(caught.value.message, Phrase)
