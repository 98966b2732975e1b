"""The shape of one exercise in the library and its default dosage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from tagalong.wording import Phrase

Category = Literal["calf", "hip_glute_hamstring", "mobility", "rolling", "drill"]
Equipment = Literal[
    "none", "step", "wall", "weights", "machine", "foam_roller", "box", "band", "metronome"
]

CATEGORIES: tuple[str, ...] = get_args(Category)
EQUIPMENT: tuple[str, ...] = get_args(Equipment)
EQUIPMENT_WORDS: dict[str, Phrase] = {
    "none": Phrase("none"),
    "step": Phrase("step"),
    "wall": Phrase("wall"),
    "weights": Phrase("weights"),
    "machine": Phrase("machine"),
    "foam_roller": Phrase("foam roller"),
    "box": Phrase("box"),
    "band": Phrase("band"),
    "metronome": Phrase("metronome"),
}


def equipment_words(equipment: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The equipment as a reader sees it (an unknown code as it is)."""
    return tuple(EQUIPMENT_WORDS.get(code, code) for code in equipment)


# Positions on the calf progression ladder (evidence "rehab.progression_ladder").
LADDER_LEVELS: dict[int, Phrase] = {
    1: Phrase("isometric holds"),
    2: Phrase("double-leg raises"),
    3: Phrase("single-leg raises"),
    4: Phrase("single-leg raises off a step, full range"),
    5: Phrase("weighted straight- and bent-knee raises (heavy slow resistance)"),
    6: Phrase("heavy seated soleus raises"),
    7: Phrase("eccentric emphasis"),
    8: Phrase("pogos"),
    9: Phrase("hops"),
    10: Phrase("walk-run"),
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

    def summary(self) -> Phrase:
        """Coach-readable one-liner, e.g. ``3 x 15, 3 s up / 3 s down, 3 sessions a week``."""
        amount: int | Phrase
        if self.reps is not None:
            amount = self.reps
        elif self.hold_s is not None:
            amount = Phrase("{seconds} s", seconds=self.hold_s)
        else:
            amount = Phrase("as set by the plan")
        details = tuple(p for p in (self.tempo, self.load, self.frequency) if p)
        return Phrase(
            "{sets} x {amount}, {details}", sets=self.sets, amount=amount, details=details
        )


@dataclass(frozen=True, slots=True)
class Exercise:
    slug: str
    name: Phrase
    category: Category
    muscles: tuple[Phrase, ...]
    equipment: tuple[Equipment, ...]
    cues: tuple[Phrase, ...]
    common_mistakes: tuple[Phrase, ...]
    dosage: Dosage
    citations: tuple[str, ...]
    description: Phrase
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
