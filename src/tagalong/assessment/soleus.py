"""Optional seated isometric soleus test: peak force in kg, judged as × body weight."""

from __future__ import annotations

from tagalong.assessment.athlete import check_test
from tagalong.assessment.errors import AssessmentError
from tagalong.assessment.model import BilateralTest, Reference, TestScore
from tagalong.assessment.symmetry import LSI_FORMULA, LSI_THRESHOLD, symmetry
from tagalong.wording import Phrase

PROTOCOL = "soleus.protocol.lee_2023"
BANDS = "soleus.bands.expert_target"

LOW_BELOW_BW = 1.5  # BANDS
TARGET_FROM_BW = 1.7  # BANDS
TARGET_TO_BW = 2.0  # BANDS


def soleus_band(times_body_weight: float) -> str:
    if times_body_weight < LOW_BELOW_BW:
        return "low"
    if times_body_weight < TARGET_FROM_BW:
        return "developing"
    return "target" if times_body_weight <= TARGET_TO_BW else "above_target"


def times_body_weight(kg: float, *, body_mass_kg: float) -> float:
    """Peak force as a multiple of body weight: kg ÷ body mass (both in kg)."""
    if isinstance(body_mass_kg, bool) or not 20 <= body_mass_kg <= 250:
        raise AssessmentError(
            "body_mass_kg", Phrase("{mass} is outside 20–250 kg", mass=repr(body_mass_kg))
        )
    return kg / body_mass_kg


def seated_soleus_test(result: BilateralTest, *, body_mass_kg: float) -> TestScore:
    """Left/right are in kg; the score's values are × body weight."""
    check_test(result.test, "seated_soleus")
    left = times_body_weight(result.left, body_mass_kg=body_mass_kg)
    right = times_body_weight(result.right, body_mass_kg=body_mass_kg)
    sym = symmetry(result.left, result.right, result.involved)
    flags = [f"{side}_low" for side, bw in (("left", left), ("right", right)) if bw < LOW_BELOW_BW]
    if sym.flagged:
        flags.append("lsi_below_90")
    return TestScore(
        test="seated_soleus",
        protocol_version=result.protocol_version,
        unit="x body weight",
        left=round(left, 3),
        right=round(right, 3),
        left_band=soleus_band(left),
        right_band=soleus_band(right),
        references=(
            Reference(
                label="expert target",
                evidence_id=BANDS,
                description=Phrase(
                    "1.7–2.0 × body weight for endurance runners; 1.5–1.7 developing, below 1.5 low"
                ),
                value=TARGET_FROM_BW,
                lower_limit=LOW_BELOW_BW,
            ),
        ),
        symmetry=sym,
        flags=tuple(flags),
        citations=(PROTOCOL, BANDS, LSI_FORMULA, LSI_THRESHOLD),
        notes=(
            Phrase(
                "{left:g} kg / {right:g} kg (left/right) ÷ {mass:g} kg body mass",
                left=result.left,
                right=result.right,
                mass=body_mass_kg,
            ),
        ),
    )
