"""How a completed session compares with its plan, in neutral words.

Bands follow TrainingPeaks (coaching.compliance.trainingpeaks) on the ratio completed ÷ planned:
0.80–1.20 as planned; 0.50–0.80 or 1.20–1.50 partly; below 0.50 or above 1.50 off plan; nothing
done is missed. Words and tones describe, never judge (coaching.compliance.never_shame): there is
no red, no "failed", and a longer session is "more than planned", not a fault.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ComplianceStatus = Literal["as_planned", "partly", "off_plan", "missed"]
ComplianceTone = Literal["matched", "partial", "different", "not_done"]
ComplianceBasis = Literal["duration", "distance"]

AS_PLANNED = (0.80, 1.20)
PARTLY = (0.50, 1.50)
# Ratios are rounded before banding so 48 min of a planned 40 (1.2 exactly) is as planned.
_RATIO_DECIMALS = 9

_TONE: dict[ComplianceStatus, ComplianceTone] = {
    "as_planned": "matched",
    "partly": "partial",
    "off_plan": "different",
    "missed": "not_done",
}


@dataclass(frozen=True, slots=True)
class Compliance:
    status: ComplianceStatus
    ratio: float | None  # completed ÷ planned; None when missed
    words: str
    tone: ComplianceTone
    basis: ComplianceBasis
    evidence_ids: tuple[str, ...] = (
        "coaching.compliance.trainingpeaks",
        "coaching.compliance.never_shame",
    )


def compliance(
    *, planned: float, completed: float | None, basis: ComplianceBasis = "duration"
) -> Compliance:
    """Compare ``completed`` with ``planned`` (same unit: seconds or metres); None = not done."""
    if not planned > 0:
        raise ValueError(f"planned {basis} must be > 0, got {planned}")
    if completed is not None and completed < 0:
        raise ValueError(f"completed {basis} must be >= 0, got {completed}")
    if not completed:
        return Compliance("missed", None, "Not done", _TONE["missed"], basis)
    ratio = round(completed / planned, _RATIO_DECIMALS)
    status = _status(ratio)
    return Compliance(status, ratio, _words(status, ratio, basis), _TONE[status], basis)


def _status(ratio: float) -> ComplianceStatus:
    if AS_PLANNED[0] <= ratio <= AS_PLANNED[1]:
        return "as_planned"
    if PARTLY[0] <= ratio <= PARTLY[1]:
        return "partly"
    return "off_plan"


def _words(status: ComplianceStatus, ratio: float, basis: ComplianceBasis) -> str:
    share = f"{ratio * 100:.0f} % of the planned {basis}"
    if status == "as_planned":
        return f"Done as planned ({share})"
    direction = "shorter" if ratio < 1 else "longer"
    if status == "partly":
        return f"Done, {direction} than planned ({share})"
    return f"Done, much {direction} than planned ({share})"
