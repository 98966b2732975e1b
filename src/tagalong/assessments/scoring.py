"""Calls into tagalong.assessment for one stored test; no science here, only dispatch."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from tagalong.assessment import (
    AssessmentError,
    BilateralTest,
    TestScore,
    heel_raise_test,
    hop_test,
    knee_to_wall_test,
    seated_soleus_test,
    side_plank_test,
    single_leg_bridge_test,
    single_leg_squat_test,
)
from tagalong.assessment.model import RAW_RANGE
from tagalong.athletes.models import AthleteProfile
from tagalong.wording import Phrase

TESTS: dict[str, Phrase] = {
    "heel_raise": Phrase("Single-leg heel raises (reps)"),
    "knee_to_wall": Phrase("Knee-to-wall (cm)"),
    "single_leg_bridge": Phrase("Single-leg bridge (reps)"),
    "side_plank": Phrase("Side plank (s)"),
    "single_leg_squat": Phrase("Single-leg squat (rating 0–5)"),
    "seated_soleus": Phrase("Seated soleus (× body weight)"),
    "hop": Phrase("Single-leg hop (cm)"),
}
RAW_UNITS: dict[str, str] = {test: unit for test, (_, _, unit) in RAW_RANGE.items()}
# Stored with the body mass they were judged against (kg ÷ body mass).
BODY_MASS_TESTS = frozenset({"seated_soleus"})
# The calf check reads these four (CASE.json "tests" keys).
CASE_KEYS = {
    "heel_raise": "heel_raise_reps",
    "knee_to_wall": "knee_to_wall_cm",
    "single_leg_bridge": "single_leg_bridge_reps",
    "side_plank": "side_plank_s",
}


def _person(athlete: AthleteProfile) -> tuple[Any, Any]:
    return athlete.age_on(timezone.localdate()) or 35, athlete.sex or "female"


def body_mass_of(athlete: AthleteProfile) -> float | None:
    return None if athlete.body_mass_kg is None else float(athlete.body_mass_kg)


def score_raw(
    athlete: AthleteProfile,
    test: str,
    left: float,
    right: float,
    protocol_version: str = "1",
    *,
    body_mass_kg: float | None = None,
) -> TestScore:
    """``body_mass_kg`` is the mass stored with an older result; the profile's by default."""
    age, sex = _person(athlete)
    if test == "single_leg_squat":
        return single_leg_squat_test(left=left, right=right, protocol_version=protocol_version)
    result = BilateralTest(test, left, right, protocol_version)  # type: ignore[arg-type]
    if test == "heel_raise":
        return heel_raise_test(result, age=age, sex=sex)
    if test == "side_plank":
        return side_plank_test(result, age=age, sex=sex)
    if test == "seated_soleus":
        mass = body_mass_kg if body_mass_kg is not None else body_mass_of(athlete)
        if mass is None:
            raise AssessmentError("seated_soleus", Phrase("add body mass to the profile first"))
        return seated_soleus_test(result, body_mass_kg=mass)
    return {
        "knee_to_wall": knee_to_wall_test,
        "single_leg_bridge": single_leg_bridge_test,
        "hop": hop_test,
    }[test](result)
