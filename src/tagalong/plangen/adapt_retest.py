"""The better-retest rule: a real heel-raise gain steps calf strength one ladder step forward.

Evidence: rehab.progression.retest_step, hret.retest_error.hebert_losier_2017 (7 reps is a
real change), lsi.threshold_90.expert_target (symmetry of 90 % or more),
rehab.progression_ladder. Only for a fresh retest (the last 14 days) with calf pain that
stayed safe, and never past the step the retest supports.
"""

from __future__ import annotations

import datetime as dt

from tagalong.assessment.hret import RETEST_CHANGE_REPS
from tagalong.plangen import ladder, pain
from tagalong.plangen.adapt_model import AthleteData, Context, PlanView, Proposal
from tagalong.plangen.adapt_shared import calf, fits_day, ladder_change, upcoming
from tagalong.plangen.model import Reason, Tests
from tagalong.wording import Phrase

RETEST_RECENT_DAYS = 14  # rehab.progression.retest_step
RETEST_LSI_MIN = 90.0  # lsi.threshold_90.expert_target
RETEST_EVIDENCE = (
    "rehab.progression.retest_step",
    "hret.retest_error.hebert_losier_2017",
    "lsi.threshold_90.expert_target",
    "rehab.progression_ladder",
)


def propose(view: PlanView, data: AthleteData, ctx: Context) -> Proposal | None:
    tests = sorted(data.heel_raise, key=lambda t: t.day)
    if len(tests) < 2:
        return None
    previous, latest = tests[-2], tests[-1]
    fresh = ctx.today - dt.timedelta(days=RETEST_RECENT_DAYS) < latest.day <= ctx.today
    gain = latest.reps.weaker - previous.reps.weaker
    if not fresh or gain < RETEST_CHANGE_REPS or latest.reps.symmetry_index < RETEST_LSI_MIN:
        return None
    if not pain.stayed_safe(data.pain, ctx.today):
        return None
    placed = ladder.placement(Tests(heel_raise_reps=latest.reps), returning=False)
    supported = ladder.TOP_LEVEL if placed >= ladder.TOP_PLACEMENT else placed
    why = Reason(
        Phrase(
            "Heel-raise retest on {day:%a %-d %b}: weaker side {before:.0f} → {after:.0f} reps "
            "(a real change is 7 or more), symmetry {symmetry:.0f} %, calf pain at or below 3/10 "
            "this week.",
            day=latest.day,
            before=previous.reps.weaker,
            after=latest.reps.weaker,
            symmetry=latest.reps.symmetry_index,
        ),
        RETEST_EVIDENCE,
    )
    changes = []
    for slot in calf(upcoming(view, ctx)):
        level = slot.session.ladder_level or ladder.FIRST_STEP
        target = min(level + 1, max(level, supported))
        if target > level and fits_day(view, slot, target, ctx):
            changes.append(ladder_change(slot, "ladder_up", target, why))
    return Proposal(
        trigger="retest",
        key=f"retest:{latest.day}",
        summary=Phrase("Better retest: calf strength one ladder step forward."),
        reasons=(why,),
        changes=tuple(changes),
    )
