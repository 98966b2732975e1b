"""Optional single-leg hop for distance: judged on symmetry only (no norm)."""

from __future__ import annotations

from tagalong.assessment.athlete import check_test
from tagalong.assessment.model import BilateralTest, Reference, TestScore
from tagalong.assessment.symmetry import LSI_FORMULA, LSI_THRESHOLD, symmetry
from tagalong.wording import Phrase

HOP_TARGET = "hop.lsi.expert_target"


def hop_test(result: BilateralTest) -> TestScore:
    check_test(result.test, "hop")
    sym = symmetry(result.left, result.right, result.involved)
    return TestScore(
        test="hop",
        protocol_version=result.protocol_version,
        unit="cm",
        left=result.left,
        right=result.right,
        left_band=None,
        right_band=None,
        references=(
            Reference(
                label="expert target",
                evidence_id=HOP_TARGET,
                description=Phrase("hop distance within 10 % side to side before speed work"),
                value=90.0,
            ),
        ),
        symmetry=sym,
        flags=("lsi_below_90",) if sym.flagged else (),
        citations=(HOP_TARGET, LSI_FORMULA, LSI_THRESHOLD),
    )
