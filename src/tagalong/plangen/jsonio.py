"""PROFILE.json in, plan JSON out, and the ``tagalong plan --json`` entry point."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO, cast

from tagalong.physiology.vdot import VdotError
from tagalong.plangen.fit_workout import encode_workout_fit, fit_serial
from tagalong.plangen.generator import DEFAULT_WEEKS, MAX_WEEKS, MIN_WEEKS, generate_plan
from tagalong.plangen.model import (
    WEEKDAYS,
    Athlete,
    Availability,
    CoachOverride,
    CurrentLoad,
    Finding,
    Goal,
    GoalType,
    InfeasiblePlan,
    Plan,
    PlanInputError,
    PlanRequest,
    RecentRace,
    Session,
    Sex,
    SidePair,
    Tests,
    Week,
    Weekday,
    reason_json,
)
from tagalong.plangen.workouts import session_text, session_workout
from tagalong.wording import Phrase

GOAL_TYPES = ("5k", "10k", "half", "marathon", "endurance", "return_to_run", "postnatal")


def _obj(value: object, field: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise PlanInputError(field, "must be an object")
    return cast(Mapping[str, Any], value)


def _num(obj: Mapping[str, Any], key: str, field: str, low: float, high: float) -> float:
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PlanInputError(f"{field}.{key}", f"must be a number, got {value!r}")
    if not low <= value <= high:
        raise PlanInputError(f"{field}.{key}", f"must be between {low:g} and {high:g}, got {value}")
    return float(value)


def _opt_num(obj: Mapping[str, Any], key: str, field: str, low: float, high: float) -> float | None:
    return None if obj.get(key) is None else _num(obj, key, field, low, high)


def _int(obj: Mapping[str, Any], key: str, field: str, low: int, high: int) -> int:
    value = _num(obj, key, field, low, high)
    if value != int(value):
        raise PlanInputError(f"{field}.{key}", f"must be a whole number, got {value}")
    return int(value)


def _date(value: object, field: str) -> dt.date:
    if not isinstance(value, str):
        raise PlanInputError(field, f"must be an ISO date string, got {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise PlanInputError(field, f"is not an ISO date (YYYY-MM-DD): {value!r}") from None


def _athlete(raw: object) -> Athlete:
    obj = _obj(raw, "athlete")
    sex = obj.get("sex")
    if sex not in ("female", "male"):
        raise PlanInputError("athlete.sex", f"must be 'female' or 'male', got {sex!r}")
    hr_max = _opt_num(obj, "hr_max", "athlete", 100, 230)
    hr_rest = _opt_num(obj, "hr_rest", "athlete", 25, 120)
    lthr = _opt_num(obj, "lthr", "athlete", 90, 220)
    return Athlete(
        age=_int(obj, "age", "athlete", 14, 100),
        sex=cast(Sex, sex),
        body_mass_kg=_num(obj, "body_mass_kg", "athlete", 25, 250),
        hr_max=None if hr_max is None else int(hr_max),
        hr_rest=None if hr_rest is None else int(hr_rest),
        lthr=None if lthr is None else int(lthr),
    )


def _goal(raw: object) -> Goal:
    obj = _obj(raw, "goal")
    kind = obj.get("type")
    if kind not in GOAL_TYPES:
        raise PlanInputError("goal.type", f"must be one of {', '.join(GOAL_TYPES)}; got {kind!r}")
    race_date = None if obj.get("race_date") is None else _date(obj["race_date"], "goal.race_date")
    weeks = None if obj.get("weeks") is None else _int(obj, "weeks", "goal", MIN_WEEKS, MAX_WEEKS)
    if race_date is not None and kind not in ("5k", "10k", "half", "marathon"):
        raise PlanInputError("goal.race_date", f"only race goals take a race date, not {kind}")
    weeks_postnatal = None
    if kind == "postnatal":
        weeks_postnatal = _int(obj, "weeks_postnatal", "goal", 0, 520)
    override = None
    if obj.get("coach_override") is not None:
        reason = _obj(obj["coach_override"], "goal.coach_override").get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise PlanInputError("goal.coach_override.reason", "a coach override needs a reason")
        override = CoachOverride(reason.strip())
    passed = obj.get("return_tests_passed", False)
    if not isinstance(passed, bool):
        raise PlanInputError("goal.return_tests_passed", "must be true or false")
    walk_breaks = obj.get("walk_breaks", False)
    if not isinstance(walk_breaks, bool):
        raise PlanInputError("goal.walk_breaks", "must be true or false")
    cap = _opt_num(obj, "long_run_cap_min", "goal", 60, 300)
    return Goal(
        type=cast(GoalType, kind),
        race_date=race_date,
        weeks=weeks,
        weeks_postnatal=weeks_postnatal,
        return_tests_passed=passed,
        coach_override=override,
        long_run_cap_min=cap,
        walk_breaks=walk_breaks,
    )


def _availability(raw: object) -> Availability:
    obj = _obj(raw, "availability")
    days = obj.get("days")
    if not isinstance(days, list) or not all(d in WEEKDAYS for d in days):
        raise PlanInputError("availability.days", f"must be a list of {', '.join(WEEKDAYS)}")
    minutes_raw = _obj(obj.get("minutes", {}), "availability.minutes")
    minutes: dict[Weekday, int] = {}
    for day in cast(list[Weekday], days):
        if day not in minutes_raw:
            raise PlanInputError(f"availability.minutes.{day}", "missing for an available day")
        minutes[day] = _int(minutes_raw, day, "availability.minutes", 0, 600)
        if minutes[day] == 0:
            raise PlanInputError(
                f"availability.minutes.{day}",
                "0 minutes on an available day: give its minutes, or take it off the days",
            )
    return Availability(minutes)


def _current(raw: object, missing: list[str]) -> CurrentLoad:
    if raw is None:
        missing.append(Phrase("current running (the plan starts from walk–run)"))
        return CurrentLoad(weekly_km=0.0, longest_run_km_30d=0.0, runs_per_week=3)
    obj = _obj(raw, "current")
    defaults = {"weekly_km": 0.0, "longest_run_km_30d": None, "runs_per_week": 3}
    filled = dict(obj)
    for key, value in defaults.items():
        if obj.get(key) is None:
            if key == "longest_run_km_30d":
                value = round(0.3 * float(filled.get("weekly_km") or 0.0), 1)
                missing.append(
                    Phrase(
                        "{field} (taken as {km:g} km, 30 % of the week)",
                        field=f"current.{key}",
                        km=value,
                    )
                )
            else:
                missing.append(
                    Phrase("{field} (taken as {value:g})", field=f"current.{key}", value=value)
                )
            filled[key] = value
    obj = filled
    race = None
    if obj.get("recent_race") is not None:
        r = _obj(obj["recent_race"], "current.recent_race")
        race = RecentRace(
            distance_m=_num(r, "distance_m", "current.recent_race", 800, 100_000),
            time_s=_num(r, "time_s", "current.recent_race", 60, 100_000),
        )
    return CurrentLoad(
        weekly_km=_num(obj, "weekly_km", "current", 0, 300),
        longest_run_km_30d=_num(obj, "longest_run_km_30d", "current", 0, 100),
        runs_per_week=_int(obj, "runs_per_week", "current", 0, 14),
        recent_race=race,
    )


def _pair(obj: Mapping[str, Any], key: str, high: float) -> SidePair | None:
    if obj.get(key) is None:
        return None
    pair = _obj(obj[key], f"tests.{key}")
    return SidePair(
        left=_num(pair, "left", f"tests.{key}", 0, high),
        right=_num(pair, "right", f"tests.{key}", 0, high),
    )


def _tests(raw: object) -> Tests:
    if raw is None:
        return Tests()
    obj = _obj(raw, "tests")
    return Tests(
        heel_raise_reps=_pair(obj, "heel_raise_reps", 200),
        knee_to_wall_cm=_pair(obj, "knee_to_wall_cm", 30),
        single_leg_bridge_reps=_pair(obj, "single_leg_bridge_reps", 200),
        side_plank_s=_pair(obj, "side_plank_s", 600),
    )


def _findings(raw: object) -> tuple[Finding, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise PlanInputError("findings", "must be a list of {cause, verdict}")
    out = []
    for i, item in enumerate(raw):
        obj = _obj(item, f"findings[{i}]")
        cause, verdict = obj.get("cause"), obj.get("verdict")
        if not isinstance(cause, str) or not isinstance(verdict, str):
            raise PlanInputError(f"findings[{i}]", "needs string cause and verdict")
        out.append(Finding(cause, verdict))
    return tuple(out)


def plan_from_json(obj: object) -> PlanRequest:
    """Validate a PROFILE.json object; errors name the field (PlanInputError).

    ``athlete``, ``goal``, ``start`` and ``availability`` are required. A partial intake
    (no ``current``, no tests, no race date or weeks) still plans: what was assumed is
    listed in ``PlanRequest.missing`` and shown as plan notes.
    """
    root = _obj(obj, "profile")
    for key in ("athlete", "goal", "start", "availability"):
        if key not in root:
            raise PlanInputError(key, "is required")
    missing: list[str] = []
    goal = _goal(root["goal"])
    if goal.race_date is None and goal.weeks is None:
        missing.append(
            Phrase("goal.race_date or goal.weeks (planned {weeks} weeks)", weeks=DEFAULT_WEEKS)
        )
    if root.get("tests") is None:
        missing.append(Phrase("tests (calf ladder starts at step 1; test to place it)"))
    request = PlanRequest(
        athlete=_athlete(root["athlete"]),
        goal=goal,
        start=_date(root["start"], "start"),
        availability=_availability(root["availability"]),
        current=_current(root.get("current"), missing),
        tests=_tests(root.get("tests")),
        findings=_findings(root.get("findings")),
        missing=tuple(missing),
    )
    race = request.current.recent_race
    if race is not None:
        from tagalong.physiology.vdot import vdot_from_race

        value = vdot_from_race(race.distance_m, race.time_s)
        if not 20 <= value <= 90:
            raise PlanInputError("current.recent_race", f"gives VDOT {value:.1f}, outside 20–90")
    return request


def _session_json(s: Session) -> dict[str, object]:
    return {
        "date": s.date.isoformat(),
        "kind": s.kind,
        "run_type": s.run_type,
        "duration_min": s.duration_min,
        "distance_km": s.distance_km,
        "target_pace_s_per_km": list(s.target_pace_s_per_km) if s.target_pace_s_per_km else None,
        "hr_zone": s.hr_zone,
        "ladder_level": s.ladder_level,
        "exercises": [
            {"slug": e.slug, "sets": e.sets, "reps": e.reps, "hold_s": e.hold_s, "load": e.load}
            for e in s.exercises
        ],
        "why": [reason_json(r) for r in s.why],
        "workout": s.workout.to_dict() if s.workout is not None else None,
        "text": session_text(s) if s.is_run else None,
    }


def _week_json(w: Week) -> dict[str, object]:
    runs = w.runs()
    return {
        "index": w.index,
        "start": w.start.isoformat(),
        "phase": w.phase,
        "totals": {
            "runs": len(runs),
            "running_min": round(sum(s.duration_min for s in runs), 1),
            "running_km": round(sum(s.distance_km or 0.0 for s in runs), 1),
            "long_run_km": max(
                (s.distance_km or 0.0 for s in runs if s.run_type == "long"), default=0.0
            ),
            "strength_sessions": sum(1 for s in w.sessions if s.kind == "strength"),
        },
        "why": [reason_json(r) for r in w.why],
        "sessions": [_session_json(s) for s in w.sessions],
    }


def plan_to_json(plan: Plan) -> dict[str, object]:
    zones = plan.hr_zones
    return {
        "vdot": plan.vdot,
        "vdot_estimated": plan.vdot_estimated,
        "paces": {k: [fast, slow] for k, (fast, slow) in plan.paces.items()},
        "hr_zones": {
            "estimated": zones.estimated,
            "note": zones.note,
            "zones": {z.name: [z.low_bpm, z.high_bpm] for z in zones.zones},
        },
        "race_date": plan.race_date.isoformat() if plan.race_date else None,
        "notes": [reason_json(r) for r in plan.notes],
        "weeks": [_week_json(w) for w in plan.weeks],
    }


def _pair_json(pair: SidePair | None) -> dict[str, float] | None:
    return None if pair is None else {"left": pair.left, "right": pair.right}


def request_to_json(request: PlanRequest) -> dict[str, object]:
    """A PROFILE.json object for ``request`` (``plan_from_json`` reads it back)."""
    a, g, c = request.athlete, request.goal, request.current
    goal: dict[str, object] = {"type": g.type}
    if g.race_date is not None:
        goal["race_date"] = g.race_date.isoformat()
    if g.weeks is not None:
        goal["weeks"] = g.weeks
    if g.weeks_postnatal is not None:
        goal["weeks_postnatal"] = g.weeks_postnatal
    if g.return_tests_passed:
        goal["return_tests_passed"] = True
    if g.coach_override is not None:
        goal["coach_override"] = {"reason": g.coach_override.reason}
    if g.long_run_cap_min is not None:
        goal["long_run_cap_min"] = g.long_run_cap_min
    if g.walk_breaks:
        goal["walk_breaks"] = True
    athlete = {"age": a.age, "sex": a.sex, "body_mass_kg": a.body_mass_kg}
    athlete.update(
        {k: v for k, v in (("hr_max", a.hr_max), ("hr_rest", a.hr_rest), ("lthr", a.lthr)) if v}
    )
    race = c.recent_race
    t = request.tests
    return {
        "athlete": athlete,
        "goal": goal,
        "start": request.start.isoformat(),
        "availability": {
            "days": list(request.availability.minutes),
            "minutes": dict(request.availability.minutes),
        },
        "current": {
            "weekly_km": c.weekly_km,
            "longest_run_km_30d": c.longest_run_km_30d,
            "runs_per_week": c.runs_per_week,
            "recent_race": None
            if race is None
            else {"distance_m": race.distance_m, "time_s": race.time_s},
        },
        "tests": {
            "heel_raise_reps": _pair_json(t.heel_raise_reps),
            "knee_to_wall_cm": _pair_json(t.knee_to_wall_cm),
            "single_leg_bridge_reps": _pair_json(t.single_leg_bridge_reps),
            "side_plank_s": _pair_json(t.side_plank_s),
        },
        "findings": [{"cause": f.cause, "verdict": f.verdict} for f in request.findings],
    }


def write_workouts(plan: Plan, directory: Path, *, created: dt.datetime) -> list[Path]:
    """One .fit workout per run session (races included), named by date and type."""
    directory.mkdir(parents=True, exist_ok=True)
    out = []
    for i, s in enumerate(plan.sessions()):
        if not s.is_run:
            continue
        workout = session_workout(s)
        path = directory / f"{s.date.isoformat()}-{(s.run_type or 'run').replace('_', '-')}.fit"
        stamp = created + dt.timedelta(seconds=i)
        path.write_bytes(encode_workout_fit(workout, serial=fit_serial(i, stamp), created=stamp))
        out.append(path)
    return out


def plan_main(
    path: str | Path,
    *,
    out: TextIO,
    workouts_dir: str | Path | None = None,
    now: dt.datetime | None = None,
) -> int:
    """``tagalong plan --json PROFILE.json [--workouts DIR]``: plan JSON on ``out``.

    Exit 2 on bad input (the message names the field) and on a refusal, whose message names
    the alternatives; the first of them is printed as a ready-to-run PROFILE.json.
    """
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        print(f"{path}: cannot read: {exc.strerror}", file=sys.stderr)
        return 2
    except json.JSONDecodeError as exc:
        print(f"{path}: not valid JSON (line {exc.lineno}): {exc.msg}", file=sys.stderr)
        return 2
    try:
        plan = generate_plan(plan_from_json(raw))
    except (PlanInputError, VdotError) as exc:
        print(f"{path}: {exc}", file=sys.stderr)
        return 2
    except InfeasiblePlan as exc:
        print(
            f"{path}: infeasible plan: {exc.reason} Suggestion: {exc.suggestion}", file=sys.stderr
        )
        if exc.alternative is not None:
            json.dump({"alternative": request_to_json(exc.alternative)}, out, indent=2)
            out.write("\n")
        return 2
    if workouts_dir is not None:
        created = now or dt.datetime.now(dt.UTC)
        written = write_workouts(plan, Path(workouts_dir), created=created)
        print(f"{len(written)} workout files written to {workouts_dir}", file=sys.stderr)
    json.dump(plan_to_json(plan), out, indent=2)
    out.write("\n")
    return 0
