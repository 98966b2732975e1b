"""The trends page and the API: cadence against speed, the load measure and its settings."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tagalong.activities.models import LoadSettings
from tagalong.activities.services import add_manual_run, start_import
from tests.activities.conftest import CORPUS, upload

pytestmark = pytest.mark.django_db

RUN = CORPUS / "fitparse" / "activity-small-fenix2-run.fit"


def _import_run(athlete, capture):  # type: ignore[no-untyped-def]
    with capture(execute=True):
        start_import(athlete=athlete, by=athlete.user, upload=[upload(RUN)])


def test_api_gives_cadence_at_each_speed_with_hover_ready_values(
    world, client_for, django_capture_on_commit_callbacks
):
    _import_run(world.athlete_a, django_capture_on_commit_callbacks)
    client = client_for(world.coach_a)
    body = client.get(f"/api/athletes/{world.athlete_a.pk}/cadence-speed").json()
    assert body["runs"] == 1 and body["points"]
    point = body["points"][0]
    assert point["pace_s_per_km"] == pytest.approx(1000 / point["speed_m_s"])
    assert 140 < point["cadence_spm"] < 200
    assert body["novice_reference"][0] == [2.4, 154.0]
    assert (body["line"] is None) == (body["why_no_line"] is not None)
    assert body["easy_band"]["source"] == "own_runs"


def test_trends_page_shows_the_measure_and_the_cadence_chart_to_the_coach(
    world, client_for, django_capture_on_commit_callbacks
):
    _import_run(world.athlete_a, django_capture_on_commit_callbacks)
    client = client_for(world.coach_a)
    html = client.get(reverse("activities:trends", args=[world.athlete_a.pk])).content.decode()
    assert 'id="cadence-chart"' in html and 'id="cadence-data"' in html
    assert "Every day's load is in" in html
    assert reverse("activities:load_settings", args=[world.athlete_a.pk]) in html
    assert "Easy pace" in html


def test_load_settings_form_takes_minutes_and_seconds(world, client_for):
    add_manual_run(
        athlete=world.athlete_a,
        by=None,
        day=date(2026, 3, 2),
        duration_min=40,
        distance_km=8,
        rpe=4,
    )
    client = client_for(world.athlete_a.user)
    url = reverse("activities:load_settings", args=[world.athlete_a.pk])
    bad = client.post(url, {"measure": "auto", "threshold_pace": "4:75"})
    assert bad.status_code == 200 and "Seconds go from 00 to 59" in bad.content.decode()
    response = client.post(url, {"measure": "duration", "threshold_pace": "4:45"})
    assert response.status_code == 302
    settings = LoadSettings.objects.get(athlete=world.athlete_a)
    assert (settings.measure, settings.threshold_pace_s_per_km) == ("duration", 285.0)
    assert settings.measure_in_use == "duration"


def test_api_load_settings_round_trip(world, client_for):
    client = client_for(world.coach_a)
    url = f"/api/athletes/{world.athlete_a.pk}/load-settings"
    assert client.get(url).json()["measure"] == "auto"
    response = client.put(
        url, {"measure": "trimp", "threshold_pace_s_per_km": 300}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["basis"]["measure"] == "trimp"
    assert response.json()["basis"]["chosen_by"] == "setting"
    wrong = client.put(url, {"measure": "watts"}, content_type="application/json")
    assert wrong.status_code in (400, 422)
