"""The calf check's causes and verdicts in a runner's words (results store only the codes).

Keyed by the codes of ``model.Cause`` and ``model.Verdict``; a stored result may hold a code
from an older version, so lookups fall back to the code itself.
"""

from __future__ import annotations

from tagalong.calfcheck.model import FootStrike
from tagalong.wording import Phrase

CAUSE_TITLES: dict[str, Phrase] = {
    "capacity_vs_load": Phrase("Calves too weak for the load, or the load too much"),
    "hip_glute_hamstring": Phrase(
        "Weaker hips, glutes or hamstrings may leave the calves more work"
    ),
    "soft_tissue": Phrase("Tension that rolling or stretching eases"),
    "technique": Phrase("Technique: cadence and foot strike"),
    "shoes": Phrase("Shoes: mileage or a recent change"),
}

VERDICT_WORDS: dict[str, Phrase] = {
    "likely": Phrase("likely"),
    "possible": Phrase("possible"),
    "unlikely": Phrase("unlikely"),
    "unknown": Phrase("unknown"),
}

FOOT_STRIKE_WORDS: dict[FootStrike, Phrase] = {
    "forefoot": Phrase("forefoot"),
    "midfoot": Phrase("midfoot"),
    "rearfoot": Phrase("rearfoot"),
    "unknown": Phrase("unknown"),
}

# Units that are words; symbols (%, cm, km, s, /10) are written as they are in every language.
REPS = Phrase("reps")
SPM = Phrase("spm")
DAYS_IN_USE = Phrase("days in use")


def cause_title(cause: str) -> str:
    return CAUSE_TITLES.get(cause, cause.replace("_", " "))


def verdict_word(verdict: str) -> str:
    return VERDICT_WORDS.get(verdict, verdict)
