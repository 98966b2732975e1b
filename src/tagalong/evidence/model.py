"""The shape of one piece of evidence behind a rule, threshold or dosage."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Strength(StrEnum):
    """How firmly the statement was checked (the tags of shared/science.md)."""

    VERIFIED = "verified"  # [V] checked against the source text or abstract
    SECONDARY = "secondary"  # [S] practice convention from a secondary source
    RECALLED = "recalled"  # [M] recalled, not re-checked: shown as such in the product


@dataclass(frozen=True, slots=True)
class Evidence:
    id: str
    statement: str
    source: str
    strength: Strength
    expert_target: bool = False  # a practice target, not a validated norm

    @property
    def label(self) -> str:
        return "expert target" if self.expert_target else "norm"
