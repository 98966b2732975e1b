"""One session's page: the join link's timing, the coach's view of attendees, attendance,
notes and the advice that reaches the runner."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from freezegun import freeze_time

from tagalong.bookings.models import BookingStatus, SessionNote
from tagalong.bookings.services import book, save_note
from tests.bookings.helpers import NOW, group_class
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def booked(world):  # type: ignore[no-untyped-def]
    session = group_class(world.coach_a)
    booking = book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    return session, booking


def _page(client, session, at):  # type: ignore[no-untyped-def]
    with freeze_time(at):
        return client.get(reverse("bookings:session", args=[session.pk])).content.decode()


def test_join_link_is_hidden_eleven_minutes_before(world, client, booked):
    session, _ = booked
    client.force_login(world.athlete_a.user)
    html = _page(client, session, session.start - timedelta(minutes=11))
    assert session.room_url not in html
    assert "The video link appears here at" in html
    assert "10 minutes before the start" in html


def test_join_link_shows_nine_minutes_before(world, client, booked):
    session, _ = booked
    client.force_login(world.athlete_a.user)
    html = _page(client, session, session.start - timedelta(minutes=9))
    assert session.room_url in html
    assert "Join the video session" in html


def test_join_link_is_gone_after_the_end(world, client, booked):
    session, _ = booked
    client.force_login(world.athlete_a.user)
    html = _page(client, session, session.end + timedelta(minutes=1))
    assert session.room_url not in html
    assert "This session has ended." in html


def test_opening_time_is_on_the_runners_clock(world, client, booked):
    session, _ = booked  # 11:00 UTC on 5 March; Sydney is UTC+11 then
    world.athlete_a.time_zone = "Australia/Sydney"
    world.athlete_a.save()
    client.force_login(world.athlete_a.user)
    html = _page(client, session, NOW)
    opens = (session.start - timedelta(minutes=10)).astimezone(
        __import__("zoneinfo").ZoneInfo("Australia/Sydney")
    )
    assert f"{opens:%H:%M} AEDT" in html
    assert "(Australia/Sydney)" in html and "(Europe/London)" in html


def test_runner_sees_free_cancellation_before_the_cutoff(world, client, booked):
    session, _ = booked
    client.force_login(world.athlete_a.user)
    html = _page(client, session, session.start - timedelta(hours=30))
    assert "Free cancellation until" in html
    assert "Move to another time" in html


def test_runner_is_told_when_the_cutoff_has_passed(world, client, booked):
    session, _ = booked
    client.force_login(world.athlete_a.user)
    html = _page(client, session, session.start - timedelta(hours=2))
    assert "Cancellations closed at" in html
    assert "ask your coach" in html
    assert "counts as a late cancellation" in html
    assert "Move to another time" not in html


def test_runner_does_not_see_the_other_attendees_or_private_notes(world, client, booked):
    session, _ = booked
    other = make_athlete(coach=world.coach_a)
    book(athlete=other, session_or_slot=session, now=NOW)
    save_note(
        session=session,
        athlete=world.athlete_a,
        by=world.coach_a,
        private_note="Check the left Achilles.",
        shared_advice="Slow heel raises, 3 x 15, every other day.",
        exercise_slugs=["double-leg-heel-raise"],
    )
    client.force_login(world.athlete_a.user)
    html = _page(client, session, NOW)
    assert other.name not in html
    assert "Check the left Achilles." not in html
    assert "Slow heel raises, 3 x 15, every other day." in html
    assert reverse("assessments:exercise", args=["double-leg-heel-raise"]) in html


def test_coach_sees_attendees_with_their_key_facts(world, client, booked):
    session, _ = booked
    waiting = make_athlete(coach=world.coach_a)
    session.capacity = 1
    session.save()
    book(athlete=waiting, session_or_slot=session, now=NOW)
    client.force_login(world.coach_a)
    html = _page(client, session, NOW)
    assert world.athlete_a.name in html and waiting.name in html
    assert "On the waiting list #1" in html
    assert "Calf check" in html and "Home tests" in html and "Load" in html
    assert "Attendance can be recorded from the start of the session." in html


def test_coach_marks_attendance_after_the_start(world, client, booked):
    session, booking = booked
    client.force_login(world.coach_a)
    url = reverse("bookings:attendance", args=[booking.pk])
    with freeze_time(session.start - timedelta(minutes=5)):
        early = client.post(url, {"status": "no_show"}, **HTMX)
    assert "once the session has started" in early.content.decode()
    with freeze_time(session.start + timedelta(minutes=50)):
        response = client.post(url, {"status": "attended"}, **HTMX)
    assert response.status_code == 200
    assert 'aria-pressed="true">Attended' in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.ATTENDED


def test_coach_saves_notes_and_the_advice_lands_on_the_runners_record(world, client, booked):
    session, _ = booked
    client.force_login(world.coach_a)
    url = reverse("bookings:note", args=[session.pk, world.athlete_a.pk])
    response = client.post(
        url,
        {
            "private_note": "Left calf 20% weaker.",
            "shared_advice": "Bent-knee holds, 5 x 45 s.",
            "exercise_slugs": ["isometric-calf-hold-bent-knee"],
        },
        **HTMX,
    )
    assert "Saved" in response.content.decode()
    note = SessionNote.objects.get(session=session, athlete=world.athlete_a)
    assert note.exercise_slugs == ["isometric-calf-hold-bent-knee"]
    client.force_login(world.athlete_a.user)
    record = client.get(reverse("athletes:detail", args=[world.athlete_a.pk])).content.decode()
    assert "Bent-knee holds, 5 x 45 s." in record
    assert "Left calf 20% weaker." not in record
    assert reverse("assessments:exercise", args=["isometric-calf-hold-bent-knee"]) in record


def test_notes_for_someone_who_did_not_book_are_refused(world, client, booked):
    session, _ = booked
    client.force_login(world.coach_a)
    url = reverse("bookings:note", args=[session.pk, world.athlete_b.pk])
    assert client.post(url, {"shared_advice": "Hi"}).status_code == 404


def test_coach_cancels_a_class_for_everyone(
    world, client, booked, mailoutbox, django_capture_on_commit_callbacks
):
    session, booking = booked
    client.force_login(world.coach_a)
    with freeze_time(NOW), django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("bookings:session_cancel", args=[session.pk]))
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert any("Cancelled" in m.subject for m in mailoutbox)


def test_strangers_and_colleagues_get_not_found(world, client, booked):
    session, _ = booked
    for user in (world.athlete_b.user, world.colleague, world.coach_other):
        client.force_login(user)
        assert client.get(reverse("bookings:session", args=[session.pk])).status_code == 404
