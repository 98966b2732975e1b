"""The pain rule: calf pain above the pain-monitoring limits steps the plan back.

Evidence: rehab.pain_monitoring.plan_adaptation, rehab.pain_monitoring.silbernagel_2007 (the
pain model in ``pain``), load.single_run_spike.frandsen_2025 (the held run). The proposal: the
calf strength of the next 7 days one ladder step back, the runs of the next 7 days cut by 30 %
and run easy, the longest of them no further than the runs after need under the single-run
limit; nothing later changes except what a hard limit needs (``adapt_apply.keep_limits``).
"""

from __future__ import annotations

import datetime as dt
import math

from tagalong.plangen import adapt_spike_refs, ladder, limits, pain
from tagalong.plangen.adapt_change import floor_to, minutes_text, session_change
from tagalong.plangen.adapt_model import AthleteData, Change, Context, PlanView, Proposal, Slot
from tagalong.plangen.adapt_shared import (
    calf,
    done_reference,
    fits_day,
    ladder_change,
    run_change,
    trainable_runs,
    upcoming,
)
from tagalong.plangen.model import HARD_RUN_TYPES, Reason
from tagalong.wording import Phrase

RUN_CUT = 0.70  # rehab.pain_monitoring.plan_adaptation: runs of the next 7 days −30 %
CUT_DAYS = 7  # rehab.pain_monitoring.plan_adaptation
PAIN_EVIDENCE = pain.EVIDENCE


def propose(view: PlanView, data: AthleteData, ctx: Context) -> Proposal | None:
    signals = pain.signals(data.pain, ctx.today)
    if not signals:
        return None
    reasons = tuple(Reason(s.text, PAIN_EVIDENCE) for s in signals)
    why = Reason(
        Phrase("Calf pain above the pain-monitoring limits: step back, then build again."),
        PAIN_EVIDENCE,
    )
    changes = [*_step_back(view, ctx, why), *_cut_runs(view, data, ctx, why)]
    days = sorted({s.day for s in signals})
    sides = sorted({s.side for s in signals})
    return Proposal(
        trigger="pain",
        key=f"pain:{days[-1]}:{'+'.join(sides)}",
        summary=Phrase(
            "Calf pain: calf strength one step back and the next 7 days' runs 30 % shorter."
        ),
        reasons=reasons,
        changes=tuple(changes),
    )


def _step_back(view: PlanView, ctx: Context, why: Reason) -> list[Change]:
    """The calf sessions of the next 7 days one step back; later ones keep their steps, so the
    ladder steps forward again on its own rules (and a retest) once the pain settles."""
    last = ctx.today + dt.timedelta(days=CUT_DAYS)
    out = []
    for slot in calf(upcoming(view, ctx)):
        if slot.session.date > last:
            break
        level = slot.session.ladder_level or ladder.FIRST_STEP
        # The step below may take longer (isometric holds): on a short day the step stays.
        if level > ladder.FIRST_STEP and fits_day(view, slot, level - 1, ctx):
            out.append(ladder_change(slot, "ladder_down", level - 1, why))
    return out


def _cut_runs(view: PlanView, data: AthleteData, ctx: Context, why: Reason) -> list[Change]:
    """Runs of the next 7 days 30 % shorter, hard ones easy. The longest of them is cut no
    further than the runs after the 7 days need to stay within the single-run limit, so that
    the weeks after keep their planned runs (a step-back week, not a step back of the plan)."""
    last = ctx.today + dt.timedelta(days=CUT_DAYS)
    window = [s for s in trainable_runs(upcoming(view, ctx)) if s.session.date <= last]
    longest = max(window, key=lambda x: x.session.distance_km or 0.0, default=None)
    out = []
    for slot in window:
        s = slot.session
        minutes = floor_to(s.duration_min * RUN_CUT, 0.1)
        km = None if s.distance_km is None else floor_to(s.distance_km * RUN_CUT, 0.01)
        held = False
        if slot is longest and s.distance_km and km is not None:
            floor = _spike_floor(view, window, slot, last)
            done = done_reference(data.runs or (), s.date)
            if done is not None and limits.SPIKE_MAX_RATIO * done <= floor:
                floor = 0.0  # the runs done already cap it (the load-spike rule): no hold
            if floor > km:  # held: the minutes follow the km
                held, km = True, min(s.distance_km, floor)
                minutes = floor_to(s.duration_min * km / s.distance_km, 0.1)
        easy = s.run_type in HARD_RUN_TYPES
        shorter = minutes_text(s.duration_min, minutes)
        text = session_change(s, (shorter, Phrase("run easy")) if easy else shorter)
        reason = HELD_WHY if held else why
        out.append(run_change(slot, text, reason, minutes=minutes, km=km, easy=easy))
    return out


HELD_WHY = Reason(
    Phrase(
        "Calf pain: shorter, but no shorter than the runs after it need to stay within 10 % of "
        "the longest run of the 30 days before them, so the weeks after keep their runs."
    ),
    (*PAIN_EVIDENCE, "load.single_run_spike.frandsen_2025"),
)


def _spike_floor(view: PlanView, window: list[Slot], slot: Slot, last: dt.date) -> float:
    """The shortest ``slot`` may become without a later run breaking the single-run limit."""
    cut = {x.ref for x in window}
    history = [(view.start - dt.timedelta(days=1), view.longest_before_km)]
    for other in trainable_runs(view.slots):
        if other.ref != slot.ref and other.session.date <= last:
            km = other.session.distance_km or 0.0
            history.append((other.session.date, km * RUN_CUT if other.ref in cut else km))
    horizon = slot.session.date + dt.timedelta(days=limits.SPIKE_WINDOW_DAYS)
    floor = 0.0
    for later in sorted(trainable_runs(view.slots), key=lambda x: x.session.date):
        day, km = later.session.date, later.session.distance_km or 0.0
        if day > horizon:
            break
        if day <= last:
            continue
        need = math.ceil(km / limits.SPIKE_MAX_RATIO * 100 - 1e-6) / 100
        if adapt_spike_refs.reference_of(history, day) < need:
            floor = max(floor, need)
        history.append((day, km))
    return floor
