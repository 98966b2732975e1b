"""Side plank endurance (McGill 1999 battery), seconds per side."""

from __future__ import annotations

from tagalong.assessment.athlete import check_age, check_sex, check_test
from tagalong.assessment.model import BilateralTest, Reference, Sex, TestScore
from tagalong.assessment.symmetry import LSI_FORMULA, LSI_THRESHOLD, symmetry
from tagalong.assessment.words import SEX_WORDS
from tagalong.wording import Phrase

NORM = "side_plank.norm.mcgill_1999"
TARGET = "side_plank.target.expert_target"

TARGET_S = 60.0  # TARGET
NO_NORM_NOTE = Phrase("no age norm outside 20–59: judged against the 60 s target")
# Mean seconds per age decade 20–29 … 50–59 (NORM); no norm outside 20–59.
_DECADE_MEANS: dict[Sex, tuple[float, float, float, float]] = {
    "male": (39.0, 34.0, 29.0, 25.0),
    "female": (47.0, 40.0, 33.0, 29.0),
}


def side_plank_norm(*, age: float, sex: Sex) -> Reference | None:
    """The age/sex decade mean, or None outside the 20–59 years the norms cover."""
    check_age(age)
    check_sex(sex)
    if not 20 <= age < 60:
        return None
    decade = int(age // 10) - 2
    return Reference(
        label="norm",
        evidence_id=NORM,
        description=Phrase(
            "mean for {sex} aged {youngest}–{oldest}",
            sex=SEX_WORDS[sex],
            youngest=20 + 10 * decade,
            oldest=29 + 10 * decade,
        ),
        value=_DECADE_MEANS[sex][decade],
    )


def target() -> Reference:
    return Reference(
        label="expert target",
        evidence_id=TARGET,
        description=Phrase("60 s per side"),
        value=TARGET_S,
    )


def side_plank_band(seconds: float, norm: Reference | None) -> str:
    if seconds >= TARGET_S:
        return "meets_target"
    if norm is None:
        return "below_target"
    return "below_norm" if seconds < norm.value else "at_or_above_norm"


def side_plank_test(result: BilateralTest, *, age: float, sex: Sex) -> TestScore:
    check_test(result.test, "side_plank")
    norm = side_plank_norm(age=age, sex=sex)
    sym = symmetry(result.left, result.right, result.involved)
    flags = [
        f"{side}_below_norm"
        for side in ("left", "right")
        if norm is not None and getattr(result, side) < norm.value
    ]
    if sym.flagged:
        flags.append("lsi_below_90")
    references = (target(),) if norm is None else (norm, target())
    return TestScore(
        test="side_plank",
        protocol_version=result.protocol_version,
        unit="s",
        left=result.left,
        right=result.right,
        left_band=side_plank_band(result.left, norm),
        right_band=side_plank_band(result.right, norm),
        references=references,
        symmetry=sym,
        flags=tuple(flags),
        citations=(NORM, TARGET, LSI_FORMULA, LSI_THRESHOLD),
        notes=() if norm else (NO_NORM_NOTE,),
    )
