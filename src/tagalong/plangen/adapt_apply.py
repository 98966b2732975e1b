"""Making a proposal's changes, then keeping every hard limit that held before them.

Changes only ever shorten runs, run them easy, move a calf strength session along the ladder or
move a session to another day. Shortening a run can break a limit elsewhere: the next long
run becomes a spike against the shortened one, a week's hard run passes 20 % of its shortened
week. A week stepped back for pain is itself a lighter week and no taper reference (see
``limits``), so the weeks after it keep their planned load. ``keep_limits`` then shortens
(or eases) the sessions that need it, again only from tomorrow on and only where the limit held
before the change, until nothing more is needed. Definitions follow ``limits``.

What a cut may still leave: a recovery week lighter than 70 % of the week before and a taper
cutting more than 60 %. Those bounds keep a healthy plan's fitness; pain or a spike asks for
less (see docs/plans.md).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Callable, Iterable, Sequence

from tagalong.plangen import ladder, limits, workouts
from tagalong.plangen.adapt_model import Applied, Block, Change, Context, PlanView, Slot
from tagalong.plangen.model import EASY_RUN_TYPES, HARD_RUN_TYPES, Reason, Session
from tagalong.plangen.paces import RUN_TYPE_HR_ZONE

MIN_QUALITY_MIN = 30.0
EPS = 1e-6
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_ROUNDS = 60
HARD_VS_EASY = (1.0 - limits.EASY_SHARE_MIN) / limits.EASY_SHARE_MIN
TAPER_KEEP_MAX = 1.0 - limits.TAPER_CUT_RANGE[0]
LIMIT_REASON = {
    "spike": Reason(
        "Kept within 10 % of the longest run of the 30 days before, after the change above.",
        ("load.single_run_spike.frandsen_2025",),
    ),
    "day": Reason(
        "Shorter, so that the day's sessions fit the minutes you have.",
        ("periodisation.plan.calf_strength_frequency",),
    ),
    "hard": Reason(
        "Shorter or easy, so that the shortened week stays at least 80 % easy.",
        ("periodisation.plan.easy_share",),
    ),
    "lighter": Reason(
        "Kept this lighter week lighter than the shortened week before it.",
        ("periodisation.deload.convention",),
    ),
    "taper": Reason(
        "Kept the taper at least 41 % below the shortened weeks before it.",
        ("periodisation.taper.bosquet_2007",),
    ),
}


def floor_to(value: float, step: float) -> float:
    return math.floor(value / step + 1e-9) * step


def _round(value: float, step: float) -> float:
    return round(floor_to(value, step), 2)


# --- one change --------------------------------------------------------------------------


def _with_reason(s: Session, reason: Reason) -> Session:
    return s if reason in s.why else dataclasses.replace(s, why=(*s.why, reason))


def cap_run(s: Session, *, minutes: float | None, km: float | None) -> Session:
    """Shorten a run to at most ``minutes`` and ``km``, keeping its pace (both shrink alike)."""
    factor = 1.0
    if minutes is not None and s.duration_min > minutes:
        factor = min(factor, minutes / s.duration_min)
    if km is not None and s.distance_km and s.distance_km > km:
        factor = min(factor, km / s.distance_km)
    if factor >= 1.0:
        return s
    distance = None if s.distance_km is None else _round(s.distance_km * factor, 0.01)
    if s.workout is not None:  # the steps shrink with the run, so they still add up
        target_s = s.duration_min * factor * 60.0
        workout = workouts.scaled(s.workout, factor)
        for _ in range(4):  # steps round to whole seconds: never end above the cap
            if workout.total_seconds() <= target_s:
                break
            factor *= target_s / workout.total_seconds()
            workout = workouts.scaled(s.workout, factor)
        minutes = math.floor(workout.total_seconds() / 6.0) / 10
        factor = minutes / s.duration_min
        distance = None if s.distance_km is None else _round(s.distance_km * factor, 0.01)
        return dataclasses.replace(s, duration_min=minutes, distance_km=distance, workout=workout)
    return dataclasses.replace(
        s, duration_min=_round(s.duration_min * factor, 0.1), distance_km=distance
    )


def ease_run(s: Session, easy_pace: tuple[float, float] | None) -> Session:
    """A hard run becomes an easy one of the same length of time (never longer in km)."""
    if s.run_type not in HARD_RUN_TYPES or s.run_type == "race":
        return s
    distance = s.distance_km
    if easy_pace is not None and distance is not None:
        distance = min(distance, _round(s.duration_min * 120.0 / sum(easy_pace), 0.01))
    return dataclasses.replace(
        s,
        run_type="easy",
        distance_km=distance,
        target_pace_s_per_km=easy_pace,
        hr_zone=RUN_TYPE_HR_ZONE.get("easy"),
        workout=None if s.workout is None else workouts.eased(s.workout, easy_pace),
    )


def relevel(s: Session, level: int) -> Session:
    """A calf strength session on ladder step ``level``; other exercises stay."""
    rung = ladder.calf_session(level, 0)
    kept = tuple(e for e in s.exercises if e.slug not in ladder.CALF_SLUGS)
    exercises = (*rung.exercises, *kept)
    step = Reason(ladder.step_text(level), rung.evidence)
    why = tuple(r for r in s.why if not r.text.startswith("Calf ladder step "))
    extra = ladder.HIP_MINUTES if any(e.slug in ladder.HIP_SLUGS for e in kept) else 0.0
    return dataclasses.replace(
        s,
        ladder_level=level,
        exercises=exercises,
        duration_min=round(rung.minutes + extra, 1),
        why=(step, *why),
    )


def _run_on(sessions: Iterable[Session], day: dt.date) -> bool:
    return any(s.is_run and s.date == day for s in sessions)


def change_session(
    s: Session, change: Change, ctx: Context, others: Sequence[Session]
) -> Session | None:
    """The session after ``change``; None when a move no longer fits the plan."""
    if change.kind == "move":
        if change.to is None or s.date != change.on:
            return None
        if s.is_run and (change.to <= ctx.today or _run_on(others, change.to)):
            return None
        return _with_reason(dataclasses.replace(s, date=change.to), change.reason)
    if s.date <= ctx.today:
        return s  # that day is history now: nothing to change, nothing in the way
    if change.kind == "run":
        out = cap_run(s, minutes=change.max_duration_min, km=change.max_distance_km)
        if change.easy:
            out = ease_run(out, ctx.easy_pace)
    else:
        out = _ladder(s, change)
    return s if out == s else _with_reason(out, change.reason)


def _ladder(s: Session, change: Change) -> Session:
    level, target = s.ladder_level, change.ladder_level
    if level is None or target is None:
        return s
    if (change.kind == "ladder_down" and target < level) or (
        change.kind == "ladder_up" and target > level
    ):
        return relevel(s, target)
    return s


def apply_changes(view: PlanView, changes: Sequence[Change], ctx: Context) -> Applied:
    """Make ``changes`` in order, then the repairs that keep the limits (see module doc)."""
    sessions = {slot.ref: slot.session for slot in view.slots}
    made: list[Change] = []
    skipped: list[str] = []
    for change in changes:
        current = sessions.get(change.ref)
        if current is None:
            skipped.append(f"{change.text}: the session is no longer in the plan.")
            continue
        others = [s for ref, s in sessions.items() if ref != change.ref]
        updated = change_session(current, change, ctx, others)
        if updated is None:
            skipped.append(f"{change.text}: the plan has changed since.")
        elif updated != current:
            sessions[change.ref] = updated
            made.append(change)
    after = _view(view, sessions)
    after, repairs = keep_limits(view, after, ctx)
    return Applied(after, (*made, *repairs), tuple(skipped))


def _view(view: PlanView, sessions: dict[int, Session]) -> PlanView:
    slots = tuple(Slot(ref, s) for ref, s in sessions.items())
    return dataclasses.replace(view, slots=slots)


# --- keeping the limits ------------------------------------------------------------------

Fixer = Callable[[PlanView, PlanView, Context], list[Change]]


def keep_limits(before: PlanView, after: PlanView, ctx: Context) -> tuple[PlanView, list[Change]]:
    """Repairs, one rule at a time and the spike rule first, until none changes anything."""
    made: list[Change] = []
    for _ in range(MAX_ROUNDS):
        after, fixes = _spike_pass(before, after, ctx)
        fixers = (_day_fixes, _hard_fixes, _lighter_fixes, _taper_fixes)
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
    return (_view(view, sessions), effective) if effective else (view, [])


def _fix(
    slot: Slot,
    rule: str,
    text: str,
    *,
    max_duration_min: float | None = None,
    max_distance_km: float | None = None,
    easy: bool = False,
) -> Change:
    s = slot.session
    return Change(
        kind="run",
        ref=slot.ref,
        on=s.date,
        text=f"{describe(s)}: {text}",
        reason=LIMIT_REASON[rule],
        max_duration_min=max_duration_min,
        max_distance_km=max_distance_km,
        easy=easy,
    )


def change_text(before: Session, after: Session) -> str:
    """What changed on one session, in words: 'Sat 5 Apr long run: 90 → 63 min, 15.0 → 10.5 km'."""
    parts = []
    if after.date != before.date:
        parts.append(f"moves to {after.date:%a %-d %b}")
    if after.ladder_level != before.ladder_level and after.ladder_level is not None:
        name = ladder.step_name(after.ladder_level)
        parts.append(f"ladder step {before.ladder_level} → {after.ladder_level} ({name})")
    if after.run_type != before.run_type:
        parts.append(f"run easy instead of {(before.run_type or '').replace('_', ' ')}")
    if after.kind != "strength" and after.duration_min != before.duration_min:
        parts.append(f"{before.duration_min:.0f} → {after.duration_min:.0f} min")
    if after.distance_km != before.distance_km and before.distance_km and after.distance_km:
        parts.append(f"{before.distance_km:.1f} → {after.distance_km:.1f} km")
    return f"{describe(before)}: {', '.join(parts) or 'no change'}"


def describe(s: Session) -> str:
    """'Tue 3 Mar long run', 'Thu 5 Mar strength'."""
    what = f"{s.run_type.replace('_', ' ')} run" if s.is_run and s.run_type else s.kind
    return f"{s.date:%a %-d %b} {what}"


def _runs(view: PlanView) -> list[Slot]:
    return sorted((s for s in view.slots if s.session.is_run), key=lambda s: s.session.date)


def spike_references(view: PlanView) -> dict[int, float]:
    """Each run's reference: the longest run of the 30 days before it, as ``limits`` counts."""
    history: list[tuple[dt.date, float]] = [
        (view.start - dt.timedelta(days=1), view.longest_before_km)
    ]
    out = {}
    for slot in _runs(view):
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
        not _spike_ok(slot.session, new[slot.ref]) and _spike_ok(sessions[slot.ref], old[slot.ref])
        for slot in after.slots
        if slot.ref in new and slot.ref in old
    )


