"""Red flags that stop the check: possible blood clot or heart/lung problem."""

from __future__ import annotations

RED_FLAGS = "circulation.red_flags.urgent_care"
TRAVEL = "circulation.travel_risk.cdc"

RED_FLAG_LABELS: dict[str, str] = {
    "one_sided_calf_swelling": "swelling of one calf",
    "one_sided_calf_pain": "pain in one calf that is not from training",
    "calf_warmth_or_redness": "a warm or red calf",
    "breathlessness": "breathlessness",
    "chest_pain": "chest pain",
    # Context that turns calf symptoms into a possible clot: over 4 h of travel, recent surgery.
    "recent_long_travel": "calf symptoms after more than 4 hours of travel",
    "recent_surgery": "calf symptoms after recent surgery",
}

DISCLAIMER = (
    "Training advice, not medical advice. It does not diagnose; see a clinician if pain is "
    "severe, sudden or getting worse."
)


def urgent_message(flags: tuple[str, ...]) -> str:
    labels = ", ".join(RED_FLAG_LABELS.get(flag, flag) for flag in flags)
    return (
        f"Stop running and seek urgent medical care now: {labels}. These can be signs of a blood "
        "clot (deep vein thrombosis) or a heart or lung problem. The calf check is withheld until "
        "a clinician has seen you."
    )
