"""One 7-day block of running: a loading week, a lighter week, or a taper week.

A loading week grows running time by up to 8 % (well under Nielsen's 30 %-over-2-weeks
flag, periodisation.weekly_progression.nielsen_2014), puts the long run from ``longrun`` on
the long day and the phase's quality session from ``quality`` on the quality day, and shares
the rest out as easy runs no longer than the long run. Every run is then held to the
single-run spike rule against the longest run of the 30 days before its week, planned runs
included, so a week's runs never step up one after another
(load.single_run_spike.frandsen_2025). Lighter and taper weeks replay a loading
week shorter, with each session rebuilt at its new length so its steps still add up.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tagalong.plangen import limits, longrun, quality, workouts
from tagalong.plangen.model import HARD_RUN_TYPES, RACE_DISTANCE_M, Phase, Reason, RunType, Session
from tagalong.plangen.paces import RUN_TYPE_HR_ZONE
from tagalong.plangen.reasons import (
    DELOAD_WHY,
    EASY_WHY,
    LONG_WHY,
    RACE_WHY,
    SPIKE_WHY,
    STRIDES_WHY,
    TAPER_WHY,
    WALK_BREAK_WHY,
    steps_why,
)
from tagalong.plangen.steps import Workout, work_seconds
from tagalong.plangen.walkrun import lighter_walk_run, spike_reference

if TYPE_CHECKING:
    from tagalong.plangen.generator import Frame

GROWTH = 1.08
PEAK_WEEK_MINUTES = {
    "5k": 330.0,
    "10k": 390.0,
    "half": 450.0,
    "marathon": 560.0,
    "endurance": 390.0,
    "return_to_run": 240.0,
    "postnatal": 240.0,
}
EASY_MIN = 20
LONG_MIN = 12  # a long run held short by the spike rule still leads the week and grows
EASY_MAX = 80  # an easy day longer than this is a second long run
EASY_SHARE_OF_LONG = 0.75
TAPER_FIRST = 0.65  # periodisation.taper.bosquet_2007: ≈ 50 % average cut, falling
TAPER_RACE_WEEK = 0.35
TAPER_SINGLE = 0.50
LIGHTER = 0.75
SPIKE_MARGIN = 0.999


@dataclass(slots=True)
class BlockState:
    """Running state carried from block to block."""

    target_minutes: float  # weekly running minutes
    walk_run_stage: int | None  # None once running is continuous
    running_weeks: int = 0
    continuous_weeks: int = 0


def run_session(
    frame: Frame, date: dt.date, run_type: RunType, workout: Workout, why: tuple[Reason, ...]
) -> Session:
    pace_key = {"tempo": "tempo", "intervals": "intervals"}.get(run_type, run_type)
    target = frame.paces.get(pace_key, frame.paces["easy"])
    text = steps_why(workout, why[0].evidence)
    return Session(
        date=date,
        kind="run",
        run_type=run_type,
        duration_min=round(workout.total_seconds() / 60.0, 1),
        distance_km=round(workouts.workout_km(workout, frame.easy_pace), 2),
        target_pace_s_per_km=target,
        hr_zone=RUN_TYPE_HR_ZONE.get(run_type),
        why=(text, *why, SPIKE_WHY),
        workout=workout,
    )


def _minutes_for_km(frame: Frame, km: float) -> int:
    """Whole minutes of the long run that cover at most ``km`` (walk breaks cover less)."""
    hour_km = workouts.workout_km(_long_workout(frame, 60), frame.easy_pace)
    return math.floor(km * 60.0 / hour_km) if hour_km > 0 else 0


def _long_workout(frame: Frame, minutes: int) -> Workout:
    if frame.request.goal.walk_breaks:
        return workouts.walk_breaks(frame.paces, minutes)
    return workouts.steady(frame.paces, minutes, "long")


def continuous_block(
    frame: Frame,
    k: int,
    phase: Phase,
    dates: list[dt.date],
    state: BlockState,
    history: list[Session],
    final_block: bool,
) -> tuple[Session, ...]:
    days = frame.days
    cap = min(PEAK_WEEK_MINUTES[frame.request.goal.type], sum(days.run_capacity.values()))
    if state.continuous_weeks > 0:
        state.target_minutes *= GROWTH
    state.continuous_weeks += 1
    state.target_minutes = min(state.target_minutes, cap)
    total = state.target_minutes
    plan: dict[dt.date, tuple[RunType, Workout, tuple[Reason, ...]]] = {}
    long_min = 0
    long_date = next((d for d in dates if d.weekday() == days.long_day), None)
    if long_date is not None:
        room = min(days.run_capacity[long_date.weekday()], longrun.long_cap_min(frame.request))
        reference = spike_reference(frame, long_date, history)
        km = longrun.next_long_km(reference, frame.goal_long_km, room * 60 / frame.easy_pace)
        long_min = min(_minutes_for_km(frame, km * SPIKE_MARGIN), math.floor(room))
        if long_min >= LONG_MIN:
            why = (LONG_WHY, WALK_BREAK_WHY) if frame.request.goal.walk_breaks else (LONG_WHY,)
            plan[long_date] = ("long", _long_workout(frame, long_min), why)
    goal = frame.request.goal.type
    # the last block (peak, or the week before the taper) wants race-specific work
    specific = frame.race_date is not None and goal in quality.RACE_SPECIFIC
    specific = specific and (phase == "peak" or final_block)
    quality_date = next((d for d in dates if d.weekday() == days.quality_day), None)
    if quality_date is not None and state.continuous_weeks > 1:
        kind = quality.session_kind(frame.request.goal.type, phase, k, final_block)
        room = days.run_capacity[quality_date.weekday()]
        found = None if kind is None else quality.plan_quality(kind, frame.paces, total, room)
        if found is not None:
            plan[quality_date] = (found.run_type, found.workout, (found.why,))
        elif room >= EASY_MIN + 5:
            easy = int(min(room, max(EASY_MIN + 5, total / max(len(dates), 1))))
            plan[quality_date] = ("easy", workouts.strides(frame.paces, easy), (STRIDES_WHY,))
    used = sum(w.total_seconds() / 60 for _, w, _ in plan.values())
    rest = [d for d in dates if d not in plan]
    left = max(total - used, 0.0)
    ceiling = min(EASY_SHARE_OF_LONG * long_min, EASY_MAX) if long_min >= LONG_MIN else EASY_MAX
    for i, date in enumerate(sorted(rest, key=lambda d: days.run_capacity[d.weekday()])):
        share = left / (len(rest) - i)
        room = days.run_capacity[date.weekday()]
        minutes = int(min(max(share, EASY_MIN), room, max(ceiling, EASY_MIN)))
        left -= minutes
        plan[date] = ("easy", workouts.steady(frame.paces, minutes), (EASY_WHY,))
    held = _held_to_spike(frame, plan, history)
    rehearsed = long_date if long_date in plan else _longest(plan)
    if specific and rehearsed is not None and not any(_race_specific(frame, r) for r in held):
        week = sum(r.duration_min for r in held)
        minutes = long_min if rehearsed == long_date else _minutes(plan[rehearsed][1])
        plan[rehearsed] = _rehearsal(frame, minutes, week, plan[rehearsed])
        held = _held_to_spike(frame, plan, history)
    return easy_enough(frame, held)


def _minutes(workout: Workout) -> int:
    return int(workout.total_seconds() // 60)


def _longest(plan: dict[dt.date, tuple[RunType, Workout, tuple[Reason, ...]]]) -> dt.date | None:
    """The week's longest run: where the race rehearsal goes in a week without a long-run day."""
    return max(plan, key=lambda date: plan[date][1].total_seconds(), default=None)


