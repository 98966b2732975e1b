"""Hard limits every generated plan obeys; each checker returns its violations (empty = ok).

Definitions the checkers share:

* Running time is the sum of ``duration_min`` of run sessions in a 7-day block. Races are
  left out of every volume check: a race is the goal, not training load to be shaped.
* Hard running is the time in a run's work steps faster than easy pace (or at effort 7+);
  warm-ups, cool-downs and jogs are easy. A tempo or interval session without steps counts
  as hard for its whole duration (conservative).
* The long run's share of the week is guidance, not a limit (it grows as run days fall,
  periodisation.plan.long_run_share); its time cap is 150 min unless the coach raises it.
* Every run with steps has steps that add up to its minutes (within 0.1 min).
* Single-run spike: distance against the longest run in the 30 days before it, counting
  planned runs and the athlete's ``longest_run_km_30d`` (taken as run the day before the plan
  starts), with a floor of 2 km so that a walk–run start is not blocked by a zero history.
* Lighter weeks: a block is lighter when its running time is at most 80 % of the block before.
  No more than three blocks in a row may be not lighter; blocks without running and taper
  blocks reset the count. A block labelled ``recovery`` runs 70–80 % of the block before.
  A block stepped back for pain (a run carrying rehab.pain_monitoring.plan_adaptation) is an
  unplanned lighter week: it counts as lighter, and a ``recovery`` block right after it counts
  as lighter too without the 70–80 % comparison, since its reference week was cut.
* Taper (race goals): the last two blocks (one for plans under six weeks) run on average
  41–60 % less than the larger of the two blocks before the taper. The race's weekday is left
  out of every block in this comparison, since on race day the race replaces training. A block
  stepped back for pain is no reference: the last loading block before it stands in.
* Rest days: each full block keeps a day without running or strength work; race day is
  neither (like the availability check, races are exempt: their date is fixed).
* Full blocks are blocks whose seven days all lie between the plan start and its last day.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Sequence

from tagalong.plangen import gates
from tagalong.plangen.ladder import CADENCE_DRILL, HIP_SLUGS, placement
from tagalong.plangen.longrun import LONG_CAP_MIN, long_cap_min
from tagalong.plangen.model import (
    EASY_RUN_TYPES,
    HARD_RUN_TYPES,
    RACE_GOALS,
    RETURN_GOALS,
    Plan,
    PlanRequest,
    Session,
    Week,
)
from tagalong.plangen.workouts import hard_seconds
from tagalong.wording import Phrase

EASY_SHARE_MIN = 0.80
LONG_SHARE_MAX = 0.30
LONG_RUN_MAX_MIN = LONG_CAP_MIN
SPIKE_MAX_RATIO = 1.10
SPIKE_WINDOW_DAYS = 30
SPIKE_FLOOR_KM = 2.0
LIGHTER_RATIO = 0.80
RECOVERY_RATIO_RANGE = (0.70, 0.80)
MAX_BLOCKS_WITHOUT_LIGHTER = 3
TAPER_CUT_RANGE = (0.41, 0.60)
SHORT_PLAN_WEEKS = 6
STRENGTH_PER_WEEK = (2, 3)
RETURN_NO_CONSECUTIVE_DAYS = 28
STEP_BACK_EVIDENCE = "rehab.pain_monitoring.plan_adaptation"
_EPS = 1e-6

Checker = Callable[[Plan, PlanRequest], list[str]]


def _last_day(plan: Plan) -> dt.date:
    if plan.race_date is not None:
        return plan.race_date
    return plan.weeks[-1].start + dt.timedelta(days=6)


def full_weeks(plan: Plan, request: PlanRequest) -> Iterable[Week]:
    last = _last_day(plan)
    for week in plan.weeks:
        if week.start >= request.start and week.start + dt.timedelta(days=6) <= last:
            yield week


def hard_minutes(s: Session, easy_fast_s: float) -> float:
    if s.workout is not None and s.run_type not in ("race",):
        return hard_seconds(s.workout, easy_fast_s) / 60.0
    return 0.0 if s.run_type in EASY_RUN_TYPES else s.duration_min


def check_easy_share(plan: Plan, request: PlanRequest) -> list[str]:
    out: list[str] = []
    easy_fast = plan.paces.get("easy", (0.0, 0.0))[0]
    for week in plan.weeks:
        total = week.running_minutes()
        hard = sum(hard_minutes(s, easy_fast) for s in week.runs())
        if total > 0 and total - hard < EASY_SHARE_MIN * total - _EPS:
            out.append(
                Phrase(
                    "week {week}: easy share {share:.0%} < 80 %",
                    week=week.index,
                    share=1 - hard / total,
                )
            )
    return out


def check_long_run_share(plan: Plan, request: PlanRequest) -> list[str]:
    """The long-run time cap (the share of the week is guidance only, see module docstring)."""
    cap = long_cap_min(request)
    return [
        Phrase(
            "{day}: long run {minutes} min > {cap:.0f} min",
            day=s.date,
            minutes=s.duration_min,
            cap=cap,
        )
        for s in plan.sessions()
        if s.run_type == "long" and s.duration_min > cap + _EPS
    ]


def check_workouts(plan: Plan, request: PlanRequest) -> list[str]:
    out: list[str] = []
    for s in plan.sessions():
        if s.is_run and s.workout is not None and s.run_type != "race":
            minutes = s.workout.total_seconds() / 60.0
            if abs(minutes - s.duration_min) > 0.1:
                out.append(
                    Phrase(
                        "{day}: steps add up to {steps:.1f} min, not {minutes}",
                        day=s.date,
                        steps=minutes,
                        minutes=s.duration_min,
                    )
                )
    return out


def check_single_run_spike(plan: Plan, request: PlanRequest) -> list[str]:
    runs = sorted((s for s in plan.sessions() if s.is_run), key=lambda s: s.date)
    history: list[tuple[dt.date, float]] = [
        (request.start - dt.timedelta(days=1), request.current.longest_run_km_30d)
    ]
    out: list[str] = []
    for s in runs:
        km = s.distance_km or 0.0
        window_start = s.date - dt.timedelta(days=SPIKE_WINDOW_DAYS)
        recent = [d for day, d in history if window_start <= day < s.date]
        reference = max([SPIKE_FLOOR_KM, *recent])
        if s.run_type != "race" and km > SPIKE_MAX_RATIO * reference + _EPS:
            out.append(
                Phrase(
                    "{day}: {km:.2f} km > 110 % of the 30-day longest {longest:.2f} km",
                    day=s.date,
                    km=km,
                    longest=reference,
                )
            )
        history.append((s.date, km))
    return out


def stepped_back(sessions: Iterable[Session]) -> bool:
    """Whether a block's runs were stepped back for pain (an unplanned lighter week)."""
    return any(STEP_BACK_EVIDENCE in r.evidence for s in sessions if s.is_run for r in s.why)


