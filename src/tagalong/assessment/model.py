"""Typed inputs and outputs of the home tests."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from tagalong.assessment.errors import AssessmentError
from tagalong.wording import Phrase

Side = Literal["left", "right"]
Sex = Literal["female", "male"]
TestName = Literal[
    "heel_raise",
    "knee_to_wall",
    "single_leg_bridge",
    "side_plank",
    "single_leg_squat",
    "seated_soleus",
    "hop",
]
SquatRating = Literal["good", "fair", "poor"]

# Plausible raw ranges per test: outside them the number is a typo, not a result.
RAW_RANGE: dict[TestName, tuple[float, float, str]] = {
    "heel_raise": (0, 200, "reps"),
    "knee_to_wall": (0, 30, "cm"),
    "single_leg_bridge": (0, 200, "reps"),
    "side_plank": (0, 600, "s"),
    "single_leg_squat": (0, 5, "rating"),
    "seated_soleus": (0, 500, "kg"),
    "hop": (0, 400, "cm"),
}


@dataclass(frozen=True, slots=True)
class BilateralTest:
    """One home test's left/right raw values, in the unit of ``RAW_RANGE``.

    ``protocol_version`` travels with the numbers because a changed incline, metronome or knee
    angle changes the result; ``involved`` marks the injured or symptomatic side, if any.
    """

    test: TestName
    left: float
    right: float
    protocol_version: str = "1"
    involved: Side | None = None

    def __post_init__(self) -> None:
        low, high, unit = RAW_RANGE[self.test]
        for side in ("left", "right"):
            value = getattr(self, side)
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise AssessmentError(
                    f"{self.test}.{side}", Phrase("must be a number of {unit}", unit=unit)
                )
            if math.isnan(value) or not low <= value <= high:
                raise AssessmentError(
                    f"{self.test}.{side}",
                    Phrase(
                        "{value} {unit} is outside {low:g}–{high:g} {unit}",
                        value=value,
                        unit=unit,
                        low=low,
                        high=high,
                    ),
                )
        if self.involved not in (None, "left", "right"):
            raise AssessmentError(
                f"{self.test}.involved", Phrase("must be 'left', 'right' or empty")
            )
        if not self.protocol_version:
            raise AssessmentError(f"{self.test}.protocol_version", Phrase("must not be empty"))


@dataclass(frozen=True, slots=True)
class Reference:
    """What a value was judged against, labelled "norm" or "expert target"."""

    label: Literal["norm", "expert target"]
    evidence_id: str
    description: str
    value: float
    lower_limit: float | None = None


@dataclass(frozen=True, slots=True)
class Symmetry:
    lsi_pct: float | None  # None when the stronger side scored zero
    involved: Side | None  # None: weaker ÷ stronger was used
    flagged: bool  # LSI below 90 %


@dataclass(frozen=True, slots=True)
class TestScore:
    test: TestName
    protocol_version: str
    unit: str
    left: float
    right: float
    left_band: str | None
    right_band: str | None
    references: tuple[Reference, ...]
    symmetry: Symmetry | None
    flags: tuple[str, ...]
    citations: tuple[str, ...]
    notes: tuple[str, ...] = ()

    @property
    def weaker(self) -> float:
        return min(self.left, self.right)


@dataclass(frozen=True, slots=True)
class SideChange:
    side: Side
    previous: float
    current: float
    change: float
    exceeds_error: bool | None  # None: no published measurement error for this test


@dataclass(frozen=True, slots=True)
class RetestComparison:
    test: TestName
    comparable: bool  # False when the protocol version changed between the two tests
    measurement_error: float | None
    changes: tuple[SideChange, ...]
    citations: tuple[str, ...]
    notes: tuple[str, ...] = ()
