"""Limb symmetry index (Silbernagel 2010) and its 90 % flag."""

from __future__ import annotations

from tagalong.assessment.model import Side, Symmetry

LSI_FORMULA = "lsi.formula.silbernagel_2010"
LSI_THRESHOLD = "lsi.threshold_90.expert_target"
LSI_FLAG_BELOW_PCT = 90.0  # LSI_THRESHOLD


def limb_symmetry_index(left: float, right: float, involved: Side | None = None) -> float | None:
    """Involved ÷ uninvolved × 100, or weaker ÷ stronger × 100 when no side is involved.

    Returns None when the denominator is zero (the index is undefined).
    """
    if involved == "left":
        numerator, denominator = left, right
    elif involved == "right":
        numerator, denominator = right, left
    else:
        numerator, denominator = min(left, right), max(left, right)
    if denominator == 0:
        return None
    # Rounded so an exact 90 % is not flagged because of float error.
    return round(numerator / denominator * 100, 9)


def symmetry(left: float, right: float, involved: Side | None = None) -> Symmetry:
    lsi = limb_symmetry_index(left, right, involved)
    return Symmetry(
        lsi_pct=lsi,
        involved=involved,
        flagged=lsi is not None and lsi < LSI_FLAG_BELOW_PCT,
    )