def _spike_ok(s: Session, reference: float) -> bool:
    return (
        s.run_type == "race" or (s.distance_km or 0.0) <= limits.SPIKE_MAX_RATIO * reference + EPS
    )


def _spike_pass(before: PlanView, after: PlanView, ctx: Context) -> tuple[PlanView, list[Change]]:
    """Cap, in date order, the runs that became spikes (later runs see the capped ones)."""
    held = {ref for ref, r in spike_references(before).items() if _spike_ok(_of(before, ref), r)}
    history: list[tuple[dt.date, float]] = [
        (after.start - dt.timedelta(days=1), after.longest_before_km)
    ]
    sessions = {slot.ref: slot.session for slot in after.slots}
    fixes = []
    for slot in _runs(after):
        s = sessions[slot.ref]
        reference = reference_of(history, s.date)
        if s.date > ctx.today and slot.ref in held and not _spike_ok(s, reference):
            km = _round(limits.SPIKE_MAX_RATIO * reference, 0.01)
            fix = _fix(Slot(slot.ref, s), "spike", f"at most {km:.2f} km", max_distance_km=km)
            capped = change_session(s, fix, ctx, ()) or s
            if capped != s:
                s = sessions[slot.ref] = capped
                fixes.append(fix)
        history.append((s.date, s.distance_km or 0.0))
    return _view(after, sessions), fixes


