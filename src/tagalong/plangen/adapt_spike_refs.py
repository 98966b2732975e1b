"""The single-run limit on a stored plan, counted as ``limits`` counts it.

Evidence: load.single_run_spike.frandsen_2025. Each run's reference is the longest run of the
30 days before it (the runs before the plan count as ``longest_before_km``); a run may be at
most 10 % longer. ``spike_breaks`` tells whether a change made a run break the limit that it
kept before; the missed-session rule and the limit repairs both ask it.
"""

from __future__ import annotations

import datetime as dt

from tagalong.plangen import limits
from tagalong.plangen.adapt_change import EPS
from tagalong.plangen.adapt_model import PlanView, Slot
from tagalong.plangen.model import Session


def runs_by_date(view: PlanView) -> list[Slot]:
    return sorted((s for s in view.slots if s.session.is_run), key=lambda s: s.session.date)


def spike_references(view: PlanView) -> dict[int, float]:
    """Each run's reference: the longest run of the 30 days before it, as ``limits`` counts."""
    history: list[tuple[dt.date, float]] = [
        (view.start - dt.timedelta(days=1), view.longest_before_km)
    ]
    out = {}
    for slot in runs_by_date(view):
        s = slot.session
        out[slot.ref] = reference_of(history, s.date)
        history.append((s.date, s.distance_km or 0.0))
    return out


def reference_of(history: list[tuple[dt.date, float]], day: dt.date) -> float:
    first = day - dt.timedelta(days=limits.SPIKE_WINDOW_DAYS)
    recent = [km for d, km in reversed(history) if first <= d < day]
    return max([limits.SPIKE_FLOOR_KM, *recent])


def spike_breaks(before: PlanView, after: PlanView) -> bool:
    """Whether a run within the single-run limit in ``before`` is over it in ``after``."""
    old, new = spike_references(before), spike_references(after)
    sessions = {slot.ref: slot.session for slot in before.slots}
    return any(
        not spike_ok(slot.session, new[slot.ref]) and spike_ok(sessions[slot.ref], old[slot.ref])
        for slot in after.slots
        if slot.ref in new and slot.ref in old
    )


def spike_ok(s: Session, reference: float) -> bool:
    return (
        s.run_type == "race" or (s.distance_km or 0.0) <= limits.SPIKE_MAX_RATIO * reference + EPS
    )
