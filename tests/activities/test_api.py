from __future__ import annotations

import pytest

from tagalong.activities.models import Activity
from tests.activities.conftest import FENIX_RUN, raw_upload, upload

pytestmark = pytest.mark.django_db


def test_api_import_reports_progress_and_reasons(
    world, client_for, django_capture_on_commit_callbacks
):
    client = client_for(world.athlete_a.user)
    base = f"/api/athletes/{world.athlete_a.pk}"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{base}/imports", {"files": [upload(FENIX_RUN), raw_upload("bad.tcx", b"<x/>")]}
        )
    assert response.status_code == 201
    batch = client.get(f"{base}/imports/{response.json()['id']}").json()
    assert batch["status"] == "done" and batch["done"] == 2
    outcomes = {item["name"]: item for item in batch["items"]}
    assert outcomes["garmin-fenix-5-run.fit"]["status"] == "imported"
    assert outcomes["bad.tcx"]["status"] == "failed"
    assert outcomes["bad.tcx"]["reason"].startswith("bad.tcx")


def test_api_import_over_the_limit_is_a_400_naming_the_file(world, client_for, monkeypatch):
    monkeypatch.setenv("TAGALONG_UPLOAD_MAX_BYTES", "1KB")
    client = client_for(world.athlete_a.user)
    response = client.post(
        f"/api/athletes/{world.athlete_a.pk}/imports", {"files": [upload(FENIX_RUN)]}
    )
    assert response.status_code == 400
    assert "garmin-fenix-5-run.fit" in response.json()["error"]["message"]


def test_api_manual_run_list_detail_delete_and_load(world, client_for):
    client = client_for(world.coach_a)
    base = f"/api/athletes/{world.athlete_a.pk}"
    created = client.post(
        f"{base}/activities",
        {"day": "2026-03-03", "duration_min": 40, "distance_km": 8, "rpe": 5},
        content_type="application/json",
    )
    assert created.status_code == 201 and created.json()["load_measure"] == "srpe"
    run_id = created.json()["id"]
    assert [a["id"] for a in client.get(f"{base}/activities").json()] == [run_id]
    assert client.get(f"{base}/activities/{run_id}").json()["load_value"] == 200
    series = client.get(f"{base}/load?start=2026-03-03&end=2026-03-03").json()
    assert series[0]["load"] == 200
    assert client.delete(f"{base}/activities/{run_id}").status_code == 204
    assert not Activity.objects.exists()
    assert client.get(f"{base}/load").json() == []


def test_api_manual_run_rejects_rpe_out_of_range(world, client_for):
    client = client_for(world.athlete_a.user)
    response = client.post(
        f"/api/athletes/{world.athlete_a.pk}/activities",
        {"day": "2026-03-03", "duration_min": 40, "rpe": 12},
        content_type="application/json",
    )
    assert response.status_code == 422


def test_api_manual_run_of_a_vanishing_distance_is_refused_and_nothing_stored(world, client_for):
    client = client_for(world.athlete_a.user)
    base = f"/api/athletes/{world.athlete_a.pk}"
    response = client.post(
        f"{base}/activities",
        {"day": "2026-03-03", "duration_min": 40, "distance_km": 1e-310},
        content_type="application/json",
    )
    assert 400 <= response.status_code < 500
    assert "under 10 m" in response.content.decode()
    assert client.get(f"{base}/activities").status_code == 200
    assert not Activity.objects.filter(athlete=world.athlete_a).exists()
