"""Making a proposal's changes, then keeping every hard limit that held before them.

``apply_changes`` makes the changes in order (``adapt_change``; a change whose session is
gone or has moved is skipped with the reason), then ``keep_limits`` runs the repairs of
``adapt_repairs``, one rule at a time and the spike rule first, until none changes anything.
Definitions follow ``limits``.

What a cut may still leave: a recovery week lighter than 70 % of the week before and a taper
cutting more than 60 %. Those bounds keep a healthy plan's fitness; pain or a spike asks for
less (see docs/plans.md).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tagalong.plangen.adapt_change import change_session, with_sessions
from tagalong.plangen.adapt_model import Applied, Change, Context, PlanView
from tagalong.plangen.adapt_repairs import (
    day_fixes,
    hard_fixes,
    lighter_fixes,
    spike_pass,
    taper_fixes,
)
from tagalong.wording import Phrase

MAX_ROUNDS = 60


def apply_changes(view: PlanView, changes: Sequence[Change], ctx: Context) -> Applied:
    """Make ``changes`` in order, then the repairs that keep the limits (see module doc)."""
    sessions = {slot.ref: slot.session for slot in view.slots}
    made: list[Change] = []
    skipped: list[str] = []
    for change in changes:
        current = sessions.get(change.ref)
        if current is None:
            skipped.append(
                Phrase("{change}: the session is no longer in the plan.", change=change.text)
            )
            continue
        others = [s for ref, s in sessions.items() if ref != change.ref]
        updated = change_session(current, change, ctx, others)
        if updated is None:
            skipped.append(Phrase("{change}: the plan has changed since.", change=change.text))
        elif updated != current:
            sessions[change.ref] = updated
            made.append(change)
    after = with_sessions(view, sessions)
    after, repairs = keep_limits(view, after, ctx)
    return Applied(after, (*made, *repairs), tuple(skipped))


Fixer = Callable[[PlanView, PlanView, Context], list[Change]]


def keep_limits(before: PlanView, after: PlanView, ctx: Context) -> tuple[PlanView, list[Change]]:
    """Repairs, one rule at a time and the spike rule first, until none changes anything."""
    made: list[Change] = []
    for _ in range(MAX_ROUNDS):
        after, fixes = spike_pass(before, after, ctx)
        fixers = (day_fixes, hard_fixes, lighter_fixes, taper_fixes)
        for fixer in fixers:
            if fixes:
                break
            after, fixes = _apply_fixes(after, fixer(before, after, ctx), ctx)
        if not fixes:
            break
        made.extend(fixes)
    return after, made


def _apply_fixes(
    view: PlanView, fixes: list[Change], ctx: Context
) -> tuple[PlanView, list[Change]]:
    """The view after ``fixes``, and those of them that changed a session."""
    sessions = {slot.ref: slot.session for slot in view.slots}
    effective = []
    for fix in fixes:
        updated = change_session(sessions[fix.ref], fix, ctx, ())
        if updated is not None and updated != sessions[fix.ref]:
            sessions[fix.ref] = updated
            effective.append(fix)
    return (with_sessions(view, sessions), effective) if effective else (view, [])
