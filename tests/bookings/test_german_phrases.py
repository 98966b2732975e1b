"""Booking pages and calendar feeds in the reader's language: slot labels with German weekdays
and months, feed events in the feed owner's language (a calendar app sends none)."""

from __future__ import annotations

import icalendar
import pytest
from django.test import Client
from django.urls import reverse
from freezegun import freeze_time

from tagalong.bookings.services import book, rotate_feed
from tests.bookings.helpers import NOW, group_class, one_on_one, open_coach
from tests.web.test_phrases import german

pytestmark = pytest.mark.django_db

CATALOGUE = {
    "{session} · {booked}/{capacity} booked": "{session} · {booked}/{capacity} gebucht",
    "{session} with {coach}": "{session} mit {coach}",
    "Session page: {url}": "Terminseite: {url}",
    "Sessions and plan · {athlete}": "Termine und Plan · {athlete}",
}


def test_free_times_show_german_weekdays_and_months(world, client, monkeypatch):
    german(monkeypatch, CATALOGUE)
    open_coach(world.coach_a)
    check_in = one_on_one(world.coach_a)
    runner = world.athlete_a
    runner.time_zone = "America/New_York"
    runner.save()
    runner.user.language = "de"
    runner.user.save()
    client.force_login(runner.user)
    client.get("/")  # the URLs (and the API's schemas) load before the clock is frozen
    with freeze_time(NOW):
        html = client.get(reverse("bookings:book_type", args=[check_in.pk])).content.decode()
    assert "Di 03 Mär 10:00–11:00 GMT" in html  # the coach's clock
    assert "05:00–06:00 EST" in html  # the runner's
    assert "Di 3 Mär 05:00–06:00 EST" in html  # the button's label names the day
    assert "Tue 03 Mar" not in html


def _events(token: str) -> list[icalendar.Event]:
    Client().get("/")
    with freeze_time(NOW):
        response = Client(headers={"accept-language": "en"}).get(
            reverse("bookings:feed", args=[token])
        )
    return list(icalendar.Calendar.from_ical(response.content).walk("VEVENT"))


def test_a_feed_is_written_in_its_owners_language(world, monkeypatch):
    german(monkeypatch, CATALOGUE)
    session = group_class(world.coach_a)
    book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    world.coach_a.language = "de"
    world.coach_a.save()
    (coach_event,) = _events(rotate_feed(user=world.coach_a).token)
    assert str(coach_event["SUMMARY"]) == "Calf clinic · 1/2 gebucht"
    assert "Terminseite: " in str(coach_event["DESCRIPTION"])

    runner_events = _events(rotate_feed(user=world.athlete_a.user).token)
    summaries = {str(e["SUMMARY"]) for e in runner_events}
    assert f"Calf clinic with {world.coach_a.full_name}" in summaries  # the runner reads English
