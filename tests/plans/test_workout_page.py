"""The workout builder page: rows added and removed, totals, saving, errors, and the FIT file."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from garmin_fit_sdk import Decoder, Stream

from tagalong.plans.models import Plan, PlanSession
from tests.factories import World

INTERVAL_ROWS = [
    {"kind": "warmup", "time": "15", "target": "effort", "rpe": "3"},
    {"kind": "repeat", "times": "5", "count": "2"},
    {"kind": "work", "time": "3:00", "target": "pace", "pace_fast": "4:20", "pace_slow": "4:30"},
    {"kind": "recovery", "time": "2:00", "target": "heart_rate", "hr_low": "120", "hr_high": "140"},
    {
        "kind": "cooldown",
        "distance_m": "1500",
        "target": "pace",
        "pace_fast": "6:00",
        "pace_slow": "6:20",
    },
]


def _run(plan: Plan) -> PlanSession:
    return plan.sessions.filter(kind="run").order_by("date").first()  # type: ignore[return-value]


def _url(world: World, session: PlanSession, name: str = "plans:workout") -> str:
    return reverse(name, kwargs={"athlete_id": world.athlete_a.pk, "session_id": session.pk})


def _post(rows: list[dict[str, str]], op: str) -> dict[str, Any]:
    data: dict[str, Any] = {"rows": len(rows), "op": op}
    for i, row in enumerate(rows):
        data.update({f"step-{i}-{k}": v for k, v in row.items()})
    return data


def _sdk(data: bytes) -> dict[str, Any]:
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert errors == []
    return messages


def test_the_page_starts_from_the_runs_time_and_pace(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    session = _run(plan)
    page = client_for(world.coach_a).get(_url(world, session)).content.decode()
    assert "Build the workout" in page and 'name="rows" value=' in page
    assert "Total <strong>" in page


def test_adding_and_removing_rows_keeps_what_was_typed(
    world: World, plan: Plan, client_for
) -> None:  # type: ignore[no-untyped-def]
    client, url = client_for(world.coach_a), _url(world, _run(plan))
    rows = INTERVAL_ROWS[:1]
    page = client.post(url, _post(rows, "add-repeat")).content.decode()
    assert 'name="rows" value="4"' in page and 'value="repeat" selected' in page
    page = client.post(url, _post(INTERVAL_ROWS, "remove-4")).content.decode()
    assert 'name="rows" value="4"' in page and "1500" not in page
    page = client.post(url, _post(rows, "add-step"), HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in page and 'name="rows" value="2"' in page


def test_totals_follow_the_steps(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    page = client_for(world.coach_a).post(_url(world, _run(plan)), _post(INTERVAL_ROWS, "totals"))
    # 15 + 5 × 5 min + 1.5 km at 6:10/km (9:15)
    assert "Total <strong>49:15</strong>" in page.content.decode()


def test_saving_stores_the_steps_and_the_fit_file_follows_them(
    world: World, plan: Plan, client_for
) -> None:  # type: ignore[no-untyped-def]
    session = _run(plan)
    client = client_for(world.coach_a)
    response = client.post(_url(world, session), _post(INTERVAL_ROWS, "save"))
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.duration_min == pytest.approx(49.2, abs=0.1)
    assert session.workout["steps"][1] == {
        "type": "repeat",
        "times": 5,
        "steps": [
            {
                "type": "step",
                "kind": "work",
                "seconds": 180,
                "target": {"type": "pace", "fast_s_per_km": 260, "slow_s_per_km": 270},
            },
            {
                "type": "step",
                "kind": "recovery",
                "seconds": 120,
                "target": {"type": "heart_rate", "low_bpm": 120, "high_bpm": 140},
            },
        ],
    }
    page = client.get(_url(world, session, "plans:session")).content.decode()
    assert "5 × (3 min at 4:20–4:30/km" in page

    first = client.get(_url(world, session, "plans:workout_fit")).content
    steps = _sdk(first)["workout_step_mesgs"]
    assert [s["intensity"] for s in steps if "intensity" in s] == [
        "warmup", "active", "recovery", "cooldown",
    ]  # fmt: skip
    assert [s["duration_type"] for s in steps] == [
        "time", "time", "time", "repeat_until_steps_cmplt", "distance",
    ]  # fmt: skip
    assert steps[1]["duration_time"] == 180.0 and steps[2]["duration_time"] == 120.0
    assert steps[3]["repeat_steps"] == 5 and steps[3]["duration_step"] == 1
    assert steps[1]["custom_target_speed_high"] == pytest.approx(1000 / 260, abs=0.001)
    assert steps[2]["custom_target_heart_rate_low"] == 220  # bpm + 100
    assert steps[4]["duration_distance"] == 1500.0
    second = client.get(_url(world, session, "plans:workout_fit")).content
    serials = {_sdk(f)["file_id_mesgs"][0]["serial_number"] for f in (first, second)}
    assert len(serials) == 2


def test_a_step_with_no_time_or_distance_is_named(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    session = _run(plan)
    before = session.workout
    rows = [INTERVAL_ROWS[0], {"kind": "work", "target": "open"}]
    response = client_for(world.coach_a).post(_url(world, session), _post(rows, "save"))
    assert response.status_code == 400
    assert "Step 2: give a time or a distance" in response.content.decode()
    session.refresh_from_db()
    assert session.workout == before  # nothing saved


def test_a_negative_repeat_is_named(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    rows = [{"kind": "repeat", "times": "-2", "count": "1"}, INTERVAL_ROWS[2]]
    response = client_for(world.coach_a).post(_url(world, _run(plan)), _post(rows, "save"))
    assert response.status_code == 400
    assert "Step 1: repeat 1 to 50 times, not -2." in response.content.decode()


def test_a_repeat_without_enough_steps_after_it_is_named(
    world: World, plan: Plan, client_for
) -> None:  # type: ignore[no-untyped-def]
    rows = [INTERVAL_ROWS[0], {"kind": "repeat", "times": "4", "count": "3"}, INTERVAL_ROWS[2]]
    response = client_for(world.coach_a).post(_url(world, _run(plan)), _post(rows, "save"))
    assert response.status_code == 400
    assert "Step 2: the repeat needs 3 plain steps after it" in response.content.decode()


def test_a_pace_written_wrongly_is_named(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    rows = [
        {"kind": "work", "time": "20", "target": "pace", "pace_fast": "4.5", "pace_slow": "5:00"}
    ]
    response = client_for(world.coach_a).post(_url(world, _run(plan)), _post(rows, "save"))
    assert response.status_code == 400
    assert "Step 1: write both paces as m:ss per km" in response.content.decode()


def test_saving_with_htmx_redirects_the_page(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    session = _run(plan)
    response = client_for(world.coach_a).post(
        _url(world, session), _post(INTERVAL_ROWS, "save"), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert response["HX-Redirect"].endswith(f"/sessions/{session.pk}/")


def test_a_strength_session_has_no_builder(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    session = plan.sessions.exclude(kind="run").first()
    assert session is not None
    response = client_for(world.coach_a).get(_url(world, session))
    assert response.status_code == 302
