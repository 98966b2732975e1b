"""CASE.json (already loaded with ``json``) to a typed ``CalfCase``, naming any bad field."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from typing import Any, cast

from tagalong.calfcheck.model import (
    Athlete,
    CalfCase,
    CalfTests,
    FootStrike,
    LeftRight,
    Load,
    Run,
    Shoe,
    Symptoms,
    SymptomSide,
    Technique,
)
from tagalong.calfcheck.red_flags import RED_FLAG_LABELS
from tagalong.calfcheck.shoes import DEFAULT_RETIRE_KM
from tagalong.wording import Phrase

PER_LEG_BELOW_SPM = 130.0  # a running cadence below this is per leg (science.md §4, FIT files)
MIN_RETIRE_KM = 50.0  # the lowest retirement distance the shoes app accepts


class CaseError(ValueError):
    """Invalid CASE.json: ``field`` is the dotted path, ``reason`` says what is allowed."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        self.message = Phrase("{field}: {reason}", field=field, reason=reason)
        super().__init__(self.message)


def _object(value: object, path: str, allowed: tuple[str, ...]) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise CaseError(path or "case", Phrase("must be a JSON object"))
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        where = f"{path}.{unknown[0]}" if path else unknown[0]
        raise CaseError(where, Phrase("unknown field; allowed: {allowed}", allowed=allowed))
    return value


def _number(value: object, path: str, low: float, high: float, unit: str = "") -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise CaseError(
            path, Phrase("must be a number ({low:g}–{high:g}{unit})", low=low, high=high, unit=unit)
        )
    if not low <= value <= high:
        raise CaseError(
            path,
            Phrase(
                "{value:g} is outside {low:g}–{high:g}{unit}",
                value=value,
                low=low,
                high=high,
                unit=unit,
            ),
        )
    return float(value)


def _optional_number(
    obj: Mapping[str, Any], key: str, path: str, low: float, high: float, unit: str = ""
) -> float | None:
    value = obj.get(key)
    return None if value is None else _number(value, f"{path}.{key}", low, high, unit)


