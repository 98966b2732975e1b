"""Factories for calf-check cases: a healthy runner by default, override what the test is about."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

from tagalong.calfcheck import (
    Athlete,
    CalfCase,
    CalfTests,
    LeftRight,
    Load,
    Run,
    Shoe,
    Symptoms,
    Technique,
)

TODAY = date(2026, 3, 16)


def steady_runs(km: float = 10.0, weeks: int = 5) -> tuple[Run, ...]:
    """A run of ``km`` every other day, the last one today."""
    return tuple(Run(TODAY - timedelta(days=d), km, km * 6) for d in range(0, 7 * weeks, 2))


def healthy_case(**changes: Any) -> CalfCase:
    case = CalfCase(
        athlete=Athlete(age=35, sex="female", body_mass_kg=62),
        tests=CalfTests(
            heel_raise_reps=LeftRight(32, 32),
            knee_to_wall_cm=LeftRight(12, 12),
            single_leg_bridge_reps=LeftRight(28, 28),
            side_plank_s=LeftRight(65, 65),
        ),
        symptoms=Symptoms(during=0, after=0, next_morning=0),
        load=Load(weekly_km=(30, 30, 30), runs=steady_runs()),
        technique=Technique(cadence_spm=170, speed_m_s=2.8, foot_strike="rearfoot"),
        shoes=(Shoe("daily trainer", 200), Shoe("tempo", 150)),
    )
    return dataclasses.replace(case, **changes)


def example_json() -> dict[str, Any]:
    return {
        "athlete": {"age": 42, "sex": "female", "body_mass_kg": 64},
        "tests": {
            "heel_raise_reps": {"left": 18, "right": 24},
            "knee_to_wall_cm": {"left": 9.5, "right": 11},
            "single_leg_bridge_reps": {"left": 22, "right": 25},
            "side_plank_s": {"left": 35, "right": 40},
        },
        "symptoms": {
            "calf_tightness": {"during": 2, "after": 5, "next_morning": 3},
            "side": "left",
        },
        "load": {
            "weekly_km": [28, 30, 42],
            "longest_run_km_30d": 14,
            "runs": [
                {"date": "2026-03-10", "distance_km": 8, "duration_min": 48, "rpe": 4},
                {"date": "2026-03-15", "distance_km": 18, "duration_min": 115, "rpe": 6},
            ],
        },
        "technique": {"cadence_spm": 156, "speed_m_s": 2.9, "foot_strike": "forefoot"},
        "shoes": [{"name": "Pegasus", "km": 640, "retire_km": 800}],
        "red_flags": [],
        "activity_files": [],
    }
