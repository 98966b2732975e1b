"""Walk–run for beginners and returns: the NHS Couch-to-5K blocks, then continuous running.

A 5-min brisk walk, then run/walk blocks that lengthen each week (60 s run / 90 s walk in
week 1 up to 8 min run / 1 min walk), then continuous running until 30 minutes, when the
plan moves on to loading weeks (periodisation.couch_to_5k.nhs). Runs are never on
consecutive days at first (``days``; rehab.return_to_run.green_2022).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace
from typing import TYPE_CHECKING

from tagalong.plangen import limits, workouts
from tagalong.plangen.model import Reason, Session
from tagalong.plangen.reasons import (
    DELOAD_WHY,
    POSTNATAL_WHY,
    SPIKE_WHY,
    WALK_RUN_WHY,
    steps_why,
)
from tagalong.plangen.steps import Repeat, Step, Workout

if TYPE_CHECKING:
    from tagalong.plangen.blocks import BlockState
    from tagalong.plangen.generator import Frame

WALK_RUN_START_MIN = 8.0  # NHS week 1: 8 × 60 s running
WALK_RUN_GROWTH = 1.12
BLOCKS = ((1.0, 1.5), (1.5, 1.5), (2.0, 1.5), (3.0, 1.5), (5.0, 1.0), (8.0, 1.0))
CONTINUOUS_TARGET_MIN = 30.0
LIGHTER = 0.75
LIGHTER_MAX = 0.79
LIGHTER_MIN = 0.71


def spike_reference(frame: Frame, date: dt.date, history: list[Session]) -> float:
    """The longest run of the 30 days before ``date``, planned runs and the intake's included."""
    window = date - dt.timedelta(days=limits.SPIKE_WINDOW_DAYS)
    recent = [s.distance_km or 0.0 for s in history if window <= s.date < date]
    if (date - frame.request.start).days < limits.SPIKE_WINDOW_DAYS:
        recent.append(frame.request.current.longest_run_km_30d)
    return max([limits.SPIKE_FLOOR_KM, *recent])


def _session(frame: Frame, date: dt.date, workout: Workout, extra: tuple[Reason, ...]) -> Session:
    why = [steps_why(workout, ("periodisation.couch_to_5k.nhs",)), *extra]
    why += [WALK_RUN_WHY, SPIKE_WHY]
    if frame.request.goal.type == "postnatal":
        why.append(POSTNATAL_WHY)
    return Session(
        date=date,
        kind="run",
        run_type="walk_run",
        duration_min=round(workout.total_seconds() / 60.0, 1),
        distance_km=round(workouts.workout_km(workout, frame.easy_pace), 2),
        target_pace_s_per_km=frame.paces["walk_run"],
        hr_zone="Z2",
        why=tuple(why),
        workout=workout,
    )


def _scaled(item: Step | Repeat, scale: float) -> Step | Repeat:
    if isinstance(item, Repeat):
        return Repeat(item.times, tuple(_scaled_step(s, scale) for s in item.steps))
    return _scaled_step(item, scale)


def _scaled_step(step: Step, scale: float) -> Step:
    assert step.seconds is not None
    return replace(step, seconds=max(10, round(step.seconds * scale)))


def walk_run_block(
    frame: Frame, dates: list[dt.date], state: BlockState, history: list[Session]
) -> tuple[Session, ...]:
    if state.target_minutes <= 0:
        state.target_minutes = WALK_RUN_START_MIN * len(dates)
    else:
        state.target_minutes *= WALK_RUN_GROWTH
    stage = state.walk_run_stage or 0
    per_run = state.target_minutes / len(dates)
    pace = sum(frame.paces["walk_run"]) / 2.0
    continuous = stage >= len(BLOCKS)
    runs: list[Session] = []
    for date in dates:
        cap_km = limits.SPIKE_MAX_RATIO * spike_reference(frame, date, [*history, *runs]) * 0.97
        capacity = frame.days.run_capacity[date.weekday()] - workouts.WALK_WARMUP_MIN
        run_min = min(per_run, capacity)
        if continuous:
            minutes = max(1, math.floor(min(run_min, cap_km * pace / 60.0)))
            runs.append(
                _session(frame, date, workouts.walk_run_continuous(frame.paces, minutes), ())
            )
            continue
        block, walk = BLOCKS[stage]
        reps = max(1, min(math.floor(run_min / block), math.floor(capacity / (block + walk))))
        workout = workouts.walk_run(frame.paces, block, walk, reps)
        while reps > 1 and workouts.workout_km(workout, frame.easy_pace) > cap_km:
            reps -= 1
            workout = workouts.walk_run(frame.paces, block, walk, reps)
        runs.append(_session(frame, date, workout, ()))
    state.walk_run_stage = stage + 1
    if continuous and per_run >= CONTINUOUS_TARGET_MIN:
        state.walk_run_stage = None  # NHS week 9: 30 minutes continuous
        state.target_minutes = sum(s.duration_min for s in runs)
    return tuple(runs)


def lighter_walk_run(
    s: Session,
    frame: Frame,
    factor: float = LIGHTER,
    shift: int = 7,
    reason: Reason = DELOAD_WHY,
) -> Session:
    """The same session with the repeats (or running minutes) cut to about ``factor``."""
    low, high = factor - (LIGHTER - LIGHTER_MIN), factor + (LIGHTER_MAX - LIGHTER)
    workout = workouts.session_workout(s)
    total = workout.total_seconds()
    items = list(workout.steps)
    best: Workout | None = None
    for i, item in enumerate(items):
        if isinstance(item, Repeat):
            options = [
                Workout(workout.name, (*items[:i], Repeat(n, item.steps), *items[i + 1 :]))
                for n in range(1, item.times + 1)
            ]
            enough = [w for w in options if w.total_seconds() >= low * total]
            best = enough[0] if enough else options[-1]
    if best is None:
        run = items[-1]
        assert not isinstance(run, Repeat) and run.seconds is not None
        minutes = max(1, round((total * factor - (total - run.seconds)) / 60))
        best = workouts.walk_run_continuous(frame.paces, minutes)
    if best.total_seconds() > high * total:  # one repeat left: shorten the walk-in
        warmup, *rest = best.steps
        assert isinstance(warmup, Step) and warmup.seconds is not None
        seconds = max(60.0, warmup.seconds - (best.total_seconds() - factor * total))
        best = Workout(best.name, (replace(warmup, seconds=round(seconds)), *rest))
    if best.total_seconds() > high * total:  # still too long: shorten every step in proportion
        scale = factor * total / best.total_seconds()
        best = Workout(best.name, tuple(_scaled(item, scale) for item in best.steps))
    session = _session(frame, s.date + dt.timedelta(days=shift), best, (reason,))
    return session
