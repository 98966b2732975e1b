"""The builder's API operations: the same services, one JSON error shape naming the field."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from tagalong.plans.models import Plan, PlanSession
from tests.factories import World


def _rest_day(plan: Plan) -> dt.date:
    return plan.sessions.filter(kind="rest").order_by("date").values_list("date", flat=True)[0]


def _run(plan: Plan) -> PlanSession:
    return plan.sessions.filter(kind="run").order_by("date").first()  # type: ignore[return-value]


def _base(world: World, plan: Plan) -> str:
    return f"/api/athletes/{world.athlete_a.pk}/plans/{plan.pk}"


def _send(client, method: str, url: str, body: Any = None):  # type: ignore[no-untyped-def]
    data = json.dumps(body) if body is not None else None
    return getattr(client, method)(url, data=data, content_type="application/json")


def test_adding_a_session_answers_it_with_the_limit_warnings(
    world: World, plan: Plan, client_for
) -> None:  # type: ignore[no-untyped-def]
    day = _rest_day(plan)
    body = {
        "date": day.isoformat(),
        "kind": "run",
        "duration_min": 30,
        "target_pace_s_per_km": [330, 360],
    }
    response = _send(client_for(world.coach_a), "post", f"{_base(world, plan)}/sessions", body)
    assert response.status_code == 201
    out = response.json()
    assert out["session"]["kind"] == "run" and out["session"]["distance_km"] == 5.2
    assert isinstance(out["limit_warnings"], list)
    assert not plan.sessions.filter(date=day, kind="rest").exists()


def test_a_day_outside_the_plan_is_one_error_naming_the_date(
    world: World, plan: Plan, client_for
) -> None:  # type: ignore[no-untyped-def]
    body = {"date": (plan.end + dt.timedelta(days=5)).isoformat(), "kind": "strength"}
    response = _send(client_for(world.coach_a), "post", f"{_base(world, plan)}/sessions", body)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "date"


def test_putting_a_workout_sets_steps_time_and_text(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    run = _run(plan)
    body = {
        "steps": [
            {"kind": "warmup", "seconds": 600},
            {
                "type": "repeat",
                "times": 6,
                "steps": [
                    {"kind": "work", "seconds": 60, "target": {"type": "effort", "rpe": 8}},
                    {"kind": "recovery", "seconds": 90},
                ],
            },
            {"kind": "cooldown", "seconds": 600},
        ]
    }
    url = f"{_base(world, plan)}/sessions/{run.pk}/workout"
    response = _send(client_for(world.coach_a), "put", url, body)
    assert response.status_code == 200, response.content
    session = response.json()["session"]
    assert session["duration_min"] == 35.0
    assert session["workout"]["name"] == run.label
    assert session["workout_text"].startswith("Warm-up 10 min; 6 × (1 min")
    assert "effort 8/10" in session["workout_text"]


def test_a_step_with_no_duration_names_the_field(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    url = f"{_base(world, plan)}/sessions/{_run(plan).pk}/workout"
    body = {"steps": [{"kind": "work"}]}
    response = _send(client_for(world.coach_a), "put", url, body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["field"] == "workout.steps[0].seconds" and error["message"].startswith("Step 1")


def test_a_negative_repeat_names_the_field(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    url = f"{_base(world, plan)}/sessions/{_run(plan).pk}/workout"
    body = {"steps": [{"type": "repeat", "times": -1, "steps": [{"kind": "work", "seconds": 60}]}]}
    response = _send(client_for(world.coach_a), "put", url, body)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "workout.steps[0].times"


def test_copying_a_session_and_a_week(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    client, run = client_for(world.coach_a), _run(plan)
    url = f"{_base(world, plan)}/sessions/{run.pk}/copy"
    response = _send(client, "post", url, {"date": _rest_day(plan).isoformat()})
    assert response.status_code == 201 and response.json()["session"]["id"] != run.pk
    monday = plan.start - dt.timedelta(days=plan.start.weekday())
    body = {"source": monday.isoformat(), "target": (monday + dt.timedelta(days=14)).isoformat()}
    response = _send(client, "post", f"{_base(world, plan)}/weeks/copy", body)
    assert response.status_code == 201 and response.json()["sessions"]


def test_deleting_a_session(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    run = _run(plan)
    response = _send(client_for(world.coach_a), "delete", f"{_base(world, plan)}/sessions/{run.pk}")
    assert response.status_code == 200
    assert not PlanSession.objects.filter(pk=run.pk).exists()


def test_a_session_of_another_plan_is_not_found(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    other = Plan.objects.create(
        athlete=world.athlete_a, title="Old", goal_type="10k", start=plan.start, end=plan.end
    )
    url = f"/api/athletes/{world.athlete_a.pk}/plans/{other.pk}/sessions/{_run(plan).pk}/copy"
    response = _send(client_for(world.coach_a), "post", url, {"date": plan.start.isoformat()})
    assert response.status_code == 404