def _of(view: PlanView, ref: int) -> Session:
    return next(slot.session for slot in view.slots if slot.ref == ref)


def block_runs(view: PlanView, block: Block) -> list[Slot]:
    return [
        slot
        for slot in view.slots
        if slot.session.is_run
        and slot.session.run_type != "race"
        and block.holds(slot.session.date)
    ]


def _minutes(slots: Iterable[Slot]) -> float:
    return sum(slot.session.duration_min for slot in slots)


def _day_fixes(before: PlanView, after: PlanView, ctx: Context) -> list[Change]:
    """A run shares its day with a longer strength step: the run gives way to it."""
    fixes = []
    by_day: dict[dt.date, list[Slot]] = {}
    for slot in after.slots:
        if slot.session.kind != "rest" and slot.session.run_type != "race":
            by_day.setdefault(slot.session.date, []).append(slot)
    for day, slots in by_day.items():
        if ctx.availability is None:
            return []
        limit = ctx.availability.get(WEEKDAY_KEYS[day.weekday()], 0)
        total = _minutes(slots)
        runs = [x for x in slots if x.session.is_run and x.session.date > ctx.today]
        if total <= limit + EPS or not runs:
            continue
        run = max(runs, key=lambda x: x.session.duration_min)
        cap = math.floor((run.session.duration_min - (total - limit)) * 10) / 10
        fixes.append(_fix(run, "day", f"at most {cap:.0f} min", max_duration_min=max(cap, 1.0)))
    return fixes


def _easy_ok(runs: list[Slot]) -> bool:
    total = _minutes(runs)
    easy = sum(s.session.duration_min for s in runs if s.session.run_type in EASY_RUN_TYPES)
    return total <= 0 or easy >= limits.EASY_SHARE_MIN * total - EPS