WeekLoad = tuple[float, str, bool]  # running minutes, phase, stepped back for pain


def recovery_ratio_applies(loads: Sequence[WeekLoad], k: int) -> bool:
    """Whether block ``k`` must run 70–80 % of the block before (see module docstring)."""
    _minutes, phase, stepped = loads[k]
    if phase != "recovery" or k == 0:
        return False
    return bool(loads[k - 1][0]) and not stepped and not loads[k - 1][2]


def lighter_flags(loads: Sequence[WeekLoad]) -> list[bool]:
    """Whether each block counts as lighter (see module docstring)."""
    out = []
    for k, (minutes, phase, stepped) in enumerate(loads):
        after_step = k > 0 and loads[k - 1][2]
        ratio = k > 0 and minutes <= LIGHTER_RATIO * loads[k - 1][0] + _EPS
        out.append(stepped or (after_step and phase == "recovery") or ratio)
    return out


def week_loads(plan: Plan) -> list[WeekLoad]:
    return [(w.running_minutes(), w.phase, stepped_back(w.runs())) for w in plan.weeks]


def lighter_problems(loads: Sequence[WeekLoad]) -> list[tuple[int, str]]:
    """(block, problem) for each block that breaks the lighter-week rule (module docstring)."""
    out: list[tuple[int, str]] = []
    streak = 0
    flags = lighter_flags(loads)
    for k, (minutes, phase, _stepped) in enumerate(loads):
        if recovery_ratio_applies(loads, k):
            ratio = minutes / loads[k - 1][0]
            low, high = RECOVERY_RATIO_RANGE
            if not low - _EPS <= ratio <= high + _EPS:
                out.append(
                    (k, Phrase("recovery week at {ratio:.0%} of the week before", ratio=ratio))
                )
        if minutes <= 0 or phase == "taper" or flags[k]:
            streak = 0
        else:
            streak += 1
            if streak > MAX_BLOCKS_WITHOUT_LIGHTER:
                out.append((k, Phrase("no lighter week in the last 4 weeks")))
    return out