def _choice(value: object, path: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise CaseError(
            path, Phrase("{value} must be one of {allowed}", value=repr(value), allowed=allowed)
        )
    return str(value)


def _list(value: object, path: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise CaseError(path, Phrase("must be a JSON list"))
    return value


def _date(value: object, path: str) -> date:
    try:
        return date.fromisoformat(cast(str, value))
    except (TypeError, ValueError):
        raise CaseError(
            path, Phrase("{value} must be a date as YYYY-MM-DD", value=repr(value))
        ) from None


def parse_athlete(value: object) -> Athlete:
    obj = _object(value, "athlete", ("age", "sex", "body_mass_kg"))
    sex = obj.get("sex")
    return Athlete(
        age=_optional_number(obj, "age", "athlete", 12, 100, " years"),
        sex=None if sex is None else cast(Any, _choice(sex, "athlete.sex", ("female", "male"))),
        body_mass_kg=_optional_number(obj, "body_mass_kg", "athlete", 20, 250, " kg"),
    )


def _left_right(value: object, path: str, high: float, unit: str) -> LeftRight | None:
    if value is None:
        return None
    obj = _object(value, path, ("left", "right"))
    if "left" not in obj or "right" not in obj:
        raise CaseError(path, Phrase("needs both left and right"))
    return LeftRight(
        _number(obj["left"], f"{path}.left", 0, high, unit),
        _number(obj["right"], f"{path}.right", 0, high, unit),
    )


def parse_tests(value: object) -> CalfTests:
    keys = ("heel_raise_reps", "knee_to_wall_cm", "single_leg_bridge_reps", "side_plank_s")
    obj = _object(value, "tests", keys)
    return CalfTests(
        heel_raise_reps=_left_right(obj.get(keys[0]), "tests.heel_raise_reps", 200, " reps"),
        knee_to_wall_cm=_left_right(obj.get(keys[1]), "tests.knee_to_wall_cm", 30, " cm"),
        single_leg_bridge_reps=_left_right(
            obj.get(keys[2]), "tests.single_leg_bridge_reps", 200, " reps"
        ),
        side_plank_s=_left_right(obj.get(keys[3]), "tests.side_plank_s", 600, " s"),
    )


TIMES = ("during", "after", "next_morning")


def _optional_date(obj: Mapping[str, Any], key: str, path: str) -> date | None:
    value = obj.get(key)
    return None if value is None else _date(value, f"{path}.{key}")


def parse_symptoms(value: object) -> Symptoms:
    obj = _object(value, "symptoms", ("calf_tightness", "side", "dates"))
    path = "symptoms.calf_tightness"
    tight = _object(obj.get("calf_tightness") or {}, path, TIMES)
    dates = _object(obj.get("dates") or {}, "symptoms.dates", TIMES)
    side = obj.get("side")
    return Symptoms(
        during=_optional_number(tight, "during", path, 0, 10),
        after=_optional_number(tight, "after", path, 0, 10),
        next_morning=_optional_number(tight, "next_morning", path, 0, 10),
        side=None
        if side is None
        else cast(SymptomSide, _choice(side, "symptoms.side", ("left", "right", "both"))),
        during_date=_optional_date(dates, "during", "symptoms.dates"),
        after_date=_optional_date(dates, "after", "symptoms.dates"),
        next_morning_date=_optional_date(dates, "next_morning", "symptoms.dates"),
    )


def parse_run(value: object, path: str) -> Run:
    obj = _object(value, path, ("date", "distance_km", "duration_min", "rpe"))
    if "distance_km" not in obj:
        raise CaseError(f"{path}.distance_km", Phrase("is required"))
    return Run(
        date=_date(obj.get("date"), f"{path}.date"),
        distance_km=_number(obj["distance_km"], f"{path}.distance_km", 0, 500, " km"),
        duration_min=_optional_number(obj, "duration_min", path, 0, 6000, " min"),
        rpe=_optional_number(obj, "rpe", path, 0, 10),
    )


def parse_load(value: object) -> Load:
    obj = _object(value, "load", ("weekly_km", "longest_run_km_30d", "runs"))
    weekly = _list(obj.get("weekly_km"), "load.weekly_km")
    return Load(
        weekly_km=tuple(
            _number(km, f"load.weekly_km[{i}]", 0, 1500, " km") for i, km in enumerate(weekly)
        ),
        longest_run_km_30d=_optional_number(obj, "longest_run_km_30d", "load", 0.1, 500, " km"),
        runs=tuple(
            parse_run(run, f"load.runs[{i}]")
            for i, run in enumerate(_list(obj.get("runs"), "load.runs"))
        ),
    )


def parse_technique(value: object) -> Technique:
    obj = _object(
        value,
        "technique",
        ("cadence_spm", "speed_m_s", "foot_strike", "cadence_date", "foot_strike_date"),
    )
    cadence = obj.get("cadence_spm")
    if cadence is not None and isinstance(cadence, int | float) and cadence < PER_LEG_BELOW_SPM:
        raise CaseError(
            "technique.cadence_spm",
            Phrase(
                "{cadence:g} looks like per-leg cadence; give steps per minute for both feet "
                "(double it: {doubled:g})",
                cadence=cadence,
                doubled=2 * cadence,
            ),
        )
    strikes = ("forefoot", "midfoot", "rearfoot", "unknown")
    return Technique(
        cadence_spm=_optional_number(obj, "cadence_spm", "technique", 130, 250, " spm"),
        speed_m_s=_optional_number(obj, "speed_m_s", "technique", 0.5, 12, " m/s"),
        foot_strike=cast(
            FootStrike,
            _choice(obj.get("foot_strike", "unknown"), "technique.foot_strike", strikes),
        ),
        cadence_date=_optional_date(obj, "cadence_date", "technique"),
        foot_strike_date=_optional_date(obj, "foot_strike_date", "technique"),
    )


def parse_shoe(value: object, path: str) -> Shoe:
    obj = _object(value, path, ("name", "km", "retire_km", "first_used"))
    name = obj.get("name")
    if not isinstance(name, str) or not name.strip():
        raise CaseError(f"{path}.name", Phrase("must be a non-empty string"))
    retire = _optional_number(obj, "retire_km", path, MIN_RETIRE_KM, 5000, " km")
    return Shoe(
        name=name.strip(),
        km=_number(obj.get("km"), f"{path}.km", 0, 100_000, " km"),
        retire_km=DEFAULT_RETIRE_KM if retire is None else retire,
        first_used=_optional_date(obj, "first_used", path),
    )


def parse_red_flags(value: object) -> tuple[str, ...]:
    allowed = tuple(RED_FLAG_LABELS)
    return tuple(
        _choice(flag, f"red_flags[{i}]", allowed)
        for i, flag in enumerate(_list(value, "red_flags"))
    )


def parse_activity_files(value: object) -> tuple[str, ...]:
    files = _list(value, "activity_files")
    for i, path in enumerate(files):
        if not isinstance(path, str) or not path:
            raise CaseError(f"activity_files[{i}]", Phrase("must be a non-empty file path"))
    return tuple(files)


def case_from_json(obj: object) -> CalfCase:
    """Every section is optional; a missing section makes the causes that need it 'unknown'."""
    top = _object(
        obj,
        "",
        (
            "athlete",
            "tests",
            "symptoms",
            "load",
            "technique",
            "shoes",
            "red_flags",
            "activity_files",
        ),
    )
    return CalfCase(
        athlete=parse_athlete(top.get("athlete") or {}),
        tests=parse_tests(top.get("tests") or {}),
        symptoms=parse_symptoms(top.get("symptoms") or {}),
        load=parse_load(top.get("load") or {}),
        technique=parse_technique(top.get("technique") or {}),
        shoes=tuple(
            parse_shoe(shoe, f"shoes[{i}]")
            for i, shoe in enumerate(_list(top.get("shoes"), "shoes"))
        ),
        red_flags=parse_red_flags(top.get("red_flags")),
        activity_files=parse_activity_files(top.get("activity_files")),
    )
