"""Checks on the athlete details the norms need."""

from __future__ import annotations

from tagalong.assessment.errors import AssessmentError
from tagalong.assessment.model import Sex

AGE_RANGE = (12, 100)


def check_age(age: float) -> None:
    low, high = AGE_RANGE
    if isinstance(age, bool) or not isinstance(age, int | float) or not low <= age <= high:
        raise AssessmentError("age", f"{age!r} is outside {low}–{high} years")


def check_sex(sex: Sex) -> None:
    if sex not in ("female", "male"):
        raise AssessmentError("sex", f"{sex!r} must be 'female' or 'male'")


def check_test(test_name: str, expected: str) -> None:
    if test_name != expected:
        raise AssessmentError("test", f"expected a {expected} result, got {test_name!r}")
