"""Retest comparison: is a change bigger than the test's measurement error?"""

from __future__ import annotations

from tagalong.assessment import hret, knee_to_wall
from tagalong.assessment.errors import AssessmentError
from tagalong.assessment.model import BilateralTest, RetestComparison, SideChange, TestName
from tagalong.wording import Phrase

# Only tests with a published measurement error; the others report exceeds_error=None.
_MEASUREMENT_ERROR: dict[TestName, tuple[float, str]] = {
    "heel_raise": (hret.RETEST_CHANGE_REPS, hret.RETEST_ERROR),
    "knee_to_wall": (knee_to_wall.RETEST_CHANGE_CM, knee_to_wall.RETEST_ERROR),
}


def compare_retest(previous: BilateralTest, current: BilateralTest) -> RetestComparison:
    """Per-side change, and whether it reaches the test's measurement error (≥ is real)."""
    if previous.test != current.test:
        raise AssessmentError(
            "current.test",
            Phrase(
                "cannot compare {current} with {previous}",
                current=repr(current.test),
                previous=repr(previous.test),
            ),
        )
    error, evidence_id = _MEASUREMENT_ERROR.get(current.test, (None, None))
    changes = tuple(
        SideChange(
            side=side,
            previous=getattr(previous, side),
            current=getattr(current, side),
            change=getattr(current, side) - getattr(previous, side),
            exceeds_error=(
                None
                if error is None
                else abs(getattr(current, side) - getattr(previous, side)) >= error
            ),
        )
        for side in ("left", "right")
    )
    comparable = previous.protocol_version == current.protocol_version
    notes = (
        ()
        if comparable
        else (Phrase("protocol changed between tests: the change is not comparable"),)
    )
    return RetestComparison(
        test=current.test,
        comparable=comparable,
        measurement_error=error,
        changes=changes,
        citations=(evidence_id,) if evidence_id else (),
        notes=notes,
    )
