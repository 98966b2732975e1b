"""PROFILE.json validation, the plan JSON shape, and the CLI entry point."""

from __future__ import annotations

import copy
import io
import json

import pytest

from tagalong.plangen import PlanInputError, generate_plan, plan_from_json, plan_main, plan_to_json

PROFILE = {
    "athlete": {"age": 40, "sex": "female", "body_mass_kg": 60, "hr_max": 182},
    "goal": {"type": "half", "weeks": 16},
    "start": "2025-03-03",
    "availability": {
        "days": ["mon", "tue", "thu", "sat", "sun"],
        "minutes": {"mon": 60, "tue": 75, "thu": 75, "sat": 120, "sun": 150},
    },
    "current": {
        "weekly_km": 30,
        "longest_run_km_30d": 12,
        "runs_per_week": 4,
        "recent_race": {"distance_m": 10000, "time_s": 3000},
    },
    "tests": {"heel_raise_reps": {"left": 26, "right": 27}},
    "findings": [{"cause": "technique", "verdict": "possible"}],
}
SESSION_KEYS = {
    "date",
    "kind",
    "run_type",
    "duration_min",
    "distance_km",
    "target_pace_s_per_km",
    "exercises",
    "why",
}


def test_plan_json_has_the_agreed_shape():
    out = plan_to_json(generate_plan(plan_from_json(PROFILE)))
    assert {"vdot", "paces", "weeks"} <= out.keys()
    assert all(len(v) == 2 and v[0] <= v[1] for v in out["paces"].values())
    week = out["weeks"][0]
    assert {"index", "phase", "sessions"} <= week.keys()
    for session in (s for w in out["weeks"] for s in w["sessions"]):
        assert session.keys() >= SESSION_KEYS
        for ex in session["exercises"]:
            assert set(ex) == {"slug", "sets", "reps", "hold_s", "load"}
    json.dumps(out)  # serialisable as it stands


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("athlete", "sex"), "x", "athlete.sex"),
        (("athlete", "age"), "forty", "athlete.age"),
        (("goal", "type"), "ultra", "goal.type"),
        (("goal", "weeks"), 31, "goal.weeks"),
        (("start",), "03/03/2025", "start"),
        (("availability", "days"), ["monday"], "availability.days"),
        (("current", "weekly_km"), -1, "current.weekly_km"),
        (("tests", "heel_raise_reps"), {"left": 3}, "tests.heel_raise_reps.right"),
    ],
)
def test_invalid_profile_names_the_field(path, value, field):
    profile = copy.deepcopy(PROFILE)
    target = profile
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(PlanInputError) as err:
        plan_from_json(profile)
    assert err.value.field == field


def test_postnatal_goal_requires_weeks_postnatal():
    profile = copy.deepcopy(PROFILE)
    profile["goal"] = {"type": "postnatal", "weeks": 12}
    with pytest.raises(PlanInputError, match="weeks_postnatal"):
        plan_from_json(profile)


def test_plan_main_prints_plan_json_and_exits_0(tmp_path):
    path = tmp_path / "PROFILE.json"
    path.write_text(json.dumps(PROFILE))
    out = io.StringIO()
    assert plan_main(path, out=out) == 0
    assert json.loads(out.getvalue())["weeks"]


def test_plan_main_exits_2_with_reason_on_infeasible_request(tmp_path, capsys):
    profile = copy.deepcopy(PROFILE)
    profile["goal"] = {"type": "marathon", "weeks": 4}
    profile["current"] = {"weekly_km": 0, "longest_run_km_30d": 0, "runs_per_week": 0}
    path = tmp_path / "PROFILE.json"
    path.write_text(json.dumps(profile))
    assert plan_main(path, out=io.StringIO()) == 2
    assert "infeasible" in capsys.readouterr().err


def test_plan_main_exits_2_on_bad_json(tmp_path, capsys):
    path = tmp_path / "PROFILE.json"
    path.write_text("{")
    assert plan_main(path, out=io.StringIO()) == 2
    assert "not valid JSON" in capsys.readouterr().err


def test_plan_main_writes_one_decodable_fit_workout_per_run(tmp_path):
    import datetime as dt

    from garmin_fit_sdk import Decoder, Stream

    path = tmp_path / "PROFILE.json"
    path.write_text(json.dumps(PROFILE))
    out = io.StringIO()
    now = dt.datetime(2025, 3, 1, 6, 0, tzinfo=dt.UTC)
    assert plan_main(path, out=out, workouts_dir=tmp_path / "fit", now=now) == 0
    plan = json.loads(out.getvalue())
    runs = [s for w in plan["weeks"] for s in w["sessions"] if s["kind"] == "run"]
    files = sorted((tmp_path / "fit").glob("*.fit"))
    assert len(files) == len(runs)
    serials = set()
    for file in files:
        messages, errors = Decoder(Stream.from_byte_array(bytearray(file.read_bytes()))).read()
        assert errors == []
        assert messages["workout_step_mesgs"]
        serials.add(messages["file_id_mesgs"][0]["serial_number"])
    assert len(serials) == len(files)
    week = plan["weeks"][1]
    assert week["phase"] and week["why"] and week["totals"]["running_min"] > 0


def test_partial_intake_still_plans_and_names_the_missing_data():
    profile = copy.deepcopy(PROFILE)
    del profile["current"]
    profile.pop("tests", None)
    profile["goal"] = {"type": "endurance"}
    plan = plan_to_json(generate_plan(plan_from_json(profile)))
    notes = " ".join(n["text"] for n in plan["notes"])
    assert "current running" in notes and "tests" in notes and "goal.weeks" in notes
