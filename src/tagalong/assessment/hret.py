"""Single-leg heel-raise endurance test (Hébert-Losier 2017)."""

from __future__ import annotations

from tagalong.assessment.athlete import check_age, check_sex, check_test
from tagalong.assessment.model import BilateralTest, Reference, Sex, TestScore
from tagalong.assessment.norms import interpolate
from tagalong.assessment.symmetry import LSI_FORMULA, LSI_THRESHOLD, symmetry
from tagalong.assessment.words import SEX_WORDS
from tagalong.wording import Phrase

NORM = "hret.norm.hebert_losier_2017"
PROTOCOL = "hret.protocol.hebert_losier_2017"
RETURN_TO_RUN = "hret.return_to_run.expert_target"
RETEST_ERROR = "hret.retest_error.hebert_losier_2017"

RETURN_TO_RUN_REPS = 25.0  # RETURN_TO_RUN
RETEST_CHANGE_REPS = 7.0  # RETEST_ERROR: limits of agreement ±6.2 reps

_AGES = (20, 30, 40, 50, 60, 70, 80)
_MEDIAN = {
    "male": (37.5, 32.9, 28.3, 23.8, 19.1, 14.6, 10.0),
    "female": (30.1, 27.4, 24.6, 22.0, 19.2, 16.4, 13.7),
}
_LOWER_LIMIT = {
    "male": (16.2, 13.2, 10.1, 7.0, 4.0, 0.9, 0.0),
    "female": (13.4, 10.8, 8.3, 6.0, 3.2, 0.7, 0.0),
}


def heel_raise_norm(*, age: float, sex: Sex) -> Reference:
    """Median and 2.5th-centile lower limit for the age and sex (ages clamp to 20–80)."""
    check_age(age)
    check_sex(sex)
    return Reference(
        label="norm",
        evidence_id=NORM,
        description=Phrase(
            "median for a {age:g}-year-old {sex} (Hébert-Losier 2017)", age=age, sex=SEX_WORDS[sex]
        ),
        value=round(interpolate(age, _AGES, _MEDIAN[sex]), 1),
        lower_limit=round(interpolate(age, _AGES, _LOWER_LIMIT[sex]), 1),
    )


def heel_raise_band(reps: float, norm: Reference) -> str:
    if norm.lower_limit is not None and reps < norm.lower_limit:
        return "below_lower_limit"
    if reps < norm.value:
        return "below_median"
    return "at_or_above_median"


def return_to_run_target() -> Reference:
    return Reference(
        label="expert target",
        evidence_id=RETURN_TO_RUN,
        description=Phrase("return-to-run target: 25 reps per side"),
        value=RETURN_TO_RUN_REPS,
    )


def heel_raise_test(result: BilateralTest, *, age: float, sex: Sex) -> TestScore:
    check_test(result.test, "heel_raise")
    norm = heel_raise_norm(age=age, sex=sex)
    sym = symmetry(result.left, result.right, result.involved)
    flags = [
        f"{side}_below_return_to_run_target"
        for side in ("left", "right")
        if getattr(result, side) < RETURN_TO_RUN_REPS
    ]
    if sym.flagged:
        flags.append("lsi_below_90")
    notes = (
        () if 20 <= age <= 80 else (Phrase("age outside 20–80: nearest decade of the norm used"),)
    )
    return TestScore(
        test="heel_raise",
        protocol_version=result.protocol_version,
        unit="reps",
        left=result.left,
        right=result.right,
        left_band=heel_raise_band(result.left, norm),
        right_band=heel_raise_band(result.right, norm),
        references=(norm, return_to_run_target()),
        symmetry=sym,
        flags=tuple(flags),
        citations=(PROTOCOL, NORM, RETURN_TO_RUN, LSI_FORMULA, LSI_THRESHOLD),
        notes=notes,
    )
