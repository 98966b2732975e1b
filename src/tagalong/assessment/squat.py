"""Single-leg squat: a visual quality rating to coach form, never a gate."""

from __future__ import annotations

from tagalong.assessment.errors import AssessmentError
from tagalong.assessment.model import BilateralTest, Side, SquatRating, TestScore
from tagalong.wording import Phrase

RELIABILITY = "sls.reliability.ressman_2019"

FORM_ONLY_NOTE = Phrase("use to coach form; inter-rater reliability is too low to gate progression")
_WORD_TO_RATING: dict[str, float] = {"poor": 1.0, "fair": 3.0, "good": 5.0}


def rating_value(rating: float | SquatRating, side: Side) -> float:
    """0–5 as given, or good/fair/poor mapped to 5/3/1."""
    if isinstance(rating, str):
        if rating not in _WORD_TO_RATING:
            raise AssessmentError(
                f"single_leg_squat.{side}",
                Phrase("{rating} must be good, fair, poor or 0–5", rating=repr(rating)),
            )
        return _WORD_TO_RATING[rating]
    return float(rating)


def squat_band(rating: float) -> str:
    if rating >= 4:
        return "good"
    return "fair" if rating >= 2 else "poor"


def single_leg_squat_test(
    *, left: float | SquatRating, right: float | SquatRating, protocol_version: str = "1"
) -> TestScore:
    result = BilateralTest(
        "single_leg_squat",
        rating_value(left, "left"),
        rating_value(right, "right"),
        protocol_version,
    )
    return TestScore(
        test="single_leg_squat",
        protocol_version=result.protocol_version,
        unit="rating",
        left=result.left,
        right=result.right,
        left_band=squat_band(result.left),
        right_band=squat_band(result.right),
        references=(),
        symmetry=None,
        flags=(),
        citations=(RELIABILITY,),
        notes=(FORM_ONLY_NOTE,),
    )
