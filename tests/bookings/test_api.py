from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tagalong.bookings.models import Kind, SessionType
from tagalong.bookings.services import book, create_class
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db


def _class(coach, capacity=1):  # type: ignore[no-untyped-def]
    session_type = SessionType.objects.create(
        coach=coach, name="Clinic", duration_min=45, kind=Kind.GROUP, capacity=capacity
    )
    now = timezone.now()
    return create_class(
        coach=coach,
        session_type=session_type,
        start=now + timedelta(days=3),
        tz_name="Europe/London",
        now=now,
    )[0]


def test_full_class_answers_waitlisted_with_position(world, client):
    session = _class(world.coach_a)
    book(athlete=make_athlete(coach=world.coach_a), session_or_slot=session, now=timezone.now())
    client.force_login(world.athlete_a.user)
    response = client.post(
        "/api/bookings", {"session_id": session.pk}, content_type="application/json"
    )
    assert response.status_code == 201
    assert (response.json()["status"], response.json()["waitlist_position"]) == ("waitlisted", 1)


def test_double_booking_is_refused_with_a_clear_reason(world, client):
    session = _class(world.coach_a, capacity=5)
    client.force_login(world.athlete_a.user)
    client.post("/api/bookings", {"session_id": session.pk}, content_type="application/json")
    again = client.post(
        "/api/bookings", {"session_id": session.pk}, content_type="application/json"
    )
    assert again.status_code == 400
    assert again.json()["error"]["message"] == "You already have a place in this session."


def test_slots_are_labelled_in_runner_and_coach_zones(world, client):
    world.athlete_a.time_zone = "America/New_York"
    world.athlete_a.save()
    session = _class(world.coach_a)
    client.force_login(world.athlete_a.user)
    url = f"/api/coaches/{world.coach_a.pk}/session-types/{session.session_type_id}/slots"
    slot = client.get(url).json()[0]
    assert "(America/New_York)" in slot["your_time"]
    assert "(Europe/London)" in slot["coach_time"]
    assert slot["seats_left"] == 1


def test_buffers_outside_0_to_180_are_refused(world, client):
    client.force_login(world.coach_a)
    response = client.put(
        "/api/coaches/me/availability",
        {
            "time_zone": "Europe/London",
            "weekly_hours": {},
            "buffer_before_min": 181,
            "buffer_after_min": 0,
            "minimum_notice_hours": 0,
            "horizon_days": 30,
        },
        content_type="application/json",
    )
    assert response.status_code == 422


def test_overlapping_weekly_hours_are_refused(world, client):
    client.force_login(world.coach_a)
    response = client.put(
        "/api/coaches/me/availability",
        {
            "time_zone": "Europe/London",
            "weekly_hours": {"0": [["09:00", "12:00"], ["11:00", "13:00"]]},
            "buffer_before_min": 0,
            "buffer_after_min": 0,
            "minimum_notice_hours": 0,
            "horizon_days": 30,
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "overlap" in response.json()["error"]["message"]
