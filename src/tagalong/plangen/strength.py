"""Calf strength on the ladder, hip work, mobility and cross-training sessions.

The ladder starts at the step the heel-raise test places (ladder.placement) and moves up one
step every two weeks (rehab.progression_ladder; pain monitoring gates each step,
rehab.pain_monitoring.silbernagel_2007). Strength that shares a day with a run comes after
it (rehab.return_to_run.green_2022). Days are chosen in ``days``.
"""

from __future__ import annotations

import datetime as dt

from tagalong.plangen import gates, ladder
from tagalong.plangen.model import PlanRequest, Reason, Session
from tagalong.plangen.reasons import (
    HIP_WHY,
    MOBILITY_WHY,
    POSTNATAL_GATE_WHY,
    RETURN_GATE_WHY,
    STRENGTH_WHY,
)
from tagalong.wording import Phrase

CROSS_MINUTES = 30.0
SHORT_DAY_WHY = Reason(
    Phrase("This day is too short for the next step's session: it stays on this step."),
    ("rehab.progression_ladder",),
)
MOBILITY_SESSION_MIN = 10.0
AFTER_RUN_WHY = Reason(
    Phrase("On a run day: do this after the run, not before."), ("rehab.return_to_run.green_2022",)
)


def level_at(start_level: int, weeks: int) -> tuple[int, int]:
    """The ladder step and the week on that step, ``weeks`` after the first session."""
    level = min(ladder.TOP_LEVEL, start_level + weeks // ladder.WEEKS_PER_LEVEL)
    return level, weeks - (level - start_level) * ladder.WEEKS_PER_LEVEL


def planned_minutes(start_level: int, hip: bool) -> float:
    """The first strength session's minutes: days are chosen so that it fits."""
    return ladder.calf_session(start_level, 0).minutes + (ladder.HIP_MINUTES if hip else 0.0)


def _fitting(
    level: int, week_at_level: int, start_level: int, room: float, hip: float
) -> tuple[int, int]:
    """The highest step up to ``level`` whose session fits the day (short days stay lower)."""
    for step in range(level, start_level - 1, -1):
        week = week_at_level if step == level else 0
        if ladder.calf_session(step, week).minutes + hip <= room + 1e-9:
            return step, week
    return start_level, 0


def strength_session(
    request: PlanRequest,
    date: dt.date,
    first: dt.date,
    start_level: int,
    *,
    after_run: bool,
    room: float = 1e9,
) -> Session:
    weeks = max((date - first).days // 7, 0)
    level, week_at_level = level_at(start_level, weeks)
    hip = ladder.HIP_MINUTES if gates.needs_hip_work(request) else 0.0
    fitted, fitted_week = _fitting(level, week_at_level, start_level, room, hip)
    why_extra: tuple[Reason, ...] = ()
    if fitted != level:
        why_extra = (SHORT_DAY_WHY,)
    level, week_at_level = fitted, fitted_week
    rung = ladder.calf_session(level, week_at_level)
    exercises = rung.exercises
    why = [Reason(ladder.step_text(level), rung.evidence), STRENGTH_WHY, *why_extra]
    minutes = rung.minutes
    if gates.needs_hip_work(request):
        exercises = (*exercises, *ladder.HIP_EXERCISES)
        minutes += ladder.HIP_MINUTES
        why.append(HIP_WHY)
    if after_run:
        why.append(AFTER_RUN_WHY)
    return Session(
        date=date,
        kind="strength",
        duration_min=round(minutes, 1),
        exercises=exercises,
        why=tuple(why),
        ladder_level=level,
    )


def cross_session(request: PlanRequest, date: dt.date, room: float) -> Session:
    gate = POSTNATAL_GATE_WHY if request.goal.type == "postnatal" else RETURN_GATE_WHY
    return Session(
        date=date,
        kind="cross",
        duration_min=round(min(CROSS_MINUTES, room), 1),
        why=(Reason(Phrase("Brisk walk or easy cycling instead of running."), gate.evidence), gate),
    )


def wants_mobility(request: PlanRequest) -> bool:
    return gates.needs_mobility(request.tests) or gates.wants_rolling(request)


def mobility_session(request: PlanRequest, date: dt.date) -> Session:
    exercises = ladder.MOBILITY_EXERCISES if gates.needs_mobility(request.tests) else ()
    if gates.wants_rolling(request):
        exercises = (*exercises, *ladder.ROLLING_EXERCISES)
    return Session(
        date=date,
        kind="mobility",
        duration_min=MOBILITY_SESSION_MIN,
        exercises=exercises,
        why=(MOBILITY_WHY,),
    )
