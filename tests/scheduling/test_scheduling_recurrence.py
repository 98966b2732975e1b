from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from tagalong.scheduling import SchedulingError, expand_recurrence

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
SYDNEY = ZoneInfo("Australia/Sydney")


def wall(occurrences: list[datetime], tz: ZoneInfo) -> list[str]:
    return [f"{o.astimezone(tz):%m-%d %H:%M %Z}" for o in occurrences]


def test_weekly_london_class_keeps_18_00_london_across_spring_while_new_york_shifts() -> None:
    classes = expand_recurrence(
        "FREQ=WEEKLY;BYDAY=TU",
        datetime(2026, 3, 3, 18, tzinfo=LONDON),
        window_start=datetime(2026, 3, 1, tzinfo=UTC),
        window_end=datetime(2026, 4, 8, tzinfo=UTC),
    )
    assert wall(classes, LONDON) == [
        "03-03 18:00 GMT",
        "03-10 18:00 GMT",
        "03-17 18:00 GMT",
        "03-24 18:00 GMT",
        "03-31 18:00 BST",
        "04-07 18:00 BST",
    ]
    assert wall(classes, NEW_YORK) == [
        "03-03 13:00 EST",
        "03-10 14:00 EDT",
        "03-17 14:00 EDT",
        "03-24 14:00 EDT",
        "03-31 13:00 EDT",
        "04-07 13:00 EDT",
    ]


def test_weekly_london_class_keeps_18_00_london_across_autumn() -> None:
    classes = expand_recurrence(
        "RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=3",
        datetime(2026, 10, 20, 18, tzinfo=LONDON),
        window_start=datetime(2026, 10, 1, tzinfo=UTC),
        window_end=datetime(2026, 12, 1, tzinfo=UTC),
    )
    assert wall(classes, LONDON) == ["10-20 18:00 BST", "10-27 18:00 GMT", "11-03 18:00 GMT"]
    assert wall(classes, NEW_YORK) == ["10-20 13:00 EDT", "10-27 14:00 EDT", "11-03 13:00 EST"]


def test_occurrences_come_back_in_the_coach_zone() -> None:
    classes = expand_recurrence(
        "FREQ=DAILY;COUNT=1",
        datetime(2026, 6, 1, 6, tzinfo=SYDNEY),
        window_start=datetime(2026, 5, 1, tzinfo=UTC),
        window_end=datetime(2026, 7, 1, tzinfo=UTC),
    )
    assert classes == [datetime(2026, 6, 1, 6, tzinfo=SYDNEY)]
    assert classes[0].tzinfo is SYDNEY


def test_occurrence_in_the_skipped_hour_moves_forward_by_the_gap() -> None:
    classes = expand_recurrence(
        "FREQ=DAILY;COUNT=3",
        datetime(2026, 3, 7, 2, 30, tzinfo=NEW_YORK),
        window_start=datetime(2026, 3, 1, tzinfo=UTC),
        window_end=datetime(2026, 3, 31, tzinfo=UTC),
    )
    assert wall(classes, NEW_YORK) == ["03-07 02:30 EST", "03-08 03:30 EDT", "03-09 02:30 EDT"]


@pytest.mark.parametrize(
    ("tz", "start", "expected"),
    [
        (NEW_YORK, datetime(2026, 10, 31, 1, 30), "11-01 01:30 EDT"),
        (SYDNEY, datetime(2026, 4, 4, 2, 30), "04-05 02:30 AEDT"),
    ],
)
def test_occurrence_in_the_repeated_hour_happens_once_at_the_first_occurrence(
    tz: ZoneInfo, start: datetime, expected: str
) -> None:
    classes = expand_recurrence(
        "FREQ=DAILY;COUNT=3",
        start.replace(tzinfo=tz),
        window_start=datetime(2026, 1, 1, tzinfo=UTC),
        window_end=datetime(2026, 12, 31, tzinfo=UTC),
    )
    assert len(classes) == 3
    assert wall(classes, tz)[1] == expected


def test_window_is_half_open_and_filters_by_instant() -> None:
    first = datetime(2026, 6, 1, 18, tzinfo=LONDON)
    classes = expand_recurrence(
        "FREQ=DAILY",
        first,
        window_start=first + timedelta(days=1),
        window_end=first + timedelta(days=3),
    )
    assert classes == [first + timedelta(days=1), first + timedelta(days=2)]


def test_utc_until_is_inclusive_and_compared_as_an_instant() -> None:
    classes = expand_recurrence(
        "FREQ=WEEKLY;UNTIL=20260616T170000Z",
        datetime(2026, 6, 2, 18, tzinfo=LONDON),
        window_start=datetime(2026, 1, 1, tzinfo=UTC),
        window_end=datetime(2027, 1, 1, tzinfo=UTC),
    )
    assert [c.day for c in classes] == [2, 9, 16]


def test_date_until_includes_that_local_day() -> None:
    classes = expand_recurrence(
        "FREQ=DAILY;UNTIL=20260603",
        datetime(2026, 6, 1, 18, tzinfo=LONDON),
        window_start=datetime(2026, 1, 1, tzinfo=UTC),
        window_end=datetime(2027, 1, 1, tzinfo=UTC),
    )
    assert [c.day for c in classes] == [1, 2, 3]


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("", "rrule: is empty"),
        ("FREQ=HOURLY", "FREQ=HOURLY is not supported"),
        ("FREQ=WEEKLY;BYDAY=XX", "rrule: not a valid RRULE"),
        ("FREQ=WEEKLY;UNTIL=tomorrow", "UNTIL=tomorrow is not an iCalendar date"),
    ],
)
def test_bad_rules_are_refused_naming_the_problem(rule: str, message: str) -> None:
    with pytest.raises(SchedulingError, match=message):
        expand_recurrence(
            rule,
            datetime(2026, 6, 1, 18, tzinfo=LONDON),
            window_start=datetime(2026, 1, 1, tzinfo=UTC),
            window_end=datetime(2027, 1, 1, tzinfo=UTC),
        )


def test_fixed_offset_start_is_refused_because_it_cannot_follow_daylight_saving() -> None:
    with pytest.raises(SchedulingError, match="dtstart_local: must carry the coach's IANA zone"):
        expand_recurrence(
            "FREQ=DAILY",
            datetime(2026, 6, 1, 18, tzinfo=timezone(timedelta(hours=1))),
            window_start=datetime(2026, 1, 1, tzinfo=UTC),
            window_end=datetime(2027, 1, 1, tzinfo=UTC),
        )
