"""Plan adaptation: from the athlete's recent data, proposals of concrete changes with reasons.

``review`` reads the plan as stored (``PlanView``), the athlete's pain scores, recorded runs
and heel-raise tests, and asks each rule for its proposal, each with its evidence ids:

* pain (rehab.pain_monitoring.plan_adaptation): ``adapt_pain``;
* missed sessions (coaching.missed_sessions.no_stacking): ``adapt_missed``;
* load spike (load.single_run_spike.plan_response): ``adapt_spike``;
* better retest (rehab.progression.retest_step): ``adapt_retest``.

Pain wins: while the pain model asks to step back, missed sessions are let go and a better
retest does not step forward. Each proposal then gets the changes that keep the hard limits
(``adapt_apply.keep_limits``), merged to one change per session. ``THRESHOLDS`` lists every
number the rules use with the entry that states it. Pure: ``today`` comes in with the context.
"""

from __future__ import annotations

import dataclasses

from tagalong.assessment.hret import RETEST_CHANGE_REPS
from tagalong.plangen import (
    adapt_apply,
    adapt_change,
    adapt_missed,
    adapt_pain,
    adapt_retest,
    adapt_spike,
    limits,
    pain,
)
from tagalong.plangen.adapt_model import AthleteData, Change, Context, PlanView, Proposal
from tagalong.plangen.adapt_pain import CUT_DAYS, RUN_CUT
from tagalong.plangen.adapt_retest import RETEST_LSI_MIN, RETEST_RECENT_DAYS
from tagalong.plangen.adapt_shared import fingerprint
from tagalong.plangen.adapt_spike import SPIKE_HOLD_DAYS

__all__ = ["THRESHOLDS", "fingerprint", "review"]


# Every number the rules use, with the entry that states it (tests check the two agree).
THRESHOLDS: dict[str, tuple[float, str]] = {
    "pain too much above": (pain.ACCEPTABLE_MAX, "rehab.pain_monitoring.silbernagel_2007"),
    "pain safe up to": (pain.SAFE_MAX, "rehab.pain_monitoring.silbernagel_2007"),
    "pain window days": (pain.WINDOW_DAYS, "rehab.pain_monitoring.plan_adaptation"),
    "run cut %": (round((1 - RUN_CUT) * 100), "rehab.pain_monitoring.plan_adaptation"),
    "cut days": (CUT_DAYS, "rehab.pain_monitoring.plan_adaptation"),
    "spike ratio %": (round(limits.SPIKE_MAX_RATIO * 100), "load.single_run_spike.plan_response"),
    "spike window days": (limits.SPIKE_WINDOW_DAYS, "load.single_run_spike.plan_response"),
    "spike hold days": (SPIKE_HOLD_DAYS, "load.single_run_spike.plan_response"),
    "retest reps": (RETEST_CHANGE_REPS, "rehab.progression.retest_step"),
    "retest LSI %": (RETEST_LSI_MIN, "rehab.progression.retest_step"),
    "retest recent days": (RETEST_RECENT_DAYS, "rehab.progression.retest_step"),
}


def review(view: PlanView, data: AthleteData, ctx: Context) -> tuple[Proposal, ...]:
    """The proposals the data calls for, pain first; each with its limit-keeping changes."""
    in_pain = bool(pain.signals(data.pain, ctx.today))
    candidates = (
        adapt_pain.propose(view, data, ctx),
        None if in_pain else adapt_missed.propose(view, data, ctx),
        adapt_spike.propose(view, data, ctx),
        None if in_pain else adapt_retest.propose(view, data, ctx),
    )
    return tuple(_complete(view, p, ctx) for p in candidates if p is not None and p.changes)


def _complete(view: PlanView, proposal: Proposal, ctx: Context) -> Proposal:
    """The proposal with the changes that keep the limits, one change per session."""
    applied = adapt_apply.apply_changes(view, proposal.changes, ctx)
    before = {slot.ref: slot.session for slot in view.slots}
    after = {slot.ref: slot.session for slot in applied.view.slots}
    merged: dict[tuple[int, str], Change] = {}
    for change in applied.changes:
        key = (change.ref, change.kind)
        seen = merged.get(key)
        merged[key] = change if seen is None else _merge(seen, change)
    changes = tuple(
        dataclasses.replace(c, text=adapt_change.change_text(before[c.ref], after[c.ref]))
        for c in sorted(merged.values(), key=lambda c: (c.on, c.ref))
    )
    return dataclasses.replace(proposal, changes=changes)


def _merge(first: Change, then: Change) -> Change:
    """Two caps on one run: the smaller of each, run easy if either says so."""
    return dataclasses.replace(
        first,
        max_duration_min=_least(first.max_duration_min, then.max_duration_min),
        max_distance_km=_least(first.max_distance_km, then.max_distance_km),
        easy=first.easy or then.easy,
    )


def _least(a: float | None, b: float | None) -> float | None:
    if a is None or b is None:
        return b if a is None else a
    return min(a, b)
