"""Phases and lighter weeks: base, build, peak, taper, with a lighter week every fourth.

With a race the last two 7-day blocks taper (one when the plan is under six weeks,
periodisation.taper.bosquet_2007). The weeks before it split about 40 % base (easy volume,
strides and hills), 35 % build (threshold and intervals) and 25 % peak (race-specific work);
without a race the first half is base and the rest build. Every fourth running week is
lighter, at 75 % of the week before (periodisation.deload.convention; Higdon's novice
programmes step back every third week, periodisation.novice_marathon.higdon).
"""

from __future__ import annotations

from tagalong.plangen.limits import SHORT_PLAN_WEEKS
from tagalong.plangen.model import Phase, Reason
from tagalong.wording import Phrase

LIGHTER_EVERY = 4
LIGHTER_FACTOR = 0.75
BASE_SHARE = 0.40
BUILD_SHARE = 0.75  # base + build

PHASE_WHY: dict[str, Reason] = {
    "base": Reason(
        Phrase(
            "Base: easy running grows, the long run lengthens, strides and hills build economy."
        ),
        ("periodisation.plan.phases", "periodisation.intensity.seiler"),
    ),
    "build": Reason(
        Phrase("Build: threshold and interval sessions join the easy running."),
        ("periodisation.plan.phases", "periodisation.session_caps.daniels"),
    ),
    "peak": Reason(
        Phrase("Peak: race-specific sessions and the longest long runs."),
        ("periodisation.plan.phases", "periodisation.session_caps.daniels"),
    ),
    "taper": Reason(
        Phrase("Taper: volume falls by about half while the sessions keep their speed."),
        ("periodisation.taper.bosquet_2007",),
    ),
    "recovery": Reason(
        Phrase("Lighter week: about three quarters of last week so the body absorbs the work."),
        ("periodisation.deload.convention",),
    ),
    "return": Reason(
        Phrase("Return to running: walk–run and strength under the return criteria."),
        ("periodisation.couch_to_5k.nhs", "rehab.return_to_run.green_2022"),
    ),
}


def taper_weeks(blocks: int, has_race: bool) -> int:
    if not has_race:
        return 0
    return 1 if blocks < SHORT_PLAN_WEEKS else 2


def loading_phase(k: int, blocks: int, has_race: bool) -> Phase:
    """The phase of loading week ``k`` (lighter weeks and the taper are decided elsewhere)."""
    before_taper = blocks - taper_weeks(blocks, has_race)
    if k >= before_taper:
        return "taper"
    if not has_race:
        return "base" if k < blocks // 2 else "build"
    if k < round(BASE_SHARE * before_taper):
        return "base"
    if k < round(BUILD_SHARE * before_taper) or before_taper < 3:
        return "build"
    return "peak"


def is_lighter(running_weeks: int) -> bool:
    """``running_weeks`` counts weeks with running so far, this one included."""
    return running_weeks > 0 and running_weeks % LIGHTER_EVERY == 0