def _hard_fixes(before: PlanView, after: PlanView, ctx: Context) -> list[Change]:
    """Shorten the week's last upcoming hard run to keep 80 % easy; too short, run it easy."""
    fixes = []
    for block in after.blocks:
        runs = block_runs(after, block)
        if _easy_ok(runs) or not _easy_ok(block_runs(before, block)):
            continue
        hard = [s for s in runs if s.session.run_type in HARD_RUN_TYPES]
        upcoming = [s for s in hard if s.session.date > ctx.today]
        if not upcoming:
            continue
        last = max(upcoming, key=lambda s: s.session.date)
        easy = _minutes(runs) - _minutes(hard)
        room = HARD_VS_EASY * easy - (_minutes(hard) - last.session.duration_min)
        cap = _round(room - 0.05, 0.1)
        if cap >= MIN_QUALITY_MIN:
            fixes.append(_fix(last, "hard", f"at most {cap:.0f} min", max_duration_min=cap))
        else:
            fixes.append(_fix(last, "hard", "run it easy", easy=True))
    return fixes


def _scale_block(
    runs: list[Slot], keep: float, ctx: Context, rule: str, *, skip: Callable[[Session], bool]
) -> list[Change]:
    """Caps that bring the upcoming runs of ``runs`` down so all of them total ``keep``."""
    upcoming = [s for s in runs if s.session.date > ctx.today and not skip(s.session)]
    fixed = _minutes(s for s in runs if s not in upcoming and not skip(s.session))
    room = _minutes(upcoming)
    if room <= 0 or fixed + room <= keep + EPS:
        return []
    factor = max((keep - fixed) / room, 0.0)
    out = []
    for slot in upcoming:
        cap = _round(slot.session.duration_min * factor, 0.1)
        out.append(_fix(slot, rule, f"at most {cap:.0f} min", max_duration_min=cap))
    return out


def _loads(view: PlanView) -> list[limits.WeekLoad]:
    """Each block's running minutes, phase and pain step-back, as ``limits`` counts them."""
    out: list[limits.WeekLoad] = []
    for block in view.blocks:
        runs = block_runs(view, block)
        out.append((_minutes(runs), block.phase, limits.stepped_back(s.session for s in runs)))
    return out


def _lighter_fixes(before: PlanView, after: PlanView, ctx: Context) -> list[Change]:
    """A lighter-week problem the cut made: the week that stopped being lighter runs 80 % of
    the week before it again (only problems the plan did not have before)."""
    old, new = _loads(before), _loads(after)
    had = set(limits.lighter_problems(old))
    was, now = limits.lighter_flags(old), limits.lighter_flags(new)
    for k, _text in limits.lighter_problems(new):
        if (k, _text) in had:
            continue
        lost = [j for j in range(max(k - limits.MAX_BLOCKS_WITHOUT_LIGHTER, 1), k + 1)]
        lost = [j for j in lost if was[j] and not now[j]] or [k]
        j = lost[-1]
        if after.blocks[j].phase == "taper":
            continue
        keep = limits.LIGHTER_RATIO * new[j - 1][0] - 0.05
        fixes = _scale_block(block_runs(after, after.blocks[j]), keep, ctx, "lighter", skip=_never)
        if fixes:
            return fixes
    return []


def _never(s: Session) -> bool:
    return False


def _taper_cut(view: PlanView) -> tuple[float, list[Block], float] | None:
    """(cut, taper blocks, reference minutes), as ``limits.check_taper`` measures them."""
    race, blocks = view.race_date, list(view.blocks)
    n = 1 if len(blocks) < limits.SHORT_PLAN_WEEKS else 2
    if race is None or len(blocks) < n + 1:
        return None
    taper = blocks[-n:]
    stepped = [limits.stepped_back(s.session for s in block_runs(view, b)) for b in blocks]
    off_race = [_off_race(view, b, race) for b in blocks]
    reference = limits.taper_reference(off_race, stepped, [b.phase for b in blocks], n)
    if reference <= 0:
        return None
    mean = sum(_off_race(view, b, race) for b in taper) / n
    return 1.0 - mean / reference, taper, reference


def _off_race(view: PlanView, block: Block, race: dt.date) -> float:
    return _minutes(
        s for s in block_runs(view, block) if s.session.date.weekday() != race.weekday()
    )


def _taper_fixes(before: PlanView, after: PlanView, ctx: Context) -> list[Change]:
    old, new = _taper_cut(before), _taper_cut(after)
    race = after.race_date
    if old is None or new is None or race is None:
        return []
    low = limits.TAPER_CUT_RANGE[0]
    if old[0] < low - EPS or new[0] >= low - EPS:
        return []
    _cut, taper, reference = new
    runs = [s for b in taper for s in block_runs(after, b)]
    keep = TAPER_KEEP_MAX * reference * len(taper) - 0.05

    def race_weekday(s: Session) -> bool:
        return s.date.weekday() == race.weekday()

    return _scale_block(runs, keep, ctx, "taper", skip=race_weekday)
