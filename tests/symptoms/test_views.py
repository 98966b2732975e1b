from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from tagalong.symptoms.models import SymptomLog
from tagalong.symptoms.services import athlete_today, log_symptoms
from tests.factories import World

pytestmark = pytest.mark.django_db


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_form_defaults_to_today_in_the_athletes_zone_and_shows_the_hint(world: World) -> None:
    page = _client(world.athlete_a.user).get(reverse("symptoms:log", args=[world.athlete_a.pk]))
    html = page.content.decode()
    assert page.context["form"]["day"].value() == athlete_today(world.athlete_a)
    assert "Silbernagel KG et al. 2007" in html and "0–3" in html
    assert 'type="radio"' in html
    assert f'value="{athlete_today(world.athlete_a).isoformat()}"' in html


def test_posting_the_form_logs_symptoms(world: World) -> None:
    url = reverse("symptoms:log", args=[world.athlete_a.pk])
    data = {
        "day": "2026-01-05",
        "calf_pain_left_after": "4",
        "region_1": "shin",
        "side_1": "right",
        "pain_1": "2",
    }
    response = _client(world.athlete_a.user).post(url, data)
    assert response.status_code == 302
    log = SymptomLog.objects.get()
    assert log.calf_pain_left_after == 4
    assert log.other_regions == [{"region": "shin", "side": "right", "pain": 2}]


def test_empty_form_explains_what_is_missing(world: World) -> None:
    url = reverse("symptoms:log", args=[world.athlete_a.pk])
    response = _client(world.coach_a).post(url, {"day": "2026-01-05"})
    assert response.status_code == 200
    assert "Note at least one score" in response.content.decode()


def test_out_of_range_score_in_the_form_names_the_field(world: World) -> None:
    url = reverse("symptoms:log", args=[world.athlete_a.pk])
    response = _client(world.athlete_a.user).post(
        url, {"day": "2026-01-05", "calf_pain_right_during": "12"}
    )
    assert "calf_pain_right_during" in response.context["form"].errors


def test_history_shows_logs_and_chart_data(world: World) -> None:
    day = athlete_today(world.athlete_a) - timedelta(days=3)
    log_symptoms(athlete=world.athlete_a, by=None, day=day, scores={"calf_pain_left_after": 3})
    html = (
        _client(world.colleague)
        .get(reverse("symptoms:history", args=[world.athlete_a.pk]))
        .content.decode()
    )
    assert 'id="calf-pain-data"' in html and "uPlot.iife.min.js" in html
    assert "Log symptoms" not in html  # read-only viewer


def test_history_empty_state(world: World) -> None:
    page = _client(world.athlete_a.user).get(reverse("symptoms:history", args=[world.athlete_a.pk]))
    assert "Nothing logged yet." in page.content.decode()


def test_latest_symptoms_section_on_the_athlete_pages(world: World) -> None:
    log_symptoms(
        athlete=world.athlete_a,
        by=None,
        day=athlete_today(world.athlete_a),
        scores={"calf_pain_right_after": 7},
    )
    home = _client(world.athlete_a.user).get("/").content.decode()
    coach = _client(world.coach_a).get(reverse("athletes:detail", args=[world.athlete_a.pk]))
    for html in (home, coach.content.decode()):
        assert 'id="section-symptoms"' in html and "Pain above 5" in html


def test_a_region_without_a_pain_score_asks_for_one(world: World) -> None:
    url = reverse("symptoms:log", args=[world.athlete_a.pk])
    response = _client(world.athlete_a.user).post(url, {"day": "2026-01-05", "region_1": "knee"})
    assert response.context["form"].errors["pain_1"] == ["Choose how much it hurts, from 0 to 10."]
    assert not SymptomLog.objects.exists()


def test_history_names_other_places_and_sides_in_words(world: World) -> None:
    log_symptoms(
        athlete=world.athlete_a,
        by=None,
        day=athlete_today(world.athlete_a),
        scores={},
        other_regions=[{"region": "plantar_fascia", "side": "left", "pain": 4}],
    )
    url = reverse("symptoms:history", args=[world.athlete_a.pk])
    html = _client(world.athlete_a.user).get(url).content.decode()
    assert "Sole of the foot (plantar fascia) (left) 4" in html
    assert "plantar_fascia" not in html
