"""The coach's pages: sessions, availability, dates, session types and group classes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tagalong.bookings.models import (
    Audience,
    Availability,
    AvailabilityException,
    Kind,
    Session,
    SessionType,
)
from tagalong.bookings.services import book, create_class, ensure_coach_setup
from tests.bookings.helpers import EVERY_DAY

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def coach(world, client):  # type: ignore[no-untyped-def]
    client.force_login(world.coach_a)
    return world.coach_a


def _clinic(coach, *, capacity: int = 12):  # type: ignore[no-untyped-def]
    return SessionType.objects.create(
        coach=coach, name="Calf clinic", duration_min=45, kind=Kind.GROUP, capacity=capacity
    )


def _availability_post(**changes: str) -> dict[str, str]:
    data = {
        "time_zone": "Europe/London",
        "monday": "09:00-12:00, 14:00-17:00",
        "tuesday": "9-12",
        "wednesday": "",
        "thursday": "08:30-11:30",
        "friday": "",
        "saturday": "",
        "sunday": "",
        "buffer_before_min": "10",
        "buffer_after_min": "15",
        "minimum_notice_hours": "12",
        "horizon_days": "45",
    }
    return {**data, **changes}


def test_first_visit_sets_up_hours_and_three_session_types(coach, client):
    page = client.get(reverse("bookings:coach_sessions"))
    assert page.status_code == 200
    assert "No sessions coming up" in page.content.decode()
    assert SessionType.objects.filter(coach=coach).count() == 3


def test_sessions_list_shows_seats_and_the_waiting_list(world, coach, client):
    now = timezone.now()
    clinic = _clinic(coach, capacity=1)
    session = create_class(
        coach=coach,
        session_type=clinic,
        start=now + timedelta(days=2),
        tz_name="Europe/London",
        now=now,
    )[0]
    book(athlete=world.athlete_a, session_or_slot=session, now=now)
    from tests.factories import make_athlete

    book(athlete=make_athlete(coach=coach), session_or_slot=session, now=now)
    html = client.get(reverse("bookings:coach_sessions")).content.decode()
    assert "Calf clinic" in html
    assert "1 of 1 · 1 waiting" in html


def test_saving_weekly_hours(coach, client):
    response = client.post(reverse("bookings:availability"), _availability_post())
    assert response.status_code == 302
    availability = Availability.objects.get(coach=coach)
    assert availability.weekly_hours == {
        "0": [["09:00", "12:00"], ["14:00", "17:00"]],
        "1": [["09:00", "12:00"]],
        "3": [["08:30", "11:30"]],
    }
    assert (availability.buffer_before_min, availability.buffer_after_min) == (10, 15)
    assert availability.horizon_days == 45
    page = client.get(reverse("bookings:availability")).content.decode()
    assert "09:00-12:00, 14:00-17:00" in page


def test_hours_that_overlap_or_make_no_sense_are_named(coach, client):
    response = client.post(
        reverse("bookings:availability"),
        _availability_post(monday="09:00-12:00, 11:00-13:00", tuesday="noon to three"),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "“noon to three” is not a range like 09:00-12:00." in html
    assert "overlap" in html


def test_buffers_above_three_hours_are_refused(coach, client):
    response = client.post(
        reverse("bookings:availability"), _availability_post(buffer_after_min="200")
    )
    assert response.status_code == 400
    assert "less than or equal to 180" in response.content.decode()


def test_adding_and_removing_a_day_off_with_htmx(coach, client):
    ensure_coach_setup(coach=coach)
    day = timezone.now().date() + timedelta(days=10)
    added = client.post(
        reverse("bookings:exception_add"), {"day": day.isoformat(), "kind": "off"}, **HTMX
    )
    assert added.status_code == 200
    assert "not available" in added.content.decode()
    exception = AvailabilityException.objects.get(coach=coach)
    assert (exception.ranges, exception.replace) == ([], True)
    removed = client.post(reverse("bookings:exception_remove", args=[exception.pk]), **HTMX)
    assert "No dates set" in removed.content.decode()
    assert not AvailabilityException.objects.exists()


def test_extra_hours_need_the_hours(coach, client):
    day = timezone.now().date() + timedelta(days=3)
    response = client.post(
        reverse("bookings:exception_add"), {"day": day.isoformat(), "kind": "extra"}, **HTMX
    )
    assert "Give the hours" in response.content.decode()
    ok = client.post(
        reverse("bookings:exception_add"),
        {"day": day.isoformat(), "kind": "extra", "hours": "18:00-20:00"},
    )
    assert ok.status_code == 302
    assert AvailabilityException.objects.get().ranges == [["18:00", "20:00"]]


def test_a_coach_cannot_remove_another_coachs_date(world, coach, client):
    theirs = AvailabilityException.objects.create(coach=world.colleague, day=date(2026, 5, 1))
    response = client.post(reverse("bookings:exception_remove", args=[theirs.pk]))
    assert response.status_code == 404
    assert AvailabilityException.objects.filter(pk=theirs.pk).exists()


def test_creating_a_group_session_type(coach, client):
    response = client.post(
        reverse("bookings:type_create"),
        {
            "name": "Hill technique clinic",
            "duration_min": "50",
            "kind": "group",
            "capacity": "8",
            "audience": "own_athletes",
            "cancel_cutoff_hours": "12",
            "price_text": "£15",
            "location": "jitsi",
        },
    )
    assert response.status_code == 302
    created = SessionType.objects.get(name="Hill technique clinic")
    assert (created.kind, created.capacity, created.price_text) == ("group", 8, "£15")
    listing = client.get(reverse("bookings:types")).content.decode()
    assert "Group, up to 8" in listing


def test_one_on_one_types_have_one_seat_and_own_links_need_a_link(coach, client):
    data = {
        "name": "Video gait review",
        "duration_min": "30",
        "kind": "one_on_one",
        "capacity": "5",
        "audience": "link",
        "cancel_cutoff_hours": "24",
        "location": "custom",
    }
    refused = client.post(reverse("bookings:type_create"), data)
    assert refused.status_code == 400
    assert "Add the link runners should use." in refused.content.decode()
    client.post(reverse("bookings:type_create"), {**data, "custom_link": "https://zoom.us/j/123"})
    created = SessionType.objects.get(name="Video gait review")
    assert created.capacity == 1
    listing = client.get(reverse("bookings:types")).content.decode()
    assert reverse("bookings:link", args=[created.link_token]) in listing


def test_editing_archiving_restoring_and_renewing_the_link(coach, client):
    ensure_coach_setup(coach=coach)
    follow_up = SessionType.objects.get(coach=coach, name="Follow-up")
    page = client.get(reverse("bookings:type_edit", args=[follow_up.pk]))
    assert page.status_code == 200
    client.post(
        reverse("bookings:type_edit", args=[follow_up.pk]),
        {
            "name": "Follow-up call",
            "duration_min": "40",
            "kind": "one_on_one",
            "capacity": "1",
            "audience": "link",
            "cancel_cutoff_hours": "6",
            "location": "jitsi",
        },
    )
    follow_up.refresh_from_db()
    assert (follow_up.name, follow_up.duration_min, follow_up.audience) == (
        "Follow-up call",
        40,
        Audience.LINK,
    )
    old_token = follow_up.link_token
    client.post(reverse("bookings:type_new_link", args=[follow_up.pk]))
    follow_up.refresh_from_db()
    assert follow_up.link_token != old_token
    client.post(reverse("bookings:type_archive", args=[follow_up.pk]))
    follow_up.refresh_from_db()
    assert not follow_up.active
    client.post(reverse("bookings:type_restore", args=[follow_up.pk]))
    follow_up.refresh_from_db()
    assert follow_up.active


def test_another_coachs_session_type_is_not_found(world, coach, client):
    theirs = SessionType.objects.create(coach=world.colleague, name="Theirs", duration_min=30)
    assert client.get(reverse("bookings:type_edit", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("bookings:type_archive", args=[theirs.pk])).status_code == 404


def test_scheduling_a_weekly_class_keeps_its_local_time(coach, client):
    ensure_coach_setup(coach=coach)
    Availability.objects.filter(coach=coach).update(weekly_hours=EVERY_DAY, horizon_days=60)
    clinic = _clinic(coach)
    first = timezone.now().date() + timedelta(days=7)
    response = client.post(
        reverse("bookings:class_create"),
        {
            "session_type": clinic.pk,
            "day": first.isoformat(),
            "start_time": "18:30",
            "repeat": "1",
            "count": "6",
        },
    )
    assert response.status_code == 302
    sessions = list(Session.objects.filter(session_type=clinic).order_by("start"))
    assert len(sessions) == 6
    from zoneinfo import ZoneInfo

    london = ZoneInfo("Europe/London")
    assert {s.start.astimezone(london).strftime("%a %H:%M") for s in sessions} == {
        f"{first:%a} 18:30"
    }
    assert sessions[0].rrule.startswith("FREQ=WEEKLY;INTERVAL=1;BYDAY=")
    assert all(s.series_id == sessions[0].pk for s in sessions[1:])


def test_a_class_in_the_past_or_with_a_bad_rule_is_explained(coach, client):
    ensure_coach_setup(coach=coach)
    clinic = _clinic(coach)
    past = client.post(
        reverse("bookings:class_create"),
        {"session_type": clinic.pk, "day": "2020-01-07", "start_time": "18:30"},
    )
    assert "Pick a start in the future." in past.content.decode()
    future = (timezone.now().date() + timedelta(days=3)).isoformat()
    bad = client.post(
        reverse("bookings:class_create"),
        {"session_type": clinic.pk, "day": future, "start_time": "18:30", "rrule": "FREQ=HOURLY"},
    )
    assert bad.status_code == 400
    assert "FREQ=HOURLY is not supported" in bad.content.decode()


def test_runners_cannot_open_the_coach_pages(world, client):
    client.force_login(world.athlete_a.user)
    for name in ("coach_sessions", "availability", "types", "type_create", "class_create"):
        assert client.get(reverse(f"bookings:{name}")).status_code == 403


def test_sessions_list_names_the_runner_of_each_place(world, coach, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tagalong.bookings.services import SlotRequest
    from tests.bookings.helpers import one_on_one, open_coach
    from tests.factories import make_athlete

    now = timezone.now()
    open_coach(coach)
    check_in = one_on_one(coach, cutoff=0)
    start = (now + timedelta(days=2)).replace(hour=10, minute=0, second=0, microsecond=0)
    book(athlete=world.athlete_a, session_or_slot=SlotRequest(check_in, start), now=now)
    url = reverse("bookings:coach_sessions")
    with CaptureQueriesContext(connection) as first:
        html = client.get(url).content.decode()
    assert world.athlete_a.name in html
    others = [make_athlete(coach=coach) for _ in range(3)]
    for hours, runner in enumerate(others, start=1):
        slot = SlotRequest(check_in, start + timedelta(hours=hours))
        book(athlete=runner, session_or_slot=slot, now=now)
    with CaptureQueriesContext(connection) as second:
        html = client.get(url).content.decode()
    assert all(runner.name in html for runner in others)
    assert len(second) == len(first)  # the names come with the sessions, not one query each
