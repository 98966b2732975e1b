from __future__ import annotations

import json

from tagalong.plans.models import Plan
from tests.factories import World
from tests.plans.conftest import AVAILABILITY, CURRENT

BODY = {
    "goal": "10k",
    "start": "2026-03-02",
    "weeks": 10,
    "availability": AVAILABILITY,
    "current": CURRENT,
}


def _post(client, url, body):  # type: ignore[no-untyped-def]
    return client.post(url, data=json.dumps(body), content_type="application/json")


def test_post_generates_a_plan(world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    response = _post(client_for(world.coach_a), f"/api/athletes/{world.athlete_a.pk}/plans", BODY)
    assert response.status_code == 201
    body = response.json()
    assert body["current_version"] == 1 and body["sessions"]
    assert Plan.objects.filter(pk=body["id"], athlete=world.athlete_a).exists()


def test_infeasible_request_is_one_json_error(world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    body = {
        **BODY,
        "goal": "marathon",
        "weeks": 4,
        "current": {"weekly_km": 0, "longest_run_km_30d": 0, "runs_per_week": 0},
    }
    response = _post(client_for(world.coach_a), f"/api/athletes/{world.athlete_a.pk}/plans", body)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "infeasible"


def test_patch_moves_and_changes_a_session(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    session = plan.sessions.filter(kind="run").first()
    assert session is not None
    url = f"/api/athletes/{world.athlete_a.pk}/plans/{plan.pk}/sessions/{session.pk}"
    response = client_for(world.coach_a).patch(
        url,
        data=json.dumps({"duration_min": 31, "date": "2026-03-20"}),
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["date"] == "2026-03-20" and response.json()["ical_sequence"] == 2
    assert Plan.objects.get(pk=plan.pk).current_version == 3


def test_patch_of_another_athletes_session_is_not_found(
    world: World, plan: Plan, client_for
) -> None:  # type: ignore[no-untyped-def]
    from tests.plans.conftest import generate

    other = generate(world, athlete=world.athlete_b, by=world.coach_other)
    session = other.sessions.first()
    assert session is not None
    url = f"/api/athletes/{world.athlete_a.pk}/plans/{plan.pk}/sessions/{session.pk}"
    response = client_for(world.coach_a).patch(
        url, data=json.dumps({"duration_min": 31}), content_type="application/json"
    )
    assert response.status_code == 404


def test_get_plan_includes_limit_warnings(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    response = client_for(world.athlete_a.user).get(
        f"/api/athletes/{world.athlete_a.pk}/plans/{plan.pk}"
    )
    assert response.status_code == 200 and response.json()["limit_warnings"] == []


def test_calendar_feed_url_rotates(world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(world.athlete_a.user)
    url = f"/api/athletes/{world.athlete_a.pk}/calendar-feed"
    assert client.get(url).json() == {"url": None}
    first = client.post(url).json()["url"]
    second = client.post(url).json()["url"]
    assert first != second and client.get(url).json()["url"] == second
    assert client.get(first).status_code == 404 and client.get(second).status_code == 200


def test_templates_are_saved_and_listed(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(world.coach_a)
    body = {"athlete_id": world.athlete_a.pk, "plan_id": plan.pk, "name": "10K block"}
    assert _post(client, "/api/templates", body).status_code == 201
    assert [t["name"] for t in client.get("/api/templates").json()] == ["10K block"]
    assert client_for(world.colleague).get("/api/templates").json() == []
