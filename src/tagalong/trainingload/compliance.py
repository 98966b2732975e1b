"""How a completed session compares with its plan, in neutral words.

Bands follow TrainingPeaks (coaching.compliance.trainingpeaks) on the ratio completed ÷ planned:
0.80–1.20 as planned; 0.50–0.80 or 1.20–1.50 partly; below 0.50 or above 1.50 off plan; nothing
done is missed. Words and tones describe, never judge (coaching.compliance.never_shame): there is
no red, no "failed", and a longer session is "more than planned", not a fault.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from tagalong.wording import Phrase

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
    words: Phrase
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
        return Compliance("missed", None, Phrase("Not done"), _TONE["missed"], basis)
    ratio = round(completed / planned, _RATIO_DECIMALS)
    status = _status(ratio)
    return Compliance(status, ratio, _words(status, ratio, basis), _TONE[status], basis)


def _status(ratio: float) -> ComplianceStatus:
    if AS_PLANNED[0] <= ratio <= AS_PLANNED[1]:
        return "as_planned"
    if PARTLY[0] <= ratio <= PARTLY[1]:
        return "partly"
    return "off_plan"


def _words(status: ComplianceStatus, ratio: float, basis: ComplianceBasis) -> Phrase:
    direction: Direction = "shorter" if ratio < 1 else "longer"
    return _WORDS[status, direction if status != "as_planned" else "either", basis](ratio * 100)


Direction = Literal["shorter", "longer", "either"]
# One whole sentence per case, so a translator sees "shorter" and "duration" in context.
_WORDS: dict[tuple[ComplianceStatus, Direction, ComplianceBasis], Callable[[float], Phrase]] = {
    ("as_planned", "either", "duration"): lambda p: Phrase(
        "Done as planned ({percent:.0f} % of the planned duration)", percent=p
    ),
    ("as_planned", "either", "distance"): lambda p: Phrase(
        "Done as planned ({percent:.0f} % of the planned distance)", percent=p
    ),
    ("partly", "shorter", "duration"): lambda p: Phrase(
        "Done, shorter than planned ({percent:.0f} % of the planned duration)", percent=p
    ),
    ("partly", "shorter", "distance"): lambda p: Phrase(
        "Done, shorter than planned ({percent:.0f} % of the planned distance)", percent=p
    ),
    ("partly", "longer", "duration"): lambda p: Phrase(
        "Done, longer than planned ({percent:.0f} % of the planned duration)", percent=p
    ),
    ("partly", "longer", "distance"): lambda p: Phrase(
        "Done, longer than planned ({percent:.0f} % of the planned distance)", percent=p
    ),
    ("off_plan", "shorter", "duration"): lambda p: Phrase(
        "Done, much shorter than planned ({percent:.0f} % of the planned duration)", percent=p
    ),
    ("off_plan", "shorter", "distance"): lambda p: Phrase(
        "Done, much shorter than planned ({percent:.0f} % of the planned distance)", percent=p
    ),
    ("off_plan", "longer", "duration"): lambda p: Phrase(
        "Done, much longer than planned ({percent:.0f} % of the planned duration)", percent=p
    ),
    ("off_plan", "longer", "distance"): lambda p: Phrase(
        "Done, much longer than planned ({percent:.0f} % of the planned distance)", percent=p
    ),
}
