"""The shape of one piece of evidence behind a rule, threshold or dosage."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tagalong.wording import Phrase


class Strength(StrEnum):
    """How firmly the statement was checked (the tags of shared/science.md)."""

    VERIFIED = "verified"  # [V] checked against the source text or abstract
    SECONDARY = "secondary"  # [S] practice convention from a secondary source
    RECALLED = "recalled"  # [M] recalled, not re-checked: shown as such in the product

    @property
    def words(self) -> Phrase:
        """The strength as a reader sees it beside a source."""
        return _STRENGTH_WORDS[self]


_STRENGTH_WORDS = {
    Strength.VERIFIED: Phrase("verified"),
    Strength.SECONDARY: Phrase("secondary"),
    Strength.RECALLED: Phrase("recalled"),
}


@dataclass(frozen=True, slots=True)
class Evidence:
    id: str
    statement: Phrase  # what the rule says, in a reader's words (the source is not translated)
    source: str
    strength: Strength
    expert_target: bool = False  # a practice target, not a validated norm

    @property
    def label(self) -> Phrase:
        return Phrase("expert target") if self.expert_target else Phrase("norm")