def check_lighter_weeks(plan: Plan, request: PlanRequest) -> list[str]:
    return [
        Phrase("week {week}: {problem}", week=plan.weeks[k].index, problem=text)
        for k, text in lighter_problems(week_loads(plan))
    ]


def taper_blocks(plan: Plan) -> int:
    return 1 if len(plan.weeks) < SHORT_PLAN_WEEKS else 2


def minutes_off_race_weekday(week: Week, race_date: dt.date) -> float:
    """Running minutes of a block, leaving out the race's weekday (taper like for like)."""
    return sum(s.duration_min for s in week.runs() if s.date.weekday() != race_date.weekday())


def taper_reference(
    minutes: Sequence[float], stepped: Sequence[bool], phases: Sequence[str], n: int
) -> float:
    """The minutes a taper of ``n`` blocks is measured against (see module docstring)."""
    count = len(minutes)
    before = range(count - n - 2, count - n) if count >= n + 2 else range(count - n - 1, count - n)
    kept = []
    for i in before:
        j = i
        # a block stepped back for pain: the last loading block before it stands in
        while j > 0 and (stepped[j] or (j != i and phases[j] == "recovery")):
            j -= 1
        kept.append(minutes[j])
    return max(kept)


def check_taper(plan: Plan, request: PlanRequest) -> list[str]:
    if request.goal.type not in RACE_GOALS:
        return []
    n = taper_blocks(plan)
    weeks = plan.weeks
    race = plan.race_date
    if race is None or len(weeks) < n + 1:
        return ["race plan without a race date or without weeks before the taper"]
    taper = weeks[-n:]
    off_race = [minutes_off_race_weekday(w, race) for w in weeks]
    stepped = [stepped_back(w.runs()) for w in weeks]
    reference = taper_reference(off_race, stepped, [w.phase for w in weeks], n)
    out: list[str] = [
        Phrase("week {week}: taper week labelled {phase}", week=w.index, phase=w.phase)
        for w in taper
        if w.phase != "taper"
    ]
    if reference <= 0:  # every run falls on the race's weekday: nothing to compare like for like
        return out
    mean = sum(minutes_off_race_weekday(w, race) for w in taper) / n
    cut = 1.0 - mean / reference
    low, high = TAPER_CUT_RANGE
    if not low - _EPS <= cut <= high + _EPS:
        out.append(Phrase("taper cuts volume by {cut:.0%}, outside 41–60 %", cut=cut))
    return out


def _is_calf_session(s: Session) -> bool:
    return s.kind == "strength" and s.ladder_level is not None


def _days_with_room(request: PlanRequest, calf: list[Session]) -> int:
    """Days whose minutes can hold the plan's first calf session (a lower bound for 2)."""
    first = min(calf, key=lambda s: s.date).duration_min if calf else 0.0
    return sum(1 for m in request.availability.minutes.values() if m >= first > 0)


def check_calf_strength(plan: Plan, request: PlanRequest) -> list[str]:
    out: list[str] = []
    hard_days = {s.date for s in plan.sessions() if s.is_run and s.run_type in HARD_RUN_TYPES}
    calf = [s for s in plan.sessions() if _is_calf_session(s)]
    for s in calf:
        if s.date + dt.timedelta(days=1) in hard_days:
            out.append(Phrase("{day}: calf strength the day before a hard run", day=s.date))
    for week in full_weeks(plan, request):
        count = sum(1 for s in week.sessions if _is_calf_session(s))
        low, high = STRENGTH_PER_WEEK
        low = min(low, _days_with_room(request, calf))
        if plan.race_date is not None and week.start <= plan.race_date <= week.start + dt.timedelta(
            days=6
        ):
            low = 0  # race week keeps the race's eve and day free of strength
        if not low <= count <= high:
            out.append(
                Phrase(
                    "week {week}: {count} calf strength sessions, not 2–3",
                    week=week.index,
                    count=count,
                )
            )
    expected = placement(request.tests, returning=request.goal.type in RETURN_GOALS)
    if calf and min(calf, key=lambda s: s.date).ladder_level != expected:
        out.append(Phrase("calf ladder does not start at the tested step {step}", step=expected))
    return out


