"""The shape of one exercise in the library and its default dosage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

Category = Literal["calf", "hip_glute_hamstring", "mobility", "rolling", "drill"]
Equipment = Literal[
    "none", "step", "wall", "weights", "machine", "foam_roller", "box", "band", "metronome"
]

CATEGORIES: tuple[str, ...] = get_args(Category)
EQUIPMENT: tuple[str, ...] = get_args(Equipment)

# Positions on the calf progression ladder (evidence "rehab.progression_ladder").
LADDER_LEVELS: dict[int, str] = {
    1: "isometric holds",
    2: "double-leg raises",
    3: "single-leg raises",
    4: "single-leg raises off a step, full range",
    5: "weighted straight- and bent-knee raises (heavy slow resistance)",
    6: "heavy seated soleus raises",
    7: "eccentric emphasis",
    8: "pogos",
    9: "hops",
    10: "walk-run",
}


class InvalidExercise(ValueError):
    """An exercise definition breaks the library's contract."""


@dataclass(frozen=True, slots=True)
class Dosage:
    """A default prescription; the plan generator may scale it.

    ``reps`` and ``hold_s`` are per set; one of them is set for anything counted or timed.
    """

    sets: int
    reps: int | None
    hold_s: int | None
    tempo: str | None
    load: str | None
    frequency: str

    def __post_init__(self) -> None:
        if self.sets < 1:
            raise InvalidExercise(f"dosage.sets must be at least 1, got {self.sets}")
        if self.reps is not None and self.reps < 1:
            raise InvalidExercise(f"dosage.reps must be at least 1 or None, got {self.reps}")
        if self.hold_s is not None and self.hold_s < 1:
            raise InvalidExercise(f"dosage.hold_s must be at least 1 or None, got {self.hold_s}")
        if not self.frequency.strip():
            raise InvalidExercise("dosage.frequency must not be empty")

    def summary(self) -> str:
        """Coach-readable one-liner, e.g. ``3 x 15, 3 s up / 3 s down, 3 sessions a week``."""
        amount = f"{self.reps}" if self.reps is not None else f"{self.hold_s} s"
        if self.reps is None and self.hold_s is None:
            amount = "as set by the plan"
        parts = [f"{self.sets} x {amount}"]
        parts += [p for p in (self.tempo, self.load) if p]
        parts.append(self.frequency)
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Exercise:
    slug: str
    name: str
    category: Category
    muscles: tuple[str, ...]
    equipment: tuple[Equipment, ...]
    cues: tuple[str, ...]
    common_mistakes: tuple[str, ...]
    dosage: Dosage
    citations: tuple[str, ...]
    description: str
    regression: str | None = None
    progression: str | None = None
    ladder_level: int | None = None

    def __post_init__(self) -> None:
        where = f"exercise {self.slug!r}"
        if not self.slug or self.slug != self.slug.lower() or " " in self.slug:
            raise InvalidExercise(f"{where}: slug must be lowercase with hyphens, no spaces")
        if self.category not in CATEGORIES:
            raise InvalidExercise(f"{where}: unknown category {self.category!r}")
        unknown = [e for e in self.equipment if e not in EQUIPMENT]
        if unknown or not self.equipment:
            raise InvalidExercise(f"{where}: equipment must be from {EQUIPMENT}, got {unknown}")
        if self.ladder_level is not None and self.ladder_level not in LADDER_LEVELS:
            raise InvalidExercise(f"{where}: ladder_level must be 1-10, got {self.ladder_level}")
        if self.ladder_level is not None and self.category != "calf":
            raise InvalidExercise(f"{where}: only calf exercises sit on the calf ladder")
        if self.slug in (self.regression, self.progression):
            raise InvalidExercise(f"{where}: cannot regress or progress to itself")
        for field, values in (("muscles", self.muscles), ("cues", self.cues)):
            if not values:
                raise InvalidExercise(f"{where}: {field} must not be empty")
        if not self.citations:
            raise InvalidExercise(f"{where}: at least one evidence id is required")
