"""The runner's pages: what to book, free times on both clocks, booking, cancelling within
the policy, moving, my sessions, and the shared booking link."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from freezegun import freeze_time

from tagalong.bookings.models import Audience, Booking, BookingStatus, SessionType
from tagalong.bookings.services import SlotRequest, book
from tests.bookings.helpers import NOW, group_class, one_on_one, open_coach
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db
SLOT = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)  # Tue 10:00 in London, 05:00 in New York


@pytest.fixture
def runner(world, client):  # type: ignore[no-untyped-def]
    world.athlete_a.time_zone = "America/New_York"
    world.athlete_a.save()
    client.force_login(world.athlete_a.user)
    return world.athlete_a


@pytest.fixture
def check_in(world):  # type: ignore[no-untyped-def]
    open_coach(world.coach_a)
    return one_on_one(world.coach_a)


def _messages(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(m) for m in response.context["messages"]]


def test_book_page_lists_the_runners_coaches_types_only(world, runner, client, check_in):
    SessionType.objects.create(coach=world.coach_other, name="Not yours", duration_min=30)
    html = client.get(reverse("bookings:book")).content.decode()
    assert "With Coach A" in html and "Check-in" in html
    assert "Not yours" not in html


def test_free_times_show_the_runners_and_the_coachs_clock(world, runner, client, check_in):
    with freeze_time(NOW):
        html = client.get(reverse("bookings:book_type", args=[check_in.pk])).content.decode()
    assert "Times are on your clock: <strong>America/New_York</strong>" in html
    assert "05:00–06:00 EST" in html
    assert "your coach is on Europe/London" in html
    assert "Coach's time: Tue 03 Mar 10:00–11:00 GMT" in html


def test_later_weeks_stop_at_the_horizon(world, runner, client, check_in):
    with freeze_time(NOW):
        html = client.get(
            reverse("bookings:book_type", args=[check_in.pk]) + "?week=2026-04-27"
        ).content.decode()
    assert "Bookable up to 60 days ahead." in html


def test_booking_a_free_time_opens_the_session_page(world, runner, client, check_in):
    with freeze_time(NOW):
        response = client.post(
            reverse("bookings:book_type", args=[check_in.pk]),
            {"start": SLOT.isoformat(), "confirm": "1"},
            follow=True,
        )
    assert "Booked. A calendar invitation is on its way" in " ".join(_messages(response))
    booking = Booking.objects.get(athlete=runner)
    assert response.redirect_chain[-1][0] == reverse("bookings:session", args=[booking.session_id])


def test_a_time_just_taken_is_explained(world, runner, client, check_in):
    book(
        athlete=make_athlete(coach=world.coach_a),
        session_or_slot=SlotRequest(check_in, SLOT),
        now=NOW,
    )
    with freeze_time(NOW):
        response = client.post(
            reverse("bookings:book_type", args=[check_in.pk]),
            {"start": SLOT.isoformat(), "confirm": "1"},
            follow=True,
        )
    assert "That time has just been taken" in " ".join(_messages(response))


def test_group_classes_show_seats_left_then_the_waiting_list(world, runner, client):
    session = group_class(world.coach_a, capacity=2)
    url = reverse("bookings:book_type", args=[session.session_type_id])
    with freeze_time(NOW):
        assert "2 seats left" in client.get(url).content.decode()
        book(athlete=make_athlete(coach=world.coach_a), session_or_slot=session, now=NOW)
        book(athlete=make_athlete(coach=world.coach_a), session_or_slot=session, now=NOW)
        assert "Full: join the waiting list" in client.get(url).content.decode()
        response = client.post(url, {"session": session.pk, "confirm": "1"}, follow=True)
    assert "you are number 1 on the waiting list" in " ".join(_messages(response))
    assert Booking.objects.get(athlete=runner).status == BookingStatus.WAITLISTED


def test_cancelling_before_the_cutoff_is_free(world, runner, client):
    session = group_class(world.coach_a, cutoff=24)
    booking = book(athlete=runner, session_or_slot=session, now=NOW)
    with freeze_time(NOW):
        response = client.post(reverse("bookings:cancel", args=[booking.pk]), follow=True)
    assert "Cancelled. The calendar invitation has been withdrawn." in _messages(response)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_cancelling_after_the_cutoff_is_a_late_cancellation(world, runner, client):
    session = group_class(world.coach_a, cutoff=24)
    booking = book(athlete=runner, session_or_slot=session, now=NOW)
    with freeze_time(session.start - timedelta(hours=3)):
        response = client.post(reverse("bookings:cancel", args=[booking.pk]), follow=True)
    text = " ".join(_messages(response))
    assert "less than 24 h before the start, so it counts as a late cancellation" in text
    booking.refresh_from_db()
    assert booking.status == BookingStatus.LATE_CANCEL


def test_moving_after_the_cutoff_sends_the_runner_to_the_coach(world, runner, client):
    session = group_class(world.coach_a, cutoff=24)
    booking = book(athlete=runner, session_or_slot=session, now=NOW)
    with freeze_time(session.start - timedelta(hours=3)):
        response = client.get(reverse("bookings:reschedule", args=[booking.pk]), follow=True)
    assert "Cancellations close 24 h before the session; ask your coach." in _messages(response)


def test_moving_a_one_on_one_to_another_free_time(world, runner, client, check_in):
    booking = book(athlete=runner, session_or_slot=SlotRequest(check_in, SLOT), now=NOW)
    url = reverse("bookings:reschedule", args=[booking.pk])
    later = SLOT + timedelta(days=1)
    with freeze_time(NOW):
        page = client.get(url).content.decode()
        assert "Move Check-in" in page and "Now: <strong>" in page
        response = client.post(url, {"start": later.isoformat(), "confirm": "1"}, follow=True)
    assert "Moved. An updated calendar invitation is on its way." in _messages(response)
    booking.refresh_from_db()
    assert (booking.session.start, booking.sequence) == (later, 1)


def test_my_sessions_lists_coming_and_past(world, runner, client):
    coming = group_class(world.coach_a)
    book(athlete=runner, session_or_slot=coming, now=NOW)
    cancelled = group_class(world.coach_a, start=coming.start + timedelta(days=1))
    gone = book(athlete=runner, session_or_slot=cancelled, now=NOW)
    Booking.objects.filter(pk=gone.pk).update(status=BookingStatus.CANCELLED)
    with freeze_time(NOW):
        html = client.get(reverse("bookings:mine")).content.decode()
    coming_part, past_part = html.split("Past and cancelled")
    assert "Confirmed" in coming_part
    assert "Cancelled" in past_part


def test_anonymous_visitor_of_a_booking_link_is_asked_to_sign_in(world, client, check_in):
    SessionType.objects.filter(pk=check_in.pk).update(audience=Audience.LINK)
    check_in.refresh_from_db()
    html = client.get(reverse("bookings:link", args=[check_in.link_token])).content.decode()
    assert "Sign in to book" in html
    assert "Check-in with Coach A" in html


def test_any_runner_with_the_link_can_book(world, client, check_in):
    SessionType.objects.filter(pk=check_in.pk).update(audience=Audience.LINK)
    check_in.refresh_from_db()
    stranger = world.athlete_b  # coached by someone else
    client.force_login(stranger.user)
    response = client.get(reverse("bookings:link", args=[check_in.link_token]))
    book_url = reverse("bookings:book_type", args=[check_in.pk])
    assert response["Location"] == f"{book_url}?token={check_in.link_token}"
    assert client.get(book_url).status_code == 404  # without the link
    with freeze_time(NOW):
        assert client.get(response["Location"]).status_code == 200
        client.post(response["Location"], {"start": SLOT.isoformat(), "confirm": "1"})
    assert Booking.objects.get(athlete=stranger).status == BookingStatus.CONFIRMED


def test_an_old_or_archived_link_is_not_found(world, client, check_in):
    SessionType.objects.filter(pk=check_in.pk).update(audience=Audience.LINK, active=False)
    check_in.refresh_from_db()
    assert client.get(reverse("bookings:link", args=[check_in.link_token])).status_code == 404
    assert client.get(reverse("bookings:link", args=["not-a-token"])).status_code == 404


def test_coach_moves_a_runners_one_on_one_on_the_coachs_clock(world, runner, client, check_in):
    booking = book(athlete=runner, session_or_slot=SlotRequest(check_in, SLOT), now=NOW)
    client.force_login(world.coach_a)
    url = reverse("bookings:reschedule", args=[booking.pk])
    later = SLOT + timedelta(hours=2)
    with freeze_time(NOW):
        page = client.get(url).content.decode()
        assert f"Move Check-in with {runner.name}" in page
        assert "Times are on your clock: <strong>Europe/London</strong>" in page
        assert "12:00–13:00 GMT" in page
        client.post(url, {"start": later.isoformat(), "confirm": "1"})
    booking.refresh_from_db()
    assert booking.session.start == later
