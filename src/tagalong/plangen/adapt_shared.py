"""What the adaptation rules share: the sessions they look at and the changes they write.

The upcoming sessions (after ``today``), the calf strength sessions on the ladder, the runs a
rule may change (never a race), a proposal's fingerprint, and the two kinds of change a rule
writes: a run capped (and run easy) and a calf session moved along the ladder
(rehab.progression_ladder). ``done_reference`` is the longest run done in the 30 days before a
day (load.single_run_spike.frandsen_2025); ``fits_day`` keeps a longer ladder step off a day
without the minutes for it (periodisation.plan.calf_strength_frequency).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence

from tagalong.plangen import adapt_change, limits
from tagalong.plangen.adapt_change import session_change
from tagalong.plangen.adapt_model import Change, Context, DoneRun, PlanView, Slot
from tagalong.plangen.model import Reason


def upcoming(view: PlanView, ctx: Context) -> list[Slot]:
    return sorted(
        (s for s in view.slots if s.session.date > ctx.today), key=lambda s: s.session.date
    )


def calf(slots: Iterable[Slot]) -> list[Slot]:
    return [s for s in slots if s.session.kind == "strength" and s.session.ladder_level]


def trainable_runs(slots: Iterable[Slot]) -> list[Slot]:
    return [s for s in slots if s.session.is_run and s.session.run_type != "race"]


def fingerprint(changes: Sequence[Change]) -> str:
    text = "|".join(
        f"{c.kind}:{c.ref}:{c.on}:{c.max_duration_min}:{c.max_distance_km}:{c.easy}:"
        f"{c.ladder_level}:{c.to}"
        for c in changes
    )
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def ladder_change(slot: Slot, kind: str, level: int, why: Reason) -> Change:
    s = slot.session
    text = session_change(s, adapt_change.ladder_step_text(s.ladder_level, level))
    return Change(
        kind="ladder_down" if kind == "ladder_down" else "ladder_up",
        ref=slot.ref,
        on=s.date,
        text=text,
        reason=why,
        ladder_level=level,
    )


def run_change(
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


def done_reference(runs: Iterable[DoneRun], day: dt.date) -> float | None:
    """Longest run done in the 30 days before ``day``; None if none."""
    first = day - dt.timedelta(days=limits.SPIKE_WINDOW_DAYS)
    km = [r.distance_km for r in runs if r.distance_km and first <= r.day < day]
    return max(km) if km else None


def fits_day(view: PlanView, slot: Slot, level: int, ctx: Context) -> bool:
    """The step's longer session still fits the day's minutes (a short day keeps its step)."""
    if ctx.availability is None:
        return True
    day = slot.session.date
    others = sum(
        x.session.duration_min
        for x in view.slots
        if x.session.date == day and x.ref != slot.ref and x.session.kind != "rest"
    )
    room = ctx.availability.get(adapt_change.WEEKDAY_KEYS[day.weekday()], 0)
    return others + adapt_change.relevel(slot.session, level).duration_min <= room + 1e-6
