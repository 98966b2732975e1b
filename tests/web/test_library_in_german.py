"""The exercise library, its sources and the advice articles read in German for a German reader."""

from __future__ import annotations

import pytest
from django.test import Client

from tagalong.evidence import REGISTRY
from tests.web.test_phrases import german

pytestmark = pytest.mark.django_db

HOLD = "rehab.isometric.oneill_2018"
PAIN = "rehab.pain_monitoring.silbernagel_2007"
GERMAN = {
    "Isometric calf hold, bent knee": "Isometrisches Wadenhalten, Knie gebeugt",
    "Isometric calf hold, straight knee": "Isometrisches Wadenhalten, Knie gestreckt",
    "{sets} x {amount}, {details}": "{sets} × {amount}, {details}",
    "daily, 2 min rest between holds": "täglich, 2 min Pause zwischen den Halteübungen",
    "soleus": "Soleus (Schollenmuskel)",
    "wall": "Wand",
    "verified": "geprüft",
    REGISTRY[
        HOLD
    ].statement.template: "Isometrisches Wadenhalten linderte den Schmerz nicht sofort.",
    REGISTRY[PAIN].statement.template: "Laufen nach dem Schmerz-Monitoring-Modell wirkte gut.",
}


def _page(path: str, language: str) -> str:
    response = Client().get(path, headers={"accept-language": language})
    assert response.status_code == 200
    return response.content.decode()


def test_an_exercise_page_says_its_name_dosage_and_sources_in_german(monkeypatch) -> None:
    german(monkeypatch, GERMAN)
    page = _page("/exercises/isometric-calf-hold-bent-knee/", "de")
    assert "<h1>Isometrisches Wadenhalten, Knie gebeugt</h1>" in page
    # the load has no German in this catalogue, so only that part stays English
    assert "5 × 45 s, about 70% of a maximal effort, täglich, 2 min Pause" in page
    assert "<dd>Soleus (Schollenmuskel)</dd>" in page and "<dd>Wand</dd>" in page
    assert "Isometrisches Wadenhalten linderte den Schmerz nicht sofort." in page
    assert '<span class="badge">geprüft</span>' in page
    assert "Isometrisches Wadenhalten, Knie gestreckt</a>" in page  # the harder version


def test_the_same_page_in_english_reads_as_before(monkeypatch) -> None:
    german(monkeypatch, GERMAN)
    page = _page("/exercises/isometric-calf-hold-bent-knee/", "en-GB")
    assert "<h1>Isometric calf hold, bent knee</h1>" in page
    assert "5 x 45 s, about 70% of a maximal effort, daily, 2 min rest between holds" in page
    assert str(REGISTRY[HOLD].statement) in page


def test_the_library_lists_the_names_in_german(monkeypatch) -> None:
    german(monkeypatch, GERMAN)
    assert ">Isometrisches Wadenhalten, Knie gebeugt</a>" in _page("/exercises/", "de")


def test_an_article_is_shown_in_its_german_translation_with_german_sources(monkeypatch) -> None:
    german(monkeypatch, GERMAN)
    page = _page("/articles/pain-monitoring/", "de-DE,de;q=0.9")
    assert '<article class="stack" lang="de">' in page
    assert "<h1>Schmerz im Blick: die 0–10-Regel</h1>" in page
    assert "Laufen nach dem Schmerz-Monitoring-Modell wirkte gut." in page


def test_an_article_not_yet_translated_is_shown_in_english_marked_as_such() -> None:
    page = _page("/articles/cadence/", "de")
    assert '<article class="stack" lang="en">' in page
    assert "<h1>Cadence: small steps, lighter calves</h1>" in page


def test_the_article_api_follows_the_readers_language() -> None:
    response = Client().get(
        "/api/articles/tight-calves-after-running", headers={"accept-language": "de"}
    )
    assert response.json()["title"] == "Feste Waden nach dem Laufen"


def test_the_exercise_api_follows_the_readers_language(monkeypatch) -> None:
    german(monkeypatch, GERMAN)
    path = "/api/exercises/isometric-calf-hold-bent-knee"
    said = Client().get(path, headers={"accept-language": "de"}).json()
    assert said["name"] == "Isometrisches Wadenhalten, Knie gebeugt"
    assert said["muscles"] == ["Soleus (Schollenmuskel)"]
    assert said["equipment"] == ["wall"]  # codes stay codes
