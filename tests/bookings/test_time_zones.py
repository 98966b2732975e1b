"""Daylight-saving days with coach and runner in different zones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tagalong.bookings.models import Kind, SessionType
from tagalong.bookings.selectors import offers
from tagalong.bookings.services import create_class
from tests.bookings.helpers import one_on_one, open_coach

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def test_slots_on_londons_spring_forward_day_keep_local_hours(world):
    open_coach(world.coach_a, tz="Europe/London")
    now = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)
    day = datetime(2026, 3, 29, tzinfo=LONDON)
    found = offers(
        session_type=one_on_one(world.coach_a),
        start=day.astimezone(UTC),
        end=(day + timedelta(days=1)).astimezone(UTC),
        now=now,
    )
    first = found[0].slot
    assert first.for_coach().start.hour == 9
    assert first.start == datetime(2026, 3, 29, 8, 0, tzinfo=UTC)  # BST began at 01:00 UTC
    assert first.in_zone("America/New_York").start.hour == 4  # NY moved on 8 March (EDT, -4)


def test_sydney_coach_on_dst_end_seen_from_new_york(world):
    open_coach(world.coach_a, tz="Australia/Sydney")
    now = datetime(2026, 4, 1, 0, 0, tzinfo=UTC)
    sydney = ZoneInfo("Australia/Sydney")
    day = datetime(2026, 4, 5, tzinfo=sydney)  # clocks go back at 03:00 local
    found = offers(
        session_type=one_on_one(world.coach_a),
        start=day.astimezone(UTC),
        end=(day + timedelta(days=1)).astimezone(UTC),
        now=now,
    )
    first = found[0].slot
    assert first.for_coach().start.hour == 9
    assert first.start == datetime(2026, 4, 4, 23, 0, tzinfo=UTC)  # AEST, +10
    assert first.in_zone("America/New_York").label.startswith("Sat 04 Apr 2026 19:00")


def test_weekly_class_keeps_its_local_time_across_the_change(world):
    open_coach(world.coach_a, tz="Europe/London", horizon_days=60)
    session_type = SessionType.objects.create(
        coach=world.coach_a, name="Clinic", duration_min=45, kind=Kind.GROUP, capacity=8
    )
    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    first = datetime(2026, 3, 17, 18, 0, tzinfo=LONDON)  # a Tuesday in GMT
    sessions = create_class(
        coach=world.coach_a,
        session_type=session_type,
        start=first,
        tz_name="Europe/London",
        now=now,
        rrule="FREQ=WEEKLY;COUNT=4",
    )
    local = [s.start.astimezone(LONDON) for s in sessions]
    assert [t.hour for t in local] == [18, 18, 18, 18]
    assert [s.start.astimezone(UTC).hour for s in sessions] == [18, 18, 17, 17]
    assert sessions[0].rrule and all(s.series_id == sessions[0].pk for s in sessions[1:])