def _race_specific(frame: Frame, s: Session) -> bool:
    if s.workout is None:
        return False
    name = quality.RACE_SPECIFIC_NAME.get(frame.request.goal.type)
    return s.workout.name == name or workouts.long_finish(s.workout) is not None


def _rehearsal(
    frame: Frame,
    long_min: int,
    week_minutes: float,
    planned: tuple[RunType, Workout, tuple[Reason, ...]],
) -> tuple[RunType, Workout, tuple[Reason, ...]]:
    """The long run finishing at race pace, where no other day holds the race-specific work."""
    finish = quality.finish_minutes(frame.request.goal.type, week_minutes, long_min)
    if finish is None:
        return planned
    key, minutes = finish
    walking = frame.request.goal.walk_breaks
    workout = workouts.long_run(frame.paces, long_min, key, minutes, walking=walking)
    return (planned[0], workout, (*planned[2], quality.FINISH_WHY))


def _held_to_spike(
    frame: Frame,
    plan: dict[dt.date, tuple[RunType, Workout, tuple[Reason, ...]]],
    history: list[Session],
) -> tuple[Session, ...]:
    out: list[Session] = []
    for date in sorted(plan):
        run_type, workout, why = plan[date]
        session = run_session(frame, date, run_type, workout, why)
        cap = limits.SPIKE_MAX_RATIO * spike_reference(frame, date, history) * SPIKE_MARGIN
        for _ in range(200):
            if (session.distance_km or 0.0) <= cap:
                break
            minutes = math.floor(session.duration_min * cap / (session.distance_km or 1.0))
            minutes = min(minutes, math.ceil(session.duration_min) - 1)
            if minutes < 1:
                break
            smaller = workouts.resized(workout, frame.paces, minutes)
            kind: RunType = run_type if smaller.name == workout.name else "easy"
            session = run_session(
                frame, date, kind, smaller, why if kind == run_type else (EASY_WHY,)
            )
        out.append(session)
    return tuple(out)


def rebuilt(frame: Frame, s: Session, minutes: int, shift: int, reason: Reason) -> Session:
    if s.run_type == "walk_run":
        factor = minutes / s.duration_min if s.duration_min else 1.0
        return lighter_walk_run(s, frame, min(factor, 1.0), shift, reason)
    workout = workouts.resized(workouts.session_workout(s), frame.paces, max(minutes, 1))
    run_type = s.run_type if workout.name == workouts.session_workout(s).name else "easy"
    why = tuple(r for r in s.why[1:-1] if r not in (DELOAD_WHY, TAPER_WHY))
    assert run_type is not None
    if run_type == "easy" and s.run_type != "easy":
        why = (EASY_WHY,)
    return run_session(frame, s.date + dt.timedelta(days=shift), run_type, workout, (reason, *why))


