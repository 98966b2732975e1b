"""Knee-to-wall (weight-bearing lunge) test, in cm from the wall."""

from __future__ import annotations

from tagalong.assessment.athlete import check_test
from tagalong.assessment.model import BilateralTest, Reference, TestScore
from tagalong.assessment.symmetry import LSI_FORMULA
from tagalong.wording import Phrase

NORM = "ktw.norm.hoch_mckeon_2011"
FLAG = "ktw.flag.expert_target"
DEGREES = "ktw.degrees_per_cm.bennell_1998"
RETEST_ERROR = "ktw.retest_error.powden_2015"

NORM_MEAN_CM = 12.0  # NORM
NORM_SD_CM = 2.8  # NORM
FLAG_BELOW_CM = 10.0  # FLAG
ASYMMETRY_FLAG_CM = 2.0  # FLAG
RETEST_CHANGE_CM = 2.0  # RETEST_ERROR: MDC 1.6–1.9 cm
DEGREES_PER_CM = 3.6  # DEGREES


def dorsiflexion_degrees(distance_cm: float) -> float:
    return distance_cm * DEGREES_PER_CM


def knee_to_wall_band(distance_cm: float) -> str:
    return "restricted" if distance_cm < FLAG_BELOW_CM else "typical"


def knee_to_wall_test(result: BilateralTest) -> TestScore:
    check_test(result.test, "knee_to_wall")
    flags = [
        f"{side}_below_10_cm" for side in ("left", "right") if getattr(result, side) < FLAG_BELOW_CM
    ]
    asymmetry = abs(result.left - result.right)
    if asymmetry > ASYMMETRY_FLAG_CM:
        flags.append("asymmetry_above_2_cm")
    return TestScore(
        test="knee_to_wall",
        protocol_version=result.protocol_version,
        unit="cm",
        left=result.left,
        right=result.right,
        left_band=knee_to_wall_band(result.left),
        right_band=knee_to_wall_band(result.right),
        references=(
            Reference(
                label="norm",
                evidence_id=NORM,
                description=Phrase(
                    "healthy adults {mean:.1f} ± {sd:.1f} cm", mean=NORM_MEAN_CM, sd=NORM_SD_CM
                ),
                value=NORM_MEAN_CM,
            ),
            Reference(
                label="expert target",
                evidence_id=FLAG,
                description=Phrase("flag below 10 cm or an asymmetry above 2 cm"),
                value=FLAG_BELOW_CM,
            ),
        ),
        # Healthy people are not symmetric in range, so the LSI is informative, not a flag here.
        symmetry=None,
        flags=tuple(flags),
        citations=(NORM, FLAG, DEGREES, LSI_FORMULA),
        notes=(
            Phrase(
                "left ≈ {left:.0f}°, right ≈ {right:.0f}° of dorsiflexion",
                left=dorsiflexion_degrees(result.left),
                right=dorsiflexion_degrees(result.right),
            ),
        ),
    )