def check_hip_work(plan: Plan, request: PlanRequest) -> list[str]:
    if not gates.needs_hip_work(request):
        return []
    return [
        Phrase("week {week}: hip/glute/hamstring work missing", week=w.index)
        for w in full_weeks(plan, request)
        if not any(e.slug in HIP_SLUGS for s in w.sessions for e in s.exercises)
        and not _race_week(plan, w)
    ]


def _race_week(plan: Plan, week: Week) -> bool:
    race = plan.race_date
    return race is not None and week.start <= race <= week.start + dt.timedelta(days=6)


def check_cadence_step(plan: Plan, request: PlanRequest) -> list[str]:
    if not gates.needs_cadence_step(request):
        return []
    out: list[str] = []
    for week in full_weeks(plan, request):
        easy = [s for s in week.runs() if s.run_type in ("easy", "long", "recovery")]
        drill = any(e.slug == CADENCE_DRILL.slug for s in easy for e in s.exercises)
        if easy and not drill:
            out.append(Phrase("week {week}: cadence step missing", week=week.index))
    return out


def check_rest_days(plan: Plan, request: PlanRequest) -> list[str]:
    out: list[str] = []
    for week in full_weeks(plan, request):
        busy = {
            s.date
            for s in week.sessions
            if s.kind == "strength" or s.run_type not in (None, "race")
        }
        if len(busy) >= 7:
            out.append(Phrase("week {week}: no rest day", week=week.index))
    return out


def check_availability(plan: Plan, request: PlanRequest) -> list[str]:
    minutes = request.availability.minutes
    used: dict[dt.date, float] = {}
    out: list[str] = []
    for s in plan.sessions():
        if s.kind == "rest" or s.run_type == "race":
            continue
        day = _weekday(s.date)
        if minutes.get(day, 0) <= 0:  # type: ignore[call-overload]
            out.append(
                Phrase(
                    "{day}: {kind} on an unavailable day ({weekday})",
                    day=s.date,
                    kind=s.kind,
                    weekday=day,
                )
            )
        used[s.date] = used.get(s.date, 0.0) + s.duration_min
    for date, total in used.items():
        limit = minutes.get(_weekday(date), 0)  # type: ignore[call-overload]
        if total > limit + _EPS:
            out.append(
                Phrase(
                    "{day}: {total:.0f} min planned, {limit} available",
                    day=date,
                    total=total,
                    limit=limit,
                )
            )
    return out


def _weekday(date: dt.date) -> str:
    return ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[date.weekday()]


def check_return_gate(plan: Plan, request: PlanRequest) -> list[str]:
    if request.goal.type not in RETURN_GOALS:
        return []
    runs = sorted((s for s in plan.sessions() if s.is_run), key=lambda s: s.date)
    if not gates.running_allowed(request):
        return [Phrase("running planned before the return-to-run criteria are met")] if runs else []
    if not runs:
        return []
    out: list[str] = []
    first = runs[0].date
    if runs[0].run_type != "walk_run":
        out.append(Phrase("return to running does not start with walk–run"))
    if first < gates.first_run_date(request):
        out.append(Phrase("{day}: running before the postnatal block ends", day=first))
    early = [s.date for s in runs if (s.date - first).days < RETURN_NO_CONSECUTIVE_DAYS]
    for a, b in itertools.pairwise(early):
        if (b - a).days <= 1:
            out.append(Phrase("{day}: running on consecutive days early in the return", day=b))
    return out


def check_why(plan: Plan, request: PlanRequest) -> list[str]:
    return [
        Phrase("{day} {kind}: no reason with evidence", day=s.date, kind=s.kind)
        for s in plan.sessions()
        if not s.why or any(not r.evidence or not r.text for r in s.why)
    ]


CHECKERS: tuple[Checker, ...] = (
    check_easy_share,
    check_long_run_share,
    check_single_run_spike,
    check_lighter_weeks,
    check_taper,
    check_calf_strength,
    check_hip_work,
    check_cadence_step,
    check_rest_days,
    check_availability,
    check_workouts,
    check_return_gate,
    check_why,
)


def violations(plan: Plan, request: PlanRequest) -> list[str]:
    return [v for checker in CHECKERS for v in checker(plan, request)]
