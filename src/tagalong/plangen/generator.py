"""generate_plan: a pure, deterministic training plan that obeys every rule in ``limits``.

The plan is laid out in 7-day blocks. With a race date the blocks end on race day (the first
block may begin before the start date); otherwise they begin on the start date. Phases come
from ``phases``, the long run from ``longrun``, quality sessions from ``quality``, the days
from ``days``, strength from ``strength``, walk–run from ``walkrun`` and every run's steps
from ``workouts``. Readiness and alternatives live in ``feasibility``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from tagalong.physiology import vdot as vd
from tagalong.plangen import days as daymod
from tagalong.plangen import feasibility, gates, ladder, limits, longrun, phases, strength
from tagalong.plangen.blocks import BlockState, continuous_block, lighter_block, taper_block
from tagalong.plangen.model import (
    RACE_DISTANCE_M,
    RACE_GOALS,
    RETURN_GOALS,
    WEEKDAYS,
    Phase,
    Plan,
    PlanInputError,
    PlanRequest,
    Reason,
    Session,
    Week,
)
from tagalong.plangen.paces import athlete_vdot, pace_table, plan_hr_zones
from tagalong.plangen.reasons import (
    POSTNATAL_GATE_WHY,
    REST_WHY,
    RETURN_GATE_WHY,
)
from tagalong.plangen.walkrun import walk_run_block
from tagalong.wording import Phrase, phrase_n

DEFAULT_WEEKS = 12
MIN_WEEKS, MAX_WEEKS = 4, 30
NOVICE_WEEKLY_KM = 8.0
NOVICE_LONGEST_KM = 3.0
NOVICE_CONTINUOUS_MIN = 20.0  # NHS Couch-to-5K week 5 ends with 20 minutes' running
RACE_PACE_BAND_S = 3.0


@dataclass(frozen=True, slots=True)
class Frame:
    """Dates and settings fixed for the whole plan."""

    request: PlanRequest
    vdot: float
    vdot_estimated: bool
    paces: dict[str, tuple[float, float]]
    first_block: dt.date
    blocks: int
    race_date: dt.date | None
    last_day: dt.date
    days: daymod.WeekDays
    running: bool
    first_run: dt.date
    start_level: int
    goal_long_km: float

    @property
    def easy_pace(self) -> float:
        fast, slow = self.paces["easy"]
        return (fast + slow) / 2.0

    def block_start(self, k: int) -> dt.date:
        return self.first_block + dt.timedelta(days=7 * k)


def generate_plan(request: PlanRequest) -> Plan:
    """A plan for ``request``; raises InfeasiblePlan (with a built alternative) when a coach
    using a published method would refuse, and PlanInputError for contradictory input."""
    plan = build_plan(request)
    if feasibility.is_ready(request, plan):
        return plan
    finish = feasibility.finish_instead(request, plan, build_plan)
    if finish is not None:
        return finish
    feasibility.check_ready(request, plan, build_plan)
    return plan


def build_plan(request: PlanRequest) -> Plan:
    frame = make_frame(request)
    weeks = _weeks(frame)
    plan = Plan(
        vdot=round(frame.vdot, 1),
        vdot_estimated=frame.vdot_estimated,
        paces=frame.paces,
        hr_zones=plan_hr_zones(request),
        weeks=weeks,
        race_date=frame.race_date,
        notes=feasibility.plan_notes(request, frame.vdot_estimated, frame.running, frame.easy_pace),
    )
    problems = limits.violations(plan, request)
    if problems:  # a generator bug, never the athlete's fault
        raise AssertionError("plan broke its own limits: " + "; ".join(problems[:5]))
    return plan


def plan_dates(request: PlanRequest) -> tuple[dt.date, int, dt.date | None]:
    goal = request.goal
    if goal.race_date is not None and goal.type in RACE_GOALS:
        days = (goal.race_date - request.start).days
        if days < 0:
            raise PlanInputError(
                "goal.race_date",
                Phrase(
                    "{race:%a %-d %b %Y} is before the plan start {start:%a %-d %b %Y}",
                    race=goal.race_date,
                    start=request.start,
                ),
            )
        blocks = days // 7 + 1
        if blocks < MIN_WEEKS:
            raise PlanInputError(
                "goal.race_date",
                Phrase(
                    "the race is {days} days after the start; a plan needs at least {weeks} weeks "
                    "(run it as a training effort, or pick a later race)",
                    days=days,
                    weeks=MIN_WEEKS,
                ),
            )
        if blocks > MAX_WEEKS:
            raise PlanInputError(
                "goal.race_date",
                Phrase(
                    "the race is {weeks} weeks away; plans cover at most {most} weeks (start an "
                    "endurance plan now and plan the race nearer the date)",
                    weeks=blocks,
                    most=MAX_WEEKS,
                ),
            )
        return goal.race_date - dt.timedelta(days=7 * blocks - 1), blocks, goal.race_date
    blocks = goal.weeks or DEFAULT_WEEKS
    race = request.start + dt.timedelta(days=7 * blocks - 1) if goal.type in RACE_GOALS else None
    return request.start, blocks, race


def make_frame(request: PlanRequest) -> Frame:
    first_block, blocks, race = plan_dates(request)
    vdot, estimated = athlete_vdot(request)
    paces = dict(pace_table(vdot))
    if request.goal.type in RACE_GOALS:
        distance = RACE_DISTANCE_M[request.goal.type]
        pace = vd.predict_race_time(vdot, distance) / (distance / 1000.0)
        paces["race"] = (round(pace - RACE_PACE_BAND_S, 1), round(pace + RACE_PACE_BAND_S, 1))
    goal = request.goal.type
    running = gates.running_allowed(request)
    start_level = ladder.placement(request.tests, returning=goal in RETURN_GOALS)
    strength_min = strength.planned_minutes(start_level, gates.needs_hip_work(request))
    wanted_runs = 3 if goal in RETURN_GOALS else max(request.current.runs_per_week, 3)
    week_days = daymod.choose_days(
        request,
        wanted_runs=min(wanted_runs, daymod.MAX_RUNS_PER_WEEK),
        running=True,
        quality_wanted=goal not in RETURN_GOALS,
        strength_minutes=strength_min,
        long_minutes=_long_minutes_wanted(request, paces),
    )
    if running and not week_days.run_days:
        raise PlanInputError(
            "availability.minutes",
            Phrase(
                "no day has room for a run as well as the calf strength session; allow "
                "{minutes:.0f} minutes on one day or add a day",
                minutes=daymod.MIN_RUN_MINUTES + strength_min,
            ),
        )
    roomy = sum(1 for m in request.availability.minutes.values() if m >= strength_min)
    if len(week_days.strength_days) < min(2, roomy) or not week_days.strength_days:
        raise PlanInputError(
            "availability.minutes",
            Phrase(
                "calf strength twice a week needs {minutes:.0f} minutes on two days (plus "
                "{run:.0f} for a run on a run day); allow more minutes",
                minutes=strength_min,
                run=daymod.SHORT_RUN_MINUTES,
            ),
        )
    frame_paces = paces
    easy = sum(paces["easy"]) / 2.0
    return Frame(
        request=request,
        vdot=vdot,
        vdot_estimated=estimated,
        paces=frame_paces,
        first_block=first_block,
        blocks=blocks,
        race_date=race,
        last_day=race if race is not None else first_block + dt.timedelta(days=7 * blocks - 1),
        days=week_days,
        running=running,
        first_run=gates.first_run_date(request),
        start_level=start_level,
        goal_long_km=longrun.goal_long_km(request, easy),
    )


def _long_minutes_wanted(request: PlanRequest, paces: dict[str, tuple[float, float]]) -> float:
    easy = sum(paces["easy"]) / 2.0
    return min(longrun.goal_long_km(request, easy) * easy / 60.0, longrun.long_cap_min(request))


def run_dates(frame: Frame, block_start: dt.date) -> list[dt.date]:
    earliest = max(frame.request.start, frame.first_run)
    out = []
    for offset in range(7):
        date = block_start + dt.timedelta(days=offset)
        if date.weekday() in frame.days.run_days and earliest <= date < frame.last_day:
            out.append(date)
    return out


def _initial_state(frame: Frame) -> BlockState:
    current = frame.request.current
    runs = max(len(frame.days.run_days), 1)
    continuous_min = current.longest_run_km_30d * frame.easy_pace / 60.0
    short = current.longest_run_km_30d < NOVICE_LONGEST_KM
    short = short and continuous_min < NOVICE_CONTINUOUS_MIN
    novice = current.weekly_km < NOVICE_WEEKLY_KM or short
    if frame.request.goal.type in RETURN_GOALS or novice:
        return BlockState(target_minutes=0.0, walk_run_stage=0)
    minutes = current.weekly_km * frame.easy_pace / 60.0
    return BlockState(target_minutes=max(minutes, 20.0 * runs), walk_run_stage=None)


def _weeks(frame: Frame) -> tuple[Week, ...]:
    state = _initial_state(frame)
    history: list[Session] = []
    blocks: list[tuple[Session, ...]] = []
    labels: list[Phase] = []
    taper_n = phases.taper_weeks(frame.blocks, frame.race_date is not None)
    taper_from = frame.blocks - taper_n
    for k in range(frame.blocks):
        start = frame.block_start(k)
        dates = run_dates(frame, start)
        phase: Phase = phases.loading_phase(k, frame.blocks, frame.race_date is not None)
        if k >= taper_from:
            runs = taper_block(frame, k, taper_n, blocks)
        elif not frame.running or not dates:
            runs = ()
            phase = "return" if frame.request.goal.type in RETURN_GOALS else phase
        else:
            state.running_weeks += 1
            if phases.is_lighter(state.running_weeks) and blocks and blocks[-1]:
                runs, phase = lighter_block(frame, blocks[-1]), "recovery"
            elif state.walk_run_stage is not None:
                runs = walk_run_block(frame, dates, state, history)
                if frame.request.goal.type in RETURN_GOALS:
                    phase = "return"
            else:
                # the last loading week before the taper (a lighter week may sit between)
                final = k == taper_from - 1 or (
                    k == taper_from - 2 and phases.is_lighter(state.running_weeks + 1)
                )
                runs = continuous_block(frame, k, phase, dates, state, history, final)
        history.extend(runs)
        blocks.append(runs)
        labels.append(phase)
    _add_cadence(frame, blocks)
    return tuple(
        Week(
            index=k,
            phase=labels[k],
            start=frame.block_start(k),
            sessions=_assemble(frame, frame.block_start(k), runs),
            why=_week_why(labels[k], runs),
        )
        for k, runs in enumerate(blocks)
    )


def _week_why(phase: Phase, runs: tuple[Session, ...]) -> tuple[Reason, ...]:
    why = [phases.PHASE_WHY[phase]]
    training = [s for s in runs if s.run_type != "race"]
    if training:
        minutes = sum(s.duration_min for s in training)
        km = sum(s.distance_km or 0.0 for s in training)
        longest = max(s.distance_km or 0.0 for s in training)
        why.append(
            Reason(
                phrase_n(
                    "{count} run, {minutes:.0f} min, about {km:.0f} km; longest {longest:.1f} km.",
                    "{count} runs, {minutes:.0f} min, about {km:.0f} km; longest {longest:.1f} km.",
                    len(training),
                    minutes=minutes,
                    km=km,
                    longest=longest,
                ),
                ("load.single_run_spike.frandsen_2025", "periodisation.plan.easy_share"),
            )
        )
    return tuple(why)


def _add_cadence(frame: Frame, run_blocks: list[tuple[Session, ...]]) -> None:
    if not gates.needs_cadence_step(frame.request):
        return
    for k, runs in enumerate(run_blocks):
        easy = [i for i, s in enumerate(runs) if s.run_type in ("easy", "long", "recovery")]
        if not easy or any(ladder.CADENCE_DRILL in s.exercises for s in runs):
            continue
        i = easy[0]
        s = runs[i]
        drilled = replace(
            s, exercises=(*s.exercises, ladder.CADENCE_DRILL), why=(*s.why, ladder.CADENCE_REASON)
        )
        run_blocks[k] = (*runs[:i], drilled, *runs[i + 1 :])


def _assemble(frame: Frame, block_start: dt.date, runs: tuple[Session, ...]) -> tuple[Session, ...]:
    request = frame.request
    by_date: dict[dt.date, list[Session]] = {}
    for s in runs:
        by_date.setdefault(s.date, []).append(s)
    first_strength = _first_strength_date(frame)
    minutes = daymod.day_minutes(request)
    for offset in range(7):
        date = block_start + dt.timedelta(days=offset)
        if date < request.start or date > frame.last_day:
            continue
        day = date.weekday()
        has_run = bool(by_date.get(date))
        eve = frame.race_date is not None and date >= frame.race_date - dt.timedelta(days=1)
        if not eve:
            extras: list[Session] = []
            if day in frame.days.strength_days:
                ran = sum(s.duration_min for s in by_date.get(date, []))
                extras.append(
                    strength.strength_session(
                        request,
                        date,
                        first_strength,
                        frame.start_level,
                        after_run=has_run,
                        room=minutes[day] - ran,
                    )
                )
            room = minutes[day] - sum(s.duration_min for s in extras)
            if not frame.running and day in frame.days.run_days and room >= 10:
                extras.append(strength.cross_session(request, date, room))
            if day == frame.days.mobility_day and strength.wants_mobility(request):
                extras.append(strength.mobility_session(request, date))
            by_date.setdefault(date, []).extend(extras)
        if not by_date.get(date):
            by_date[date] = [Session(date=date, kind="rest", why=(REST_WHY,))]
    return tuple(s for d in sorted(by_date) for s in by_date[d])


def _first_strength_date(frame: Frame) -> dt.date:
    for offset in range(7):
        date = frame.request.start + dt.timedelta(days=offset)
        if date.weekday() in frame.days.strength_days:
            return date
    return frame.request.start


__all__ = [
    "MAX_WEEKS",
    "MIN_WEEKS",
    "POSTNATAL_GATE_WHY",
    "RETURN_GATE_WHY",
    "WEEKDAYS",
    "build_plan",
    "generate_plan",
]
