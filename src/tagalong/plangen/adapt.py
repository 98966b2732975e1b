"""Plan adaptation: from the athlete's recent data, proposals of concrete changes with reasons.

``review`` reads the plan as stored (``PlanView``), the athlete's pain scores, recorded runs
and heel-raise tests, and proposes, each with its evidence ids:

* pain (rehab.pain_monitoring.plan_adaptation): the calf strength of the next 7 days one
  ladder step back, the runs of the next 7 days cut by 30 % and run easy, the longest of them
  no further than the runs after need under the single-run limit; nothing later changes
  except what a hard limit needs (a week's hard run kept under 20 % of its shortened week);
* missed sessions (coaching.missed_sessions.no_stacking): a missed long or quality run moves
  to a free day later in its week when that keeps every limit; nothing is ever doubled up;
* load spike (load.single_run_spike.plan_response): upcoming runs capped at 110 % of the
  longest run actually done in the 30 days before them, and held at the previous longest for
  7 days after a logged spike;
* better retest (rehab.progression.retest_step): calf strength one ladder step forward.

Pain wins: while the pain model asks to step back, missed sessions are let go and a better
retest does not step forward. Each proposal already holds the changes that keep the hard
limits (``adapt_apply.keep_limits``). Pure: ``today`` comes in with the context.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import math
from collections.abc import Iterable, Sequence

from tagalong.assessment.hret import RETEST_CHANGE_REPS
from tagalong.plangen import adapt_apply, ladder, limits, pain
from tagalong.plangen.adapt_apply import describe, floor_to
from tagalong.plangen.adapt_model import (
    AthleteData,
    Change,
    Context,
    DoneRun,
    PlanView,
    Proposal,
    Slot,
)
from tagalong.plangen.model import HARD_RUN_TYPES, WEEKDAYS, Reason, Session, Tests
from tagalong.trainingload.daily import single_run_spike

RUN_CUT = 0.70  # rehab.pain_monitoring.plan_adaptation: runs of the next 7 days −30 %
CUT_DAYS = 7  # rehab.pain_monitoring.plan_adaptation
SPIKE_HOLD_DAYS = 7  # load.single_run_spike.plan_response
RED_SPIKE_BAND = "over_100"  # load.single_run_spike.frandsen_2025: more than +100 %
RETEST_RECENT_DAYS = 14  # rehab.progression.retest_step
RETEST_LSI_MIN = 90.0  # lsi.threshold_90.expert_target
KEY_SESSIONS = frozenset({"long", "tempo", "intervals"})

PAIN_EVIDENCE = pain.EVIDENCE
MISSED_EVIDENCE = ("coaching.missed_sessions.no_stacking", "rehab.return_to_run.green_2022")
SPIKE_EVIDENCE = ("load.single_run_spike.frandsen_2025", "load.single_run_spike.plan_response")
RETEST_EVIDENCE = (
    "rehab.progression.retest_step",
    "hret.retest_error.hebert_losier_2017",
    "lsi.threshold_90.expert_target",
    "rehab.progression_ladder",
)
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
        _pain(view, data, ctx),
        None if in_pain else _missed(view, data, ctx),
        _spike(view, data, ctx),
        None if in_pain else _retest(view, data, ctx),
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
        dataclasses.replace(c, text=adapt_apply.change_text(before[c.ref], after[c.ref]))
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


def upcoming(view: PlanView, ctx: Context) -> list[Slot]:
    return sorted(
        (s for s in view.slots if s.session.date > ctx.today), key=lambda s: s.session.date
    )


def _calf(slots: Iterable[Slot]) -> list[Slot]:
    return [s for s in slots if s.session.kind == "strength" and s.session.ladder_level]


def _trainable_runs(slots: Iterable[Slot]) -> list[Slot]:
    return [s for s in slots if s.session.is_run and s.session.run_type != "race"]


def fingerprint(changes: Sequence[Change]) -> str:
    text = "|".join(
        f"{c.kind}:{c.ref}:{c.on}:{c.max_duration_min}:{c.max_distance_km}:{c.easy}:"
        f"{c.ladder_level}:{c.to}"
        for c in changes
    )
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# --- pain ----------------------------------------------------------------------------------


def _pain(view: PlanView, data: AthleteData, ctx: Context) -> Proposal | None:
    signals = pain.signals(data.pain, ctx.today)
    if not signals:
        return None
    reasons = tuple(Reason(s.text, PAIN_EVIDENCE) for s in signals)
    why = Reason(
        "Calf pain above the pain-monitoring limits: step back, then build again.", PAIN_EVIDENCE
    )
    changes = [*_step_back(view, ctx, why), *_cut_runs(view, data, ctx, why)]
    days = sorted({s.day for s in signals})
    sides = sorted({s.side for s in signals})
    return Proposal(
        trigger="pain",
        key=f"pain:{days[-1]}:{'+'.join(sides)}",
        summary="Calf pain: calf strength one step back and the next 7 days' runs 30 % shorter.",
        reasons=reasons,
        changes=tuple(changes),
    )


def _step_back(view: PlanView, ctx: Context, why: Reason) -> list[Change]:
    """The calf sessions of the next 7 days one step back; later ones keep their steps, so the
    ladder steps forward again on its own rules (and a retest) once the pain settles."""
    last = ctx.today + dt.timedelta(days=CUT_DAYS)
    out = []
    for slot in _calf(upcoming(view, ctx)):
        if slot.session.date > last:
            break
        level = slot.session.ladder_level or ladder.FIRST_STEP
        # The step below may take longer (isometric holds): on a short day the step stays.
        if level > ladder.FIRST_STEP and _fits_day(view, slot, level - 1, ctx):
            out.append(_ladder_change(slot, "ladder_down", level - 1, why))
    return out


def _ladder_change(slot: Slot, kind: str, level: int, why: Reason) -> Change:
    s = slot.session
    text = f"{describe(s)}: ladder step {s.ladder_level} → {level} ({ladder.step_name(level)})"
    return Change(
        kind="ladder_down" if kind == "ladder_down" else "ladder_up",
        ref=slot.ref,
        on=s.date,
        text=text,
        reason=why,
        ladder_level=level,
    )


def _cut_runs(view: PlanView, data: AthleteData, ctx: Context, why: Reason) -> list[Change]:
    """Runs of the next 7 days 30 % shorter, hard ones easy. The longest of them is cut no
    further than the runs after the 7 days need to stay within the single-run limit, so that
    the weeks after keep their planned runs (a step-back week, not a step back of the plan)."""
    last = ctx.today + dt.timedelta(days=CUT_DAYS)
    window = [s for s in _trainable_runs(upcoming(view, ctx)) if s.session.date <= last]
    longest = max(window, key=lambda x: x.session.distance_km or 0.0, default=None)
    out = []
    for slot in window:
        s = slot.session
        minutes = floor_to(s.duration_min * RUN_CUT, 0.1)
        km = None if s.distance_km is None else floor_to(s.distance_km * RUN_CUT, 0.01)
        held = False
        if slot is longest and s.distance_km and km is not None:
            floor = _spike_floor(view, window, slot, last)
            done = _done_reference(data.runs or (), s.date)
            if done is not None and limits.SPIKE_MAX_RATIO * done <= floor:
                floor = 0.0  # the runs done already cap it (the load-spike rule): no hold
            if floor > km:  # held: the minutes follow the km
                held, km = True, min(s.distance_km, floor)
                minutes = floor_to(s.duration_min * km / s.distance_km, 0.1)
        easy = s.run_type in HARD_RUN_TYPES
        text = f"{describe(s)}: {s.duration_min:.0f} → {minutes:.0f} min" + (
            ", run easy" if easy else ""
        )
        reason = HELD_WHY if held else why
        out.append(_run_change(slot, text, reason, minutes=minutes, km=km, easy=easy))
    return out


HELD_WHY = Reason(
    "Calf pain: shorter, but no shorter than the runs after it need to stay within 10 % of "
    "the longest run of the 30 days before them, so the weeks after keep their runs.",
    (*PAIN_EVIDENCE, "load.single_run_spike.frandsen_2025"),
)


def _spike_floor(view: PlanView, window: list[Slot], slot: Slot, last: dt.date) -> float:
    """The shortest ``slot`` may become without a later run breaking the single-run limit."""
    cut = {x.ref for x in window}
    history = [(view.start - dt.timedelta(days=1), view.longest_before_km)]
    for other in _trainable_runs(view.slots):
        if other.ref != slot.ref and other.session.date <= last:
            km = other.session.distance_km or 0.0
            history.append((other.session.date, km * RUN_CUT if other.ref in cut else km))
    horizon = slot.session.date + dt.timedelta(days=limits.SPIKE_WINDOW_DAYS)
    floor = 0.0
    for later in sorted(_trainable_runs(view.slots), key=lambda x: x.session.date):
        day, km = later.session.date, later.session.distance_km or 0.0
        if day > horizon:
            break
        if day <= last:
            continue
        need = math.ceil(km / limits.SPIKE_MAX_RATIO * 100 - 1e-6) / 100
        if adapt_apply.reference_of(history, day) < need:
            floor = max(floor, need)
        history.append((day, km))
    return floor


def _run_change(
    slot: Slot,
    text: str,
    why: Reason,
    *,
    minutes: float | None = None,
    km: float | None = None,
    easy: bool = False,
) -> Change:
    return Change(
        kind="run",
        ref=slot.ref,
        on=slot.session.date,
        text=text,
        reason=why,
        max_duration_min=None if minutes is None else round(minutes, 1),
        max_distance_km=None if km is None else round(km, 2),
        easy=easy,
    )


# --- missed sessions -----------------------------------------------------------------------


def _missed(view: PlanView, data: AthleteData, ctx: Context) -> Proposal | None:
    block = view.block_of(ctx.today)
    if data.runs is None or ctx.availability is None or block is None:
        return None
    done = {r.day for r in data.runs if r.minutes > 0}
    past = [s for s in _trainable_runs(view.slots) if block.start <= s.session.date < ctx.today]
    planned_days = {s.session.date for s in past}
    stand_ins = sum(1 for d in done if block.start <= d < ctx.today and d not in planned_days)
    missed = [s for s in past if s.session.date not in done]
    key = sorted(
        (s for s in missed if s.session.run_type in KEY_SESSIONS),
        key=lambda s: (s.session.run_type != "long", s.session.date),
    )[stand_ins:]
    why = Reason(
        "A missed session is never doubled up; it moves only to a free day.", MISSED_EVIDENCE
    )
    changes: list[Change] = []
    current = view
    for slot in key:
        moved = _move_missed(current, slot, data, ctx, why)
        if moved:
            changes.extend(moved)
            current = adapt_apply.apply_changes(current, moved, ctx).view
    if not changes:
        return None
    return Proposal(
        trigger="missed",
        key="missed:" + ",".join(f"{c.ref}@{c.on}" for c in changes if c.to and c.to > ctx.today),
        summary="Missed session: moved to a free day later this week, never doubled up.",
        reasons=tuple(Reason(f"{describe(s.session)} was not done.", MISSED_EVIDENCE) for s in key),
        changes=tuple(changes),
    )


def _move_missed(
    view: PlanView, slot: Slot, data: AthleteData, ctx: Context, why: Reason
) -> list[Change]:
    block = view.block_of(slot.session.date)
    current = next((o for o in view.slots if o.ref == slot.ref), None)
    if block is None or current is None or current.session.date != slot.session.date:
        return []
    day = ctx.today + dt.timedelta(days=1)
    while day <= block.end:
        if _free_for(view, current, day, data, ctx):
            return _move_changes(view, current, day, why)
        day += dt.timedelta(days=1)
    return []


def _move_changes(view: PlanView, slot: Slot, day: dt.date, why: Reason) -> list[Change]:
    s = slot.session
    text = f"{describe(s)} (missed) moves to {day:%a %-d %b}"
    out = [Change(kind="move", ref=slot.ref, on=s.date, text=text, reason=why, to=day)]
    rest = [r for r in view.sessions_on(day) if r.session.kind == "rest"]
    if rest and not [o for o in view.sessions_on(s.date) if o.ref != slot.ref]:
        swap = f"Rest day of {day:%a %-d %b} moves to {s.date:%a %-d %b}"
        out.append(Change(kind="move", ref=rest[0].ref, on=day, text=swap, reason=why, to=s.date))
    return out


def _free_for(view: PlanView, slot: Slot, day: dt.date, data: AthleteData, ctx: Context) -> bool:
    """Whether the session may move to ``day``: no stacking, time available, hard–easy kept."""
    assert ctx.availability is not None
    s = slot.session
    others = [o.session for o in view.slots if o.ref != slot.ref]
    on_day = [o for o in others if o.date == day]
    if any(o.is_run for o in on_day) or (view.race_date and day >= view.race_date):
        return False
    used = sum(o.duration_min for o in on_day if o.kind != "rest")
    if ctx.availability.get(WEEKDAYS[day.weekday()], 0) < used + s.duration_min:
        return False
    if not _neighbours_ok(others, s, day, returning=ctx.returning):
        return False
    moved = dataclasses.replace(
        view,
        slots=tuple(
            Slot(o.ref, dataclasses.replace(s, date=day) if o.ref == slot.ref else o.session)
            for o in view.slots
        ),
    )
    return _keeps_rest_day(moved, day) and _spike_safe(view, moved, slot.ref, data)


def _neighbours_ok(others: list[Session], s: Session, day: dt.date, *, returning: bool) -> bool:
    near = [o for o in others if abs((o.date - day).days) == 1]
    if any(o.is_run and o.run_type in HARD_RUN_TYPES for o in near):
        return False
    if (returning or s.run_type == "walk_run") and any(o.is_run for o in near):
        return False
    eve = day - dt.timedelta(days=1)
    calf_eve = any(o.kind == "strength" and o.ladder_level and o.date == eve for o in others)
    return not (s.run_type in HARD_RUN_TYPES and calf_eve)


def _keeps_rest_day(view: PlanView, day: dt.date) -> bool:
    block = view.block_of(day)
    if block is None:
        return False
    busy = {
        o.session.date
        for o in view.slots
        if block.holds(o.session.date)
        and (o.session.kind == "strength" or o.session.run_type not in (None, "race"))
    }
    return len(busy) < 7


def _spike_safe(before: PlanView, after: PlanView, ref: int, data: AthleteData) -> bool:
    """The move breaks no spike limit: planned (as ``limits``) or against runs actually done."""
    if adapt_apply.spike_breaks(before, after):
        return False
    moved = next(o.session for o in after.slots if o.ref == ref)
    done = _done_reference(data.runs or (), moved.date)
    return done is None or (moved.distance_km or 0.0) <= limits.SPIKE_MAX_RATIO * done + 1e-9


# --- load spikes -----------------------------------------------------------------------------


def _done_reference(runs: Iterable[DoneRun], day: dt.date) -> float | None:
    """Longest run done in the 30 days before ``day``; None if none."""
    first = day - dt.timedelta(days=limits.SPIKE_WINDOW_DAYS)
    km = [r.distance_km for r in runs if r.distance_km and first <= r.day < day]
    return max(km) if km else None


def _spike(view: PlanView, data: AthleteData, ctx: Context) -> Proposal | None:
    runs = [r for r in data.runs or () if r.distance_km and r.day <= ctx.today]
    tomorrow = ctx.today + dt.timedelta(days=1)
    if _done_reference(runs, tomorrow) is None:
        return None  # no runs with a distance lately: nothing to compare with
    reasons, holds = _logged_spikes(runs, ctx)
    history = [(r.day, r.distance_km or 0.0) for r in runs]
    horizon = ctx.today + dt.timedelta(days=limits.SPIKE_WINDOW_DAYS)
    changes = []
    for slot in _trainable_runs(upcoming(view, ctx)):
        s = slot.session
        if s.date > horizon:
            break
        km, easy, why = _spike_cap(history, holds, s.date)
        history.append((s.date, min(s.distance_km or 0.0, km)))
        longer = s.distance_km is not None and s.distance_km > km + 1e-9
        if longer or (easy and s.run_type in HARD_RUN_TYPES):
            text = f"{describe(s)}: at most {km:.1f} km" + (", run easy" if easy else "")
            changes.append(_run_change(slot, text, why, km=floor_to(km, 0.01), easy=easy))
    if not changes:
        return None
    days = ",".join(str(day) for day, _km, _red in holds)
    return Proposal(
        trigger="load_spike",
        key=f"spike:{days}:{fingerprint(changes)}",
        summary="Load spike: the next runs capped so that none jumps past the recent longest run.",
        reasons=tuple(reasons) or (PLANNED_SPIKE_WHY,),
        changes=tuple(changes),
    )


PLANNED_SPIKE_WHY = Reason(
    "No run more than 10 % longer than the longest run done in the 30 days before it.",
    SPIKE_EVIDENCE,
)
HOLD_WHY = Reason(
    "For 7 days after a spike, no run longer than the longest run before it.", SPIKE_EVIDENCE
)
Hold = tuple[dt.date, float, bool]  # spike day, the longest run before it, more than +100 %


def _spike_cap(
    history: list[tuple[dt.date, float]], holds: list[Hold], day: dt.date
) -> tuple[float, bool, Reason]:
    """The most ``day``'s run may cover: 110 % of the 30-day longest, or a spike's hold."""
    first = day - dt.timedelta(days=limits.SPIKE_WINDOW_DAYS)
    recent = [km for d, km in history if first <= d < day]
    km, easy, why = (
        limits.SPIKE_MAX_RATIO * max([limits.SPIKE_FLOOR_KM, *recent]),
        False,
        PLANNED_SPIKE_WHY,
    )
    for spike_day, before_km, red in holds:
        if spike_day < day <= spike_day + dt.timedelta(days=SPIKE_HOLD_DAYS):
            if before_km < km:
                km, why = before_km, HOLD_WHY
            easy = easy or red
    return km, easy, why


def _logged_spikes(runs: Sequence[DoneRun], ctx: Context) -> tuple[list[Reason], list[Hold]]:
    """Runs of the last 7 days more than 10 % longer than the longest of their 30 days before."""
    reasons: list[Reason] = []
    holds: list[Hold] = []
    first = ctx.today - dt.timedelta(days=SPIKE_HOLD_DAYS - 1)
    for run in sorted(runs, key=lambda r: r.day):
        if not run.distance_km or not first <= run.day <= ctx.today:
            continue
        window = run.day - dt.timedelta(days=limits.SPIKE_WINDOW_DAYS)
        history = [r.distance_km or 0.0 for r in runs if window <= r.day < run.day]
        spike = single_run_spike(run.distance_km, history)
        if spike.tone == "none" or spike.previous_longest_km is None:
            continue
        reasons.append(
            Reason(
                f"The {run.distance_km:.1f} km run on {run.day:%a %-d %b} was "
                f"{(spike.increase or 0.0) * 100:.0f} % longer than the longest run of the "
                f"30 days before ({spike.previous_longest_km:.1f} km).",
                SPIKE_EVIDENCE,
            )
        )
        holds.append((run.day, spike.previous_longest_km, spike.band == RED_SPIKE_BAND))
    return reasons, holds


# --- better retest -------------------------------------------------------------------------


def _fits_day(view: PlanView, slot: Slot, level: int, ctx: Context) -> bool:
    """The step's longer session still fits the day's minutes (a short day keeps its step)."""
    if ctx.availability is None:
        return True
    day = slot.session.date
    others = sum(
        x.session.duration_min
        for x in view.slots
        if x.session.date == day and x.ref != slot.ref and x.session.kind != "rest"
    )
    room = ctx.availability.get(adapt_apply.WEEKDAY_KEYS[day.weekday()], 0)
    return others + adapt_apply.relevel(slot.session, level).duration_min <= room + 1e-6


def _retest(view: PlanView, data: AthleteData, ctx: Context) -> Proposal | None:
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
        f"Heel-raise retest on {latest.day:%a %-d %b}: weaker side {previous.reps.weaker:.0f} → "
        f"{latest.reps.weaker:.0f} reps (a real change is 7 or more), symmetry "
        f"{latest.reps.symmetry_index:.0f} %, calf pain at or below 3/10 this week.",
        RETEST_EVIDENCE,
    )
    changes = []
    for slot in _calf(upcoming(view, ctx)):
        level = slot.session.ladder_level or ladder.FIRST_STEP
        target = min(level + 1, max(level, supported))
        if target > level and _fits_day(view, slot, target, ctx):
            changes.append(_ladder_change(slot, "ladder_up", target, why))
    return Proposal(
        trigger="retest",
        key=f"retest:{latest.day}",
        summary="Better retest: calf strength one ladder step forward.",
        reasons=(why,),
        changes=tuple(changes),
    )
