from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event

from tagalong.calendars import CalendarError, Person, build_invitation

LONDON = ZoneInfo("Europe/London")
START = datetime(2026, 3, 31, 18, tzinfo=LONDON)
COACH = Person("Coach Ann", "ann@example.com")
RUNNERS = [Person("Bo Runner", "bo@example.com"), Person("Cy", "cy@example.com")]


def invitation(**changes: object) -> bytes:
    fields: dict[str, object] = {
        "method": "REQUEST",
        "uid": "booking-42@tagalong.example",
        "sequence": 0,
        "start": START,
        "end": START + timedelta(hours=1),
        "tz_name": "Europe/London",
        "summary": "Calf clinic",
        "organizer": COACH,
        "attendees": RUNNERS,
        "dtstamp": datetime(2026, 3, 1, 9, tzinfo=UTC),
    }
    fields.update(changes)
    return build_invitation(**fields)  # type: ignore[arg-type]


def parse(ical: bytes) -> tuple[Calendar, Event]:
    calendar = Calendar.from_ical(ical)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def test_request_reparses_with_method_version_prodid_and_confirmed_status() -> None:
    calendar, event = parse(invitation())
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(calendar["VERSION"]) == "2.0"
    assert "Tagalong" in str(calendar["PRODID"])
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["UID"]) == "booking-42@tagalong.example"
    assert event["SEQUENCE"] == 0


def test_times_are_written_on_the_coach_wall_clock_with_a_tzid() -> None:
    ical = invitation(start=START.astimezone(UTC), end=START.astimezone(UTC) + timedelta(hours=1))
    assert b"DTSTART;TZID=Europe/London:20260331T180000" in ical
    assert b"DTEND;TZID=Europe/London:20260331T190000" in ical
    _, event = parse(ical)
    assert event.decoded("DTSTART") == START


def test_vtimezone_for_the_tzid_is_included() -> None:
    calendar, _ = parse(invitation(tz_name="America/New_York"))
    assert [tz.tz_name for tz in calendar.timezones] == ["America/New_York"]
    assert calendar.get_missing_tzids() == set()


def test_dtstamp_is_utc() -> None:
    stamp = datetime(2026, 3, 1, 10, tzinfo=LONDON)
    assert b"DTSTAMP:20260301T100000Z" in invitation(dtstamp=stamp)


def test_attendees_are_asked_to_respond_and_the_organizer_is_named() -> None:
    _, event = parse(invitation())
    attendees = event["ATTENDEE"]
    assert [str(a) for a in attendees] == ["mailto:bo@example.com", "mailto:cy@example.com"]
    assert attendees[0].params["CN"] == "Bo Runner"
    assert attendees[0].params["PARTSTAT"] == "NEEDS-ACTION"
    assert attendees[0].params["RSVP"] == "TRUE"
    assert str(event["ORGANIZER"]) == "mailto:ann@example.com"
    assert event["ORGANIZER"].params["CN"] == "Coach Ann"


def test_update_then_cancel_keeps_the_uid_and_raises_the_sequence() -> None:
    sent = [
        invitation(sequence=0),
        invitation(
            sequence=1, start=START + timedelta(days=1), end=START + timedelta(days=1, hours=1)
        ),
        invitation(method="CANCEL", sequence=2),
    ]
    parsed = [parse(ical) for ical in sent]
    assert {str(event["UID"]) for _, event in parsed} == {"booking-42@tagalong.example"}
    assert [event["SEQUENCE"] for _, event in parsed] == [0, 1, 2]
    assert [str(calendar["METHOD"]) for calendar, _ in parsed] == ["REQUEST", "REQUEST", "CANCEL"]
    assert [str(event["STATUS"]) for _, event in parsed] == ["CONFIRMED", "CONFIRMED", "CANCELLED"]


def test_cancel_attendees_are_not_asked_to_respond() -> None:
    _, event = parse(invitation(method="CANCEL", sequence=1))
    assert event["ATTENDEE"][0].params["RSVP"] == "FALSE"


def test_publish_carries_no_attendees() -> None:
    calendar, event = parse(invitation(method="PUBLISH"))
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert "ATTENDEE" not in event


def test_text_with_commas_semicolons_and_newlines_is_escaped_and_round_trips() -> None:
    text = "Bring shoes, a band; and water\nSecond line"
    ical = invitation(summary="Calf clinic; group, Tue", description=text, location="Park, gate 2")
    assert b"SUMMARY:Calf clinic\\; group\\, Tue" in ical
    assert b"DESCRIPTION:Bring shoes\\, a band\\; and water\\nSecond line" in ical
    _, event = parse(ical)
    assert str(event["DESCRIPTION"]) == text
    assert str(event["LOCATION"]) == "Park, gate 2"


def test_video_link_is_given_as_url() -> None:
    _, event = parse(invitation(url="https://meet.jit.si/abc"))
    assert str(event["URL"]) == "https://meet.jit.si/abc"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"method": "REPLY"}, "method: 'REPLY' is not one of"),
        ({"method": "CANCEL", "status": "CONFIRMED"}, "status: a CANCEL invitation"),
        ({"status": "CANCELLED"}, "status: CANCELLED needs method CANCEL"),
        ({"sequence": -1}, "sequence: -1 must be a whole number"),
        ({"uid": ""}, "uid: must be a non-empty"),
        ({"start": datetime(2026, 3, 31, 18)}, "start: must be timezone-aware"),
        ({"end": START}, "end: must be after start"),
        ({"tz_name": "Europe/Atlantis"}, "tz_name: unknown IANA time zone"),
        ({"organizer": Person("Ann", "not-an-address")}, "organizer.email"),
        ({"attendees": [Person("Bo", "bo@example.com"), Person("X", "x y@z")]}, r"attendees\[1\]"),
    ],
)
def test_bad_input_is_refused_naming_the_field(changes: dict[str, object], message: str) -> None:
    with pytest.raises(CalendarError, match=message):
        invitation(**changes)
