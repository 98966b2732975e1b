"""Red flags that stop the check: possible blood clot or heart/lung problem."""

from __future__ import annotations

from tagalong.wording import Phrase

RED_FLAGS = "circulation.red_flags.urgent_care"
TRAVEL = "circulation.travel_risk.cdc"

RED_FLAG_LABELS: dict[str, Phrase] = {
    "one_sided_calf_swelling": Phrase("swelling of one calf"),
    "one_sided_calf_pain": Phrase("pain in one calf that is not from training"),
    "calf_warmth_or_redness": Phrase("a warm or red calf"),
    "breathlessness": Phrase("breathlessness"),
    "chest_pain": Phrase("chest pain"),
    # Context that turns calf symptoms into a possible clot: over 4 h of travel, recent surgery.
    "recent_long_travel": Phrase("calf symptoms after more than 4 hours of travel"),
    "recent_surgery": Phrase("calf symptoms after recent surgery"),
}

DISCLAIMER = Phrase(
    "Training advice, not medical advice. It does not diagnose; see a clinician if pain is "
    "severe, sudden or getting worse."
)


def red_flag_labels(flags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The flags in words; an id this version does not know is shown as it was stored."""
    return tuple(RED_FLAG_LABELS.get(flag, flag) for flag in flags)


def urgent_message(flags: tuple[str, ...]) -> Phrase:
    return Phrase(
        "Stop running and seek urgent medical care now: {flags}. These can be signs of a blood "
        "clot (deep vein thrombosis) or a heart or lung problem. The calf check is withheld until "
        "a clinician has seen you.",
        flags=red_flag_labels(flags),
    )
