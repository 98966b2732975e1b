"""The missed-session rule: a missed long or quality run moves to a free day, never doubled up.

Evidence: coaching.missed_sessions.no_stacking, rehab.return_to_run.green_2022. A missed key
session (long run first, then tempo and intervals; an unplanned run done that week stands in
for one) moves to a later day of its week only when that day has no run, the minutes for it,
hard–easy alternation kept, a rest day left in the week, and no spike against the runs planned
(``adapt_spike_refs``) or done (load.single_run_spike.frandsen_2025).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from tagalong.plangen import adapt_apply, adapt_spike_refs, limits
from tagalong.plangen.adapt_change import describe
from tagalong.plangen.adapt_model import AthleteData, Change, Context, PlanView, Proposal, Slot
from tagalong.plangen.adapt_shared import done_reference, trainable_runs
from tagalong.plangen.model import HARD_RUN_TYPES, WEEKDAYS, Reason, Session
from tagalong.wording import Phrase

KEY_SESSIONS = frozenset({"long", "tempo", "intervals"})
MISSED_EVIDENCE = ("coaching.missed_sessions.no_stacking", "rehab.return_to_run.green_2022")


def propose(view: PlanView, data: AthleteData, ctx: Context) -> Proposal | None:
    block = view.block_of(ctx.today)
    if data.runs is None or ctx.availability is None or block is None:
        return None
    done = {r.day for r in data.runs if r.minutes > 0}
    past = [s for s in trainable_runs(view.slots) if block.start <= s.session.date < ctx.today]
    planned_days = {s.session.date for s in past}
    stand_ins = sum(1 for d in done if block.start <= d < ctx.today and d not in planned_days)
    missed = [s for s in past if s.session.date not in done]
    key = sorted(
        (s for s in missed if s.session.run_type in KEY_SESSIONS),
        key=lambda s: (s.session.run_type != "long", s.session.date),
    )[stand_ins:]
    why = Reason(
        Phrase("A missed session is never doubled up; it moves only to a free day."),
        MISSED_EVIDENCE,
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
        summary=Phrase("Missed session: moved to a free day later this week, never doubled up."),
        reasons=tuple(
            Reason(Phrase("{session} was not done.", session=describe(s.session)), MISSED_EVIDENCE)
            for s in key
        ),
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
    text = Phrase("{session} (missed) moves to {day:%a %-d %b}", session=describe(s), day=day)
    out = [Change(kind="move", ref=slot.ref, on=s.date, text=text, reason=why, to=day)]
    rest = [r for r in view.sessions_on(day) if r.session.kind == "rest"]
    if rest and not [o for o in view.sessions_on(s.date) if o.ref != slot.ref]:
        swap = Phrase("Rest day of {day:%a %-d %b} moves to {to:%a %-d %b}", day=day, to=s.date)
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
    if adapt_spike_refs.spike_breaks(before, after):
        return False
    moved = next(o.session for o in after.slots if o.ref == ref)
    done = done_reference(data.runs or (), moved.date)
    return done is None or (moved.distance_km or 0.0) <= limits.SPIKE_MAX_RATIO * done + 1e-9
