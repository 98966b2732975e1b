"""The home tests' result bands and reference labels in a runner's words.

Scores keep their band keys and "norm" / "expert target" labels as codes; pages name them here.
"""

from __future__ import annotations

from tagalong.assessment.model import Sex
from tagalong.wording import Phrase

SEX_WORDS: dict[Sex, Phrase] = {"female": Phrase("female"), "male": Phrase("male")}

REFERENCE_LABELS: dict[str, Phrase] = {
    "norm": Phrase("norm"),
    "expert target": Phrase("expert target"),
}

BAND_WORDS: dict[str, Phrase] = {
    "below_lower_limit": Phrase("below the usual range for your age"),
    "below_median": Phrase("below average for your age"),
    "at_or_above_median": Phrase("average or better for your age"),
    "below_norm": Phrase("below the norm"),
    "at_or_above_norm": Phrase("at or above the norm"),
    "below_target": Phrase("below the target"),
    "meets_target": Phrase("meets the target"),
    "above_target": Phrase("above the target"),
    "restricted": Phrase("restricted"),
    "typical": Phrase("typical"),
    "poor": Phrase("poor"),
    "average": Phrase("average"),
    "good": Phrase("good"),
    "fair": Phrase("fair"),
    "low": Phrase("low"),
    "developing": Phrase("developing"),
    "target": Phrase("on target"),
}


def reference_label(label: str) -> str:
    return REFERENCE_LABELS.get(label, label)


def band_words(band: str | None) -> str:
    """A band key in words; a key this version does not know reads as its words."""
    return BAND_WORDS.get(band or "", (band or "").replace("_", " "))
