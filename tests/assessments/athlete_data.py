"""Fixtures of an athlete's imported runs, shoes, symptom log and tests, and the CASE.json a
person would write by hand for the same data (today is 2026-03-16, the athlete is in New York)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from tagalong.activities.models import Activity
from tagalong.assessments.models import Intake, TestResult, TestSession
from tagalong.athletes.models import AthleteProfile
from tagalong.shoes.models import Shoe, ShoeUse
from tagalong.symptoms.models import SymptomLog

TODAY = date(2026, 3, 16)
NOW = "2026-03-16 15:00:00"  # UTC; 11:00 in New York
ZONE = "America/New_York"
PEGASUS_RUNS = ("02-14", "02-21", "02-28", "03-03", "03-07")
NOVABLAST_RUNS = ("03-10", "03-12", "03-14")


def run(
    athlete: AthleteProfile,
    start: str,
    km: float,
    minutes: float,
    *,
    rpe: int | None = None,
    sport: str = "running",
    **metrics: Any,
) -> Activity:
    return Activity.objects.create(
        athlete=athlete,
        sport=sport,
        start=datetime.fromisoformat(start).replace(tzinfo=UTC),
        duration_s=minutes * 60,
        moving_s=minutes * 60,
        distance_m=km * 1000,
        rpe=rpe,
        load_measure="duration",
        metrics=metrics,
    )


def add_runs(athlete: AthleteProfile) -> dict[str, Activity]:
    forefoot = {"field": "FootStrikeType", "median_value": 12.0, "category": "forefoot"}
    runs = {
        "02-14": run(athlete, "2026-02-14T12:00", 10, 60, rpe=3),
        "02-21": run(athlete, "2026-02-21T12:00", 10, 60),
        "02-28": run(athlete, "2026-02-28T12:00", 10, 60),
        "03-03": run(
            athlete,
            "2026-03-03T12:00",
            8,
            48,
            rpe=3,
            avg_cadence_spm=154.0,
            avg_speed_m_s=2.78,
            foot_strike=forefoot,
        ),
        "03-07": run(athlete, "2026-03-07T12:00", 10, 62),
        # A tempo run: hard, so its cadence is not the easy-run cadence.
        "03-10": run(
            athlete, "2026-03-10T12:00", 8, 37, rpe=7, avg_cadence_spm=172.0, avg_speed_m_s=3.6
        ),
        # Per-leg cadence from an export: doubled to 152 steps/min.
        "03-12": run(athlete, "2026-03-12T12:00", 8, 50, avg_cadence_spm=76.0, avg_speed_m_s=2.7),
        # 22:00 on the 14th in New York: the local date is the 14th, not the 15th.
        "03-14": run(athlete, "2026-03-15T02:00", 16, 100, rpe=5),
    }
    run(athlete, "2026-03-13T12:00", 20, 60, sport="cycling")  # not a run: left out
    return runs


def add_shoes(athlete: AthleteProfile, runs: dict[str, Activity]) -> None:
    pegasus = Shoe.objects.create(athlete=athlete, name="Old Pegasus", starting_km=600)
    novablast = Shoe.objects.create(athlete=athlete, name="New Novablast")
    Shoe.objects.create(
        athlete=athlete,
        name="Retired racer",
        starting_km=900,
        retired_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    for key in PEGASUS_RUNS:
        ShoeUse.objects.create(shoe=pegasus, activity=runs[key])
    for key in NOVABLAST_RUNS:
        ShoeUse.objects.create(shoe=novablast, activity=runs[key])


def add_symptoms(athlete: AthleteProfile) -> None:
    SymptomLog.objects.create(
        athlete=athlete,
        day=date(2026, 3, 11),
        calf_tightness_left_during=1,
        calf_tightness_left_after=5,
        calf_tightness_left_next_morning=0,
    )
    SymptomLog.objects.create(
        athlete=athlete,
        day=date(2026, 3, 14),
        calf_pain_left_during=2,
        calf_tightness_left_after=4,
        calf_tightness_left_next_morning=0,
    )
    # Older than two weeks: not part of the check.
    SymptomLog.objects.create(athlete=athlete, day=date(2026, 2, 20), calf_tightness_right_after=8)


def add_tests_and_intake(athlete: AthleteProfile) -> None:
    session = TestSession.objects.create(athlete=athlete, date=date(2026, 3, 9))
    for test, left, right, unit in (
        ("heel_raise", 18, 26, "reps"),
        ("knee_to_wall", 9, 11, "cm"),
        ("single_leg_bridge", 22, 24, "reps"),
        ("side_plank", 40, 45, "s"),
    ):
        TestResult.objects.create(session=session, test=test, left=left, right=right, unit=unit)
    Intake.objects.create(
        athlete=athlete,
        weekly_km=30,
        longest_run_km_30d=12,
        concerns={"after": 6, "side": "right"},  # the log of the last 2 weeks wins
    )


def add_everything(athlete: AthleteProfile) -> None:
    athlete.time_zone = ZONE
    athlete.save(update_fields=["time_zone"])
    runs = add_runs(athlete)
    add_shoes(athlete, runs)
    add_symptoms(athlete)
    add_tests_and_intake(athlete)


def _row(day: str, km: float, minutes: float, rpe: int | None = None) -> dict[str, Any]:
    row: dict[str, Any] = {"date": f"2026-{day}", "distance_km": km, "duration_min": minutes}
    return {**row, "rpe": rpe} if rpe is not None else row


# What a person would write in CASE.json for the same data (docs/calf-check.md).
EQUIVALENT_CASE: dict[str, Any] = {
    "athlete": {"age": 35, "sex": "female", "body_mass_kg": 60.0},
    "tests": {
        "heel_raise_reps": {"left": 18, "right": 26},
        "knee_to_wall_cm": {"left": 9, "right": 11},
        "single_leg_bridge_reps": {"left": 22, "right": 24},
        "side_plank_s": {"left": 40, "right": 45},
    },
    "symptoms": {
        "calf_tightness": {"during": 2, "after": 5, "next_morning": 0},
        "dates": {"during": "2026-03-14", "after": "2026-03-11", "next_morning": "2026-03-14"},
        "side": "left",
    },
    "load": {
        "runs": [
            _row("02-14", 10, 60, 3),
            _row("02-21", 10, 60),
            _row("02-28", 10, 60),
            _row("03-03", 8, 48, 3),
            _row("03-07", 10, 62),
            _row("03-10", 8, 37, 7),
            _row("03-12", 8, 50),
            _row("03-14", 16, 100, 5),
        ]
    },
    "technique": {
        "cadence_spm": 152,
        "speed_m_s": 2.7,
        "cadence_date": "2026-03-12",
        "foot_strike": "forefoot",
        "foot_strike_date": "2026-03-03",
    },
    "shoes": [
        {"name": "New Novablast", "km": 32, "retire_km": 800, "first_used": "2026-03-10"},
        {"name": "Old Pegasus", "km": 648, "retire_km": 800},
    ],
}
