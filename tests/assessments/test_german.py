"""The calf-check page says the stored result in the reader's language: the core's phrases are
looked up when the page is drawn (here in a stand-in German catalogue, not the .po), with German
numbers; a result stored before its phrases were kept still shows, as stored."""

from __future__ import annotations

import pytest
from django.test import Client

from tagalong.assessments import models as m
from tests.factories import PASSWORD, make_athlete, make_coach
from tests.web.test_phrases import german

pytestmark = pytest.mark.django_db

GERMAN = {
    "Calves too weak for the load, or the load too much": (
        "Waden zu schwach für die Belastung, oder die Belastung zu hoch"
    ),
    "possible": "möglich",
    "knee-to-wall (left/right)": "Knie-zur-Wand (links/rechts)",
    "≈ {left:.0f}°/{right:.0f}°; norm {mean:.1f} ± {sd:.1f} cm": (
        "≈ {left:.0f}°/{right:.0f}°; Norm {mean:.1f} ± {sd:.1f} cm"
    ),
    "Training advice, not medical advice. It does not diagnose; see a clinician if pain is "
    "severe, sudden or getting worse.": (
        "Trainingsrat, kein ärztlicher Rat. Er stellt keine Diagnose; geh zu einer Ärztin oder "
        "einem Arzt, wenn der Schmerz stark, plötzlich oder schlimmer wird."
    ),
}
TESTS = {
    "date": "2026-11-01",
    "heel_raise_left": "14",
    "heel_raise_right": "24",
    "knee_to_wall_left": "8.5",
    "knee_to_wall_right": "11",
}


def _runner_with_a_calf_check(language: str) -> tuple[Client, str]:
    athlete = make_athlete(coach=make_coach())
    athlete.user.language = language
    athlete.user.save(update_fields=["language"])
    client = Client()
    assert client.login(email=athlete.user.email, password=PASSWORD)
    base = f"/athletes/{athlete.pk}"
    assert client.post(f"{base}/intake/", {"goal": "race_10k", "tight_after": "5"}).status_code
    assert client.post(f"{base}/tests/", TESTS).status_code == 302
    assert client.post(f"{base}/calf-check/").status_code == 302
    return client, f"{base}/calf-check/"


def test_the_calf_check_page_is_said_in_german(monkeypatch):
    german(monkeypatch, GERMAN)
    client, url = _runner_with_a_calf_check("de")
    page = client.get(url).content.decode()
    assert "Waden zu schwach für die Belastung, oder die Belastung zu hoch" in page
    assert 'verdict-possible">möglich</span>' in page
    assert "Knie-zur-Wand (links/rechts): 8,5/11 cm" in page
    assert "Norm 12,0 ± 2,8 cm" in page
    assert "Trainingsrat, kein ärztlicher Rat." in page
    assert "Calves too weak for the load" not in page


def test_the_same_run_reads_in_english_for_an_english_reader(monkeypatch):
    german(monkeypatch, GERMAN)
    client, url = _runner_with_a_calf_check("en-gb")
    page = client.get(url).content.decode()
    assert "Calves too weak for the load, or the load too much" in page
    assert "knee-to-wall (left/right): 8.5/11 cm" in page and "norm 12.0 ± 2.8 cm" in page


def test_a_result_stored_without_phrases_still_shows_as_stored(monkeypatch):
    german(monkeypatch, GERMAN)
    client, url = _runner_with_a_calf_check("de")
    m.CalfCheckRun.objects.update(phrases={})  # as runs stored before this change
    page = client.get(url).content.decode()
    assert "knee-to-wall (left/right): 8.5/11 cm" in page  # the stored English
    assert "Waden zu schwach für die Belastung" in page  # titles come from the cause's code


def test_the_api_gives_the_stored_result_in_the_readers_language(monkeypatch):
    german(monkeypatch, GERMAN)
    client, _page = _runner_with_a_calf_check("de")
    athlete_id = m.CalfCheckRun.objects.get().athlete_id
    response = client.get(f"/api/athletes/{athlete_id}/calf-check")
    assert response.status_code == 200, response.content
    (run,) = response.json()
    result = run["result"]
    labels = [e["label"] for f in result["findings"] for e in f["evidence"]]
    assert "Knie-zur-Wand (links/rechts)" in labels
    assert result["disclaimer"].startswith("Trainingsrat, kein ärztlicher Rat.")
    assert {f["cause"] for f in result["findings"]} >= {"capacity_vs_load"}  # codes stay codes
