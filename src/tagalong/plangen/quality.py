"""Quality sessions by phase, sized by Daniels' caps.

Base: strides on an easy run, then hills. Build: threshold (cruise intervals) and, for 5K
and 10K, intervals. Peak: the race-specific session (intervals for the 5K, race pace for
10K and half, marathon pace for the marathon). When the quality day is too short for it, or
there is none (two run days), the last block's long run finishes at race pace instead (the
marathon-pace long run of published programmes), with walk breaks kept in a finish plan.
Work time is capped at 10 % of the week for threshold, 8 % for intervals, 5 % for hills
and strides and 15 % for marathon pace
(periodisation.session_caps.daniels); the warm-up and cool-down run easy, so at least 80 %
of the week stays easy (periodisation.plan.easy_share).
"""

from __future__ import annotations

from dataclasses import dataclass

from tagalong.plangen import workouts
from tagalong.plangen.model import Phase, Reason, RunType
from tagalong.plangen.steps import Workout
from tagalong.wording import Phrase

WORK_CAP_SHARE = {
    "threshold": 0.10,
    "intervals": 0.08,
    "hills": 0.05,
    "marathon": 0.15,
    "race": 0.10,
}
# The same caps by workout name, for checking a week as it finally stands.
WORK_CAP_BY_NAME = {
    workouts.WORKOUT_NAMES["tempo"]: WORK_CAP_SHARE["threshold"],
    workouts.WORKOUT_NAMES["intervals"]: WORK_CAP_SHARE["intervals"],
    workouts.WORKOUT_NAMES["hills"]: WORK_CAP_SHARE["hills"],
    workouts.WORKOUT_NAMES["marathon_pace"]: WORK_CAP_SHARE["marathon"],
    workouts.WORKOUT_NAMES["race_pace"]: WORK_CAP_SHARE["race"],
}
MIN_WORK_MIN = {"threshold": 8, "intervals": 6, "hills": 5, "marathon": 12, "race": 8}
MAX_WORK_MIN = {"threshold": 40, "intervals": 30, "hills": 15, "marathon": 60, "race": 40}
EVIDENCE = ("periodisation.session_caps.daniels", "periodisation.zones.daniels")
WHY: dict[str, str] = {
    "threshold": Phrase("Threshold: comfortably hard cruise intervals with short jogs."),
    "intervals": Phrase("Intervals: 3-minute repeats at interval pace build aerobic power."),
    "hills": Phrase("Hills: short strong climbs build strength and form with little impact."),
    "marathon": Phrase("Marathon pace: steady running at the pace of the race."),
    "race": Phrase("Race pace: the race-specific session, at the pace you will race."),
}


RACE_SPECIFIC = {"5k": "intervals", "10k": "race", "half": "race", "marathon": "marathon"}
RACE_SPECIFIC_NAME = {
    "5k": workouts.WORKOUT_NAMES["intervals"],
    "10k": workouts.WORKOUT_NAMES["race_pace"],
    "half": workouts.WORKOUT_NAMES["race_pace"],
    "marathon": workouts.WORKOUT_NAMES["marathon_pace"],
}
FINISH_MIN = 5  # the shortest race-pace finish worth rehearsing
FINISH_WHY = Reason(
    Phrase(
        "Race rehearsal: the long run finishes at the pace of the race, the race-specific work "
        "of the last block where no other day has room for it."
    ),
    ("periodisation.session_caps.daniels", "periodisation.novice_marathon.higdon"),
)


@dataclass(frozen=True, slots=True)
class Quality:
    kind: str
    run_type: RunType
    minutes: int
    workout: Workout
    why: Reason


def finish_minutes(goal: str, week_minutes: float, long_minutes: int) -> tuple[str, int] | None:
    """The race-pace finish of the last block's long run: its pace key and minutes, within
    the kind's cap of the week and a third of the long run; ``None`` when too short."""
    key = "marathon" if goal == "marathon" else "race"
    work = min(int(WORK_CAP_SHARE[key] * week_minutes), MAX_WORK_MIN[key], long_minutes // 3)
    return (key, work) if work >= FINISH_MIN else None


def session_kind(goal: str, phase: Phase, week: int, final_block: bool) -> str | None:
    """Which quality session this week gets; ``None`` for strides on an easy run instead."""
    if phase == "base":
        return None if week % 2 == 0 else "hills"
    if final_block or phase == "peak":
        return RACE_SPECIFIC.get(goal, "threshold")
    if goal in ("5k", "10k") and week % 2 == 1:
        return "intervals"
    if goal == "marathon" and week % 2 == 1:
        return "marathon"
    return "threshold"


def _build(kind: str, paces: dict[str, tuple[float, float]], minutes: int) -> Workout:
    if kind == "threshold":
        return workouts.threshold(paces, minutes)
    if kind == "intervals":
        return workouts.intervals(paces, minutes)
    if kind == "hills":
        return workouts.hills(paces, minutes)
    return workouts.paced(paces, minutes, kind)


def plan_quality(
    kind: str, paces: dict[str, tuple[float, float]], week_minutes: float, room: float
) -> Quality | None:
    """The session sized to the cap and the day's ``room``; ``None`` when it cannot fit."""
    work = min(
        int(WORK_CAP_SHARE[kind] * week_minutes),
        int(room) - workouts.QUALITY_FRAME_MIN,
        MAX_WORK_MIN[kind],
    )
    if work < MIN_WORK_MIN[kind]:
        return None
    minutes = workouts.QUALITY_FRAME_MIN + work
    run_type: RunType = "tempo" if kind in ("threshold", "marathon", "race") else "intervals"
    return Quality(
        kind, run_type, minutes, _build(kind, paces, minutes), Reason(WHY[kind], EVIDENCE)
    )
