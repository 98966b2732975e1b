"""Booking and moving go through a review page: nothing is booked until the runner confirms."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from freezegun import freeze_time

from tagalong.bookings.models import Booking, BookingStatus
from tagalong.bookings.services import SlotRequest, book
from tests.bookings.helpers import NOW, group_class, one_on_one, open_coach
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db
SLOT = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)  # 10:00 in London, 05:00 in New York


@pytest.fixture
def runner(world, client):  # type: ignore[no-untyped-def]
    world.athlete_a.time_zone = "America/New_York"
    world.athlete_a.save()
    client.force_login(world.athlete_a.user)
    return world.athlete_a


def _confirm_form(html: str) -> dict[str, str]:
    form = html.split('<form method="post"', 1)[1].split("</form>", 1)[0]
    fields = {}
    for chunk in form.split('<input type="hidden" name="')[1:]:
        name, rest = chunk.split('"', 1)
        fields[name] = rest.split('value="', 1)[1].split('"', 1)[0]
    fields.pop("csrfmiddlewaretoken", None)
    return fields


def test_picking_a_time_shows_the_review_and_books_only_on_confirm(world, runner, client):
    open_coach(world.coach_a)
    check_in = one_on_one(world.coach_a)
    url = reverse("bookings:book_type", args=[check_in.pk])
    with freeze_time(NOW):
        review = client.post(url, {"start": SLOT.isoformat()})
        html = review.content.decode()
        assert review.status_code == 200 and not Booking.objects.exists()
        assert "Book Check-in?" in html and "With</dt><dd>Coach A" in html
        assert "05:00–06:00" in html and "Coach's time: Tue 03 Mar 2026 10:00–11:00" in html
        assert "Free until 24 h before the start" in html
        fields = _confirm_form(html)
        assert fields["confirm"] == "1"
        response = client.post(url, fields, follow=True)
    booking = Booking.objects.get(athlete=runner)
    assert (booking.status, booking.session.start) == (BookingStatus.CONFIRMED, SLOT)
    assert response.redirect_chain[-1][0] == reverse("bookings:session", args=[booking.session_id])


def test_a_full_class_reviews_as_joining_the_waiting_list(world, runner, client):
    session = group_class(world.coach_a, capacity=1)
    book(athlete=make_athlete(coach=world.coach_a), session_or_slot=session, now=NOW)
    url = reverse("bookings:book_type", args=[session.session_type_id])
    with freeze_time(NOW):
        html = client.post(url, {"session": session.pk}).content.decode()
        assert "Join the waiting list for Calf clinic?" in html
        assert not Booking.objects.filter(athlete=runner).exists()
        client.post(url, _confirm_form(html))
    assert Booking.objects.get(athlete=runner).status == BookingStatus.WAITLISTED


def test_moving_shows_old_and_new_time_and_keeps_the_old_until_confirmed(world, runner, client):
    open_coach(world.coach_a)
    check_in = one_on_one(world.coach_a)
    booking = book(athlete=runner, session_or_slot=SlotRequest(check_in, SLOT), now=NOW)
    url = reverse("bookings:reschedule", args=[booking.pk])
    later = SLOT + timedelta(days=1)
    with freeze_time(NOW):
        html = client.post(url, {"start": later.isoformat()}).content.decode()
        assert "Move Check-in to this time?" in html
        assert "Now</dt><dd>Tue 03 Mar 2026 05:00" in html and "Wed 04 Mar 2026 05:00" in html
        booking.refresh_from_db()
        assert booking.session.start == SLOT and booking.sequence == 0
        client.post(url, _confirm_form(html))
    booking.refresh_from_db()
    assert (booking.session.start, booking.sequence) == (later, 1)
