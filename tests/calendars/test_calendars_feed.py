from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from icalendar import Calendar

from tagalong.calendars import CalendarError, FeedEvent, build_feed

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
STAMP = datetime(2026, 3, 1, 9, tzinfo=UTC)
CLASS_START = datetime(2026, 3, 17, 18, tzinfo=LONDON)

WEEKLY_CLASS = FeedEvent(
    uid="class-7@tagalong.example",
    summary="Tuesday calf strength class",
    start=CLASS_START,
    end=CLASS_START + timedelta(hours=1),
    sequence=3,
    rrule="FREQ=WEEKLY;BYDAY=TU",
)
PLAN_DAY = FeedEvent(
    uid="plan-2026-03-18@tagalong.example",
    summary="Easy run 40 min + heel raises",
    start=date(2026, 3, 18),
)


def feed(*events: FeedEvent, tz_name: str = "Europe/London") -> bytes:
    return build_feed(name="Bo's plan", events=list(events), tz_name=tz_name, dtstamp=STAMP)


def test_feed_reparses_with_name_stable_uids_and_sequences() -> None:
    calendar = Calendar.from_ical(feed(WEEKLY_CLASS, PLAN_DAY))
    assert str(calendar["X-WR-CALNAME"]) == "Bo's plan"
    assert str(calendar["METHOD"]) == "PUBLISH"
    events = calendar.walk("VEVENT")
    assert [(str(e["UID"]), e["SEQUENCE"]) for e in events] == [
        ("class-7@tagalong.example", 3),
        ("plan-2026-03-18@tagalong.example", 0),
    ]


def test_same_input_gives_the_same_bytes() -> None:
    assert feed(WEEKLY_CLASS, PLAN_DAY) == feed(WEEKLY_CLASS, PLAN_DAY)


def test_plan_session_is_an_all_day_event_ending_the_next_day() -> None:
    ical = feed(PLAN_DAY)
    assert b"DTSTART;VALUE=DATE:20260318" in ical
    assert b"DTEND;VALUE=DATE:20260319" in ical
    assert b"BEGIN:VTIMEZONE" not in ical  # all-day events need no zone


def test_timed_events_bring_their_vtimezone() -> None:
    calendar = Calendar.from_ical(feed(WEEKLY_CLASS, tz_name="America/New_York"))
    assert [tz.tz_name for tz in calendar.timezones] == ["America/New_York"]
    assert b"DTSTART;TZID=America/New_York:20260317T140000" in feed(
        WEEKLY_CLASS, tz_name="America/New_York"
    )


def test_weekly_class_keeps_18_00_london_across_the_spring_change() -> None:
    calendar = Calendar.from_ical(feed(WEEKLY_CLASS))
    occurrences = recurring_ical_events.of(calendar).between(date(2026, 3, 15), date(2026, 4, 12))
    starts = [event.decoded("DTSTART") for event in occurrences]
    assert [f"{s.astimezone(LONDON):%m-%d %H:%M %Z}" for s in starts] == [
        "03-17 18:00 GMT",
        "03-24 18:00 GMT",
        "03-31 18:00 BST",
        "04-07 18:00 BST",
    ]
    # New York sees the class move an hour earlier once London springs forward
    assert [s.astimezone(NEW_YORK).hour for s in starts] == [14, 14, 13, 13]


def test_weekly_class_keeps_18_00_london_across_the_autumn_change() -> None:
    start = datetime(2026, 10, 20, 18, tzinfo=LONDON)
    autumn = FeedEvent(
        uid="class-8@tagalong.example",
        summary="Class",
        start=start,
        end=start + timedelta(hours=1),
        rrule="RRULE:FREQ=WEEKLY;COUNT=3",
    )
    calendar = Calendar.from_ical(feed(autumn))
    occurrences = recurring_ical_events.of(calendar).between(date(2026, 10, 1), date(2026, 12, 1))
    starts = [event.decoded("DTSTART").astimezone(LONDON) for event in occurrences]
    assert [(s.hour, s.tzname()) for s in starts] == [(18, "BST"), (18, "GMT"), (18, "GMT")]


def test_cancelled_booking_stays_in_the_feed_marked_cancelled() -> None:
    cancelled = FeedEvent(
        uid="booking-1@tagalong.example",
        summary="1:1 video check-in",
        start=CLASS_START,
        end=CLASS_START + timedelta(minutes=30),
        sequence=2,
        status="CANCELLED",
        url="https://meet.jit.si/room",
    )
    (event,) = Calendar.from_ical(feed(cancelled)).walk("VEVENT")
    assert (str(event["STATUS"]), event["SEQUENCE"]) == ("CANCELLED", 2)


def test_text_is_escaped_in_feeds() -> None:
    entry = FeedEvent(uid="x@t", summary="Hills, then; strides", start=date(2026, 3, 18))
    ical = feed(entry)
    assert b"SUMMARY:Hills\\, then\\; strides" in ical
    (event,) = Calendar.from_ical(ical).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Hills, then; strides"


@pytest.mark.parametrize(
    ("events", "message"),
    [
        ([PLAN_DAY, PLAN_DAY], r"events\[1\]\.uid: .* is used twice"),
        (
            [FeedEvent(uid="a", summary="s", start=CLASS_START)],
            r"events\[0\]\.end: a timed event needs",
        ),
        (
            [FeedEvent(uid="a", summary="s", start=date(2026, 3, 18), end=CLASS_START)],
            r"events\[0\]\.end: an all-day event needs a date end",
        ),
        (
            [FeedEvent(uid="a", summary="s", start=date(2026, 3, 18), end=date(2026, 3, 18))],
            r"events\[0\]\.end: must be after start",
        ),
        (
            [FeedEvent(uid="a", summary="s", start=date(2026, 3, 18), rrule="FREQ=SOMETIMES")],
            r"events\[0\]\.rrule: not a valid RRULE",
        ),
        (
            [FeedEvent(uid="a", summary="s", start=date(2026, 3, 18), sequence=-2)],
            r"events\[0\]\.sequence",
        ),
    ],
)
def test_bad_feed_events_are_refused_naming_the_event(
    events: list[FeedEvent], message: str
) -> None:
    with pytest.raises(CalendarError, match=message):
        feed(*events)


def test_feed_asks_for_a_refresh_every_hour_as_a_duration() -> None:
    lines = feed(PLAN_DAY).decode().splitlines()
    assert "X-PUBLISHED-TTL:PT1H" in lines
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H" in lines
    assert Calendar.from_ical(feed(PLAN_DAY))["REFRESH-INTERVAL"].dt == timedelta(hours=1)
