"""Single-leg hamstring bridge (Freckleton 2014), reps to failure."""

from __future__ import annotations

from tagalong.assessment.athlete import check_test
from tagalong.assessment.model import BilateralTest, Reference, TestScore
from tagalong.assessment.symmetry import LSI_FORMULA, LSI_THRESHOLD, symmetry
from tagalong.wording import Phrase

PROTOCOL = "bridge.protocol.freckleton_2014"
BANDS = "bridge.bands.expert_target"

POOR_BELOW_REPS = 20.0  # BANDS
AVERAGE_REPS = 25.0  # BANDS
GOOD_ABOVE_REPS = 30.0  # BANDS


def bridge_band(reps: float) -> str:
    if reps < POOR_BELOW_REPS:
        return "poor"
    if reps > GOOD_ABOVE_REPS:
        return "good"
    return "average"


def single_leg_bridge_test(result: BilateralTest) -> TestScore:
    """A side difference above 10 % is the same as an LSI (weaker ÷ stronger) below 90 %."""
    check_test(result.test, "single_leg_bridge")
    sym = symmetry(result.left, result.right, result.involved)
    flags = [f"{side}_poor" for side in ("left", "right") if getattr(result, side) < 20]
    if sym.flagged:
        flags.append("side_difference_above_10_pct")
    return TestScore(
        test="single_leg_bridge",
        protocol_version=result.protocol_version,
        unit="reps",
        left=result.left,
        right=result.right,
        left_band=bridge_band(result.left),
        right_band=bridge_band(result.right),
        references=(
            Reference(
                label="expert target",
                evidence_id=BANDS,
                description=Phrase("< 20 poor, about 25 average, > 30 good"),
                value=AVERAGE_REPS,
                lower_limit=POOR_BELOW_REPS,
            ),
        ),
        symmetry=sym,
        flags=tuple(flags),
        citations=(PROTOCOL, BANDS, LSI_FORMULA, LSI_THRESHOLD),
    )
