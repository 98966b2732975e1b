"""Checks on the athlete details the norms need."""

from __future__ import annotations

from tagalong.assessment.errors import AssessmentError
from tagalong.assessment.model import Sex
from tagalong.wording import Phrase

AGE_RANGE = (12, 100)


def check_age(age: float) -> None:
    low, high = AGE_RANGE
    if isinstance(age, bool) or not isinstance(age, int | float) or not low <= age <= high:
        raise AssessmentError(
            "age", Phrase("{age} is outside {low}–{high} years", age=repr(age), low=low, high=high)
        )


def check_sex(sex: Sex) -> None:
    if sex not in ("female", "male"):
        raise AssessmentError("sex", Phrase("{sex} must be 'female' or 'male'", sex=repr(sex)))


def check_test(test_name: str, expected: str) -> None:
    if test_name != expected:
        raise AssessmentError(
            "test",
            Phrase(
                "expected a {expected} result, got {got}", expected=expected, got=repr(test_name)
            ),
        )
