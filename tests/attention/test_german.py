"""The coach's queue says each stored reason and its chip in the coach's language: the signal
keeps the reason's phrase beside its English words (looked up here in a stand-in German
catalogue, not the .po), so a German coach reads German, dates included; reasons stored before
phrases were kept show their English words."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.utils import timezone

from tagalong.attention.models import Signal
from tagalong.triage import SEVERITY
from tests.attention.helpers import pain, refresh
from tests.factories import World
from tests.web.test_phrases import german

GERMAN = {
    "Calf pain rising": "Wadenschmerz steigt",
    "Calf pain {worst}/10 on {day:%-d %b}: {reasons}.": (
        "Wadenschmerz {worst}/10 am {day:%-d. %b}: {reasons}."
    ),
    "up {points} points since the check-in before ({previous}/10)": (
        "{points} Punkte mehr als beim Check-in davor ({previous}/10)"
    ),
    "{score}/10 the next morning, not settled to 3/10": (
        "{score}/10 am nächsten Morgen, nicht auf 3/10 abgeklungen"
    ),
    "{first}; {rest}": "{first}; {rest}",
    "No data": "Keine Daten",
}


def _queue(world: World, language: str) -> str:
    world.coach_a.language = language
    world.coach_a.save(update_fields=["language"])
    client = Client()
    client.force_login(world.coach_a)
    return client.get("/coach/athletes/").content.decode()


def _rising_pain(world: World) -> dt.date:
    day = timezone.localdate()
    pain(world.athlete_a, day - dt.timedelta(days=3), 2)
    pain(world.athlete_a, day, 5, morning=4)
    assert "pain_rising" in refresh(world.athlete_a)
    return day


def test_a_german_coach_reads_the_reason_and_its_chip_in_german(world: World, monkeypatch) -> None:
    german(monkeypatch, GERMAN)
    day = _rising_pain(world)
    page = _queue(world, "de")
    months = ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"]
    when = f"{day.day}. {months[day.month - 1]}"
    assert f"Wadenschmerz 5/10 am {when}: 4/10 am nächsten Morgen" in page
    assert "3 Punkte mehr als beim Check-in davor (2/10)." in page
    assert ">Wadenschmerz steigt</a>" in page
    assert "Calf pain 5/10" not in page


def test_an_english_coach_reads_the_same_reason_in_english(world: World, monkeypatch) -> None:
    german(monkeypatch, GERMAN)
    _rising_pain(world)
    page = _queue(world, "en-gb")
    assert "up 3 points since the check-in before (2/10)." in page
    assert ">Calf pain rising</a>" in page


def test_a_reason_stored_without_its_phrase_still_shows(world: World, monkeypatch) -> None:
    german(monkeypatch, GERMAN)
    Signal.objects.create(
        athlete=world.athlete_a,
        kind="no_data",
        severity=SEVERITY["no_data"],
        words="Nothing recorded for 9 days.",
        evidence_id="attention.no_data",
        url=f"/athletes/{world.athlete_a.pk}/",
    )
    page = _queue(world, "de")
    assert "Nothing recorded for 9 days." in page and ">Keine Daten</a>" in page