def lighter_block(frame: Frame, previous: tuple[Session, ...]) -> tuple[Session, ...]:
    return easy_enough(
        frame,
        tuple(
            rebuilt(frame, s, round(s.duration_min * LIGHTER), 7, DELOAD_WHY)
            if s.run_type != "walk_run"
            else lighter_walk_run(s, frame)
            for s in previous
        ),
    )


def within_caps(frame: Frame, runs: tuple[Session, ...]) -> tuple[Session, ...]:
    """Shorten each quality session whose work is over its Daniels cap of the week as it
    finally stands (the spike rule may have shortened the easy runs it was sized against);
    too short for its kind, it becomes an easy run (periodisation.session_caps.daniels)."""
    out = list(runs)
    for i in range(len(out)):
        for _ in range(20):
            s = out[i]
            share = quality.WORK_CAP_BY_NAME.get(s.workout.name) if s.workout else None
            if share is None or s.workout is None:
                break
            total = sum(r.duration_min for r in out if r.run_type != "race")
            over = work_seconds(s.workout) / 60.0 - share * total
            if over <= 0.05:
                break
            minutes = math.floor(s.duration_min - over / (1.0 - share)) - 1
            out[i] = rebuilt(frame, s, max(minutes, 1), 0, s.why[1])
    return tuple(out)


def easy_enough(frame: Frame, runs: tuple[Session, ...]) -> tuple[Session, ...]:
    """Quality within its caps, then the hardest session shortened (or eased) until at least
    80 % of the week is easy."""
    out = list(within_caps(frame, runs))
    easy_fast = frame.paces["easy"][0]
    for _ in range(len(out) * 10):
        training = [s for s in out if s.run_type != "race"]
        total = sum(s.duration_min for s in training)
        hard = {
            i: limits.hard_minutes(s, easy_fast) for i, s in enumerate(out) if s.run_type != "race"
        }
        if total <= 0 or sum(hard.values()) <= (1 - limits.EASY_SHARE_MIN) * total - 0.05:
            break
        i = max(hard, key=lambda j: hard[j])
        s = out[i]
        finish = workouts.long_finish(s.workout) if s.workout else None
        if finish is not None:  # a race-pace finish gets shorter, not the long run
            key, minutes = finish
            walking = frame.request.goal.walk_breaks
            workout = workouts.long_run(
                frame.paces, round(s.duration_min), key, minutes - 3, walking=walking
            )
            out[i] = run_session(frame, s.date, "long", workout, s.why[1:-1])
            continue
        out[i] = rebuilt(frame, s, int(s.duration_min) - 3, 0, s.why[1])
    return tuple(out)


def taper_block(
    frame: Frame, k: int, taper_n: int, blocks: list[tuple[Session, ...]]
) -> tuple[Session, ...]:
    """Replay the bigger pre-taper block, shorter; the race's weekday is left out."""
    assert frame.race_date is not None
    race_day = frame.race_date.weekday()
    first = max(frame.blocks - taper_n - 2, 0)
    candidates = blocks[first : frame.blocks - taper_n]

    def off_race_day(block: tuple[Session, ...]) -> float:
        return sum(s.duration_min for s in block if s.date.weekday() != race_day)

    index = max(range(len(candidates)), key=lambda i: (off_race_day(candidates[i]), i))
    template = [s for s in candidates[index] if s.date.weekday() != race_day]
    shift = 7 * (k - (first + index))
    last = k == frame.blocks - 1
    factor = TAPER_FIRST if not last else (TAPER_SINGLE if taper_n == 1 else TAPER_RACE_WEEK)
    runs = []
    for s in template:
        minutes = round(s.duration_min * factor)
        eve = s.date + dt.timedelta(days=shift) == frame.race_date - dt.timedelta(days=1)
        if last and (s.run_type == "long" or (eve and s.run_type in HARD_RUN_TYPES)):
            s = replace(s, workout=workouts.steady(frame.paces, max(minutes, 1)), run_type="easy")
        runs.append(rebuilt(frame, s, minutes, shift, TAPER_WHY))
    if not last:
        return easy_enough(frame, tuple(runs))
    return (*easy_enough(frame, tuple(runs)), race_session(frame))


def race_session(frame: Frame) -> Session:
    assert frame.race_date is not None
    distance = RACE_DISTANCE_M[frame.request.goal.type]
    pace = frame.paces["race"]
    workout = workouts.race(distance, pace)
    return Session(
        date=frame.race_date,
        kind="run",
        run_type="race",
        duration_min=round(workout.total_seconds() / 60.0, 1),
        distance_km=round(distance / 1000.0, 3),
        target_pace_s_per_km=pace,
        why=(RACE_WHY, WALK_BREAK_WHY) if frame.request.goal.walk_breaks else (RACE_WHY,),
        workout=workout,
    )
