"""The limit-keeping repairs after a change: each finds what a cut broke and caps it again.

Shortening a run can break a limit elsewhere, and each repair fixes only a limit that held
before the change, and only from tomorrow on:

* spike (load.single_run_spike.frandsen_2025): a later run now over 10 % of the shortened
  longest run is capped, in date order;
* day (periodisation.plan.calf_strength_frequency): a run sharing its day with a longer
  strength step gives way to it;
* hard (periodisation.plan.easy_share): the week's last hard run is shortened, or run easy, so
  the shortened week stays 80 % easy;
* lighter (periodisation.deload.convention): a lighter week stays lighter than the shortened
  week before it;
* taper (periodisation.taper.bosquet_2007): the taper stays at least 41 % below the weeks
  before it.

A week stepped back for pain is itself a lighter week and no taper reference (see ``limits``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable

from tagalong.plangen import limits
from tagalong.plangen.adapt_change import (
    EPS,
    WEEKDAY_KEYS,
    change_session,
    round_down,
    session_change,
    with_sessions,
)
from tagalong.plangen.adapt_model import Block, Change, Context, PlanView, Slot
from tagalong.plangen.adapt_spike_refs import reference_of, runs_by_date, spike_ok, spike_references
from tagalong.plangen.model import EASY_RUN_TYPES, HARD_RUN_TYPES, Reason, Session
from tagalong.wording import Phrase

MIN_QUALITY_MIN = 30.0
HARD_VS_EASY = (1.0 - limits.EASY_SHARE_MIN) / limits.EASY_SHARE_MIN
TAPER_KEEP_MAX = 1.0 - limits.TAPER_CUT_RANGE[0]
LIMIT_REASON = {
    "spike": Reason(
        Phrase(
            "Kept within 10 % of the longest run of the 30 days before, after the change above."
        ),
        ("load.single_run_spike.frandsen_2025",),
    ),
    "day": Reason(
        Phrase("Shorter, so that the day's sessions fit the minutes you have."),
        ("periodisation.plan.calf_strength_frequency",),
    ),
    "hard": Reason(
        Phrase("Shorter or easy, so that the shortened week stays at least 80 % easy."),
        ("periodisation.plan.easy_share",),
    ),
    "lighter": Reason(
        Phrase("Kept this lighter week lighter than the shortened week before it."),
        ("periodisation.deload.convention",),
    ),
    "taper": Reason(
        Phrase("Kept the taper at least 41 % below the shortened weeks before it."),
        ("periodisation.taper.bosquet_2007",),
    ),
}


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
        text=session_change(s, text),
        reason=LIMIT_REASON[rule],
        max_duration_min=max_duration_min,
        max_distance_km=max_distance_km,
        easy=easy,
    )


def _at_most_min(minutes: float) -> str:
    return Phrase("at most {minutes:.0f} min", minutes=minutes)


def spike_pass(before: PlanView, after: PlanView, ctx: Context) -> tuple[PlanView, list[Change]]:
    """Cap, in date order, the runs that became spikes (later runs see the capped ones)."""
    held = {ref for ref, r in spike_references(before).items() if spike_ok(_of(before, ref), r)}
    history: list[tuple[dt.date, float]] = [
        (after.start - dt.timedelta(days=1), after.longest_before_km)
    ]
    sessions = {slot.ref: slot.session for slot in after.slots}
    fixes = []
    for slot in runs_by_date(after):
        s = sessions[slot.ref]
        reference = reference_of(history, s.date)
        if s.date > ctx.today and slot.ref in held and not spike_ok(s, reference):
            km = round_down(limits.SPIKE_MAX_RATIO * reference, 0.01)
            most = Phrase("at most {km:.2f} km", km=km)
            fix = _fix(Slot(slot.ref, s), "spike", most, max_distance_km=km)
            capped = change_session(s, fix, ctx, ()) or s
            if capped != s:
                s = sessions[slot.ref] = capped
                fixes.append(fix)
        history.append((s.date, s.distance_km or 0.0))
    return with_sessions(after, sessions), fixes


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


def day_fixes(before: PlanView, after: PlanView, ctx: Context) -> list[Change]:
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
        fixes.append(_fix(run, "day", _at_most_min(cap), max_duration_min=max(cap, 1.0)))
    return fixes


def _easy_ok(runs: list[Slot]) -> bool:
    total = _minutes(runs)
    easy = sum(s.session.duration_min for s in runs if s.session.run_type in EASY_RUN_TYPES)
    return total <= 0 or easy >= limits.EASY_SHARE_MIN * total - EPS


def hard_fixes(before: PlanView, after: PlanView, ctx: Context) -> list[Change]:
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
        cap = round_down(room - 0.05, 0.1)
        if cap >= MIN_QUALITY_MIN:
            fixes.append(_fix(last, "hard", _at_most_min(cap), max_duration_min=cap))
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
        cap = round_down(slot.session.duration_min * factor, 0.1)
        out.append(_fix(slot, rule, _at_most_min(cap), max_duration_min=cap))
    return out


def _loads(view: PlanView) -> list[limits.WeekLoad]:
    """Each block's running minutes, phase and pain step-back, as ``limits`` counts them."""
    out: list[limits.WeekLoad] = []
    for block in view.blocks:
        runs = block_runs(view, block)
        out.append((_minutes(runs), block.phase, limits.stepped_back(s.session for s in runs)))
    return out


def lighter_fixes(before: PlanView, after: PlanView, ctx: Context) -> list[Change]:
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


def taper_fixes(before: PlanView, after: PlanView, ctx: Context) -> list[Change]:
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
