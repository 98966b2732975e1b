"""Workout steps for each kind of run: what the watch shows, adding up to the session's time.

Every builder takes whole minutes and returns a ``Workout`` whose steps sum to exactly that
time. Quality sessions follow Daniels: a 15-min easy warm-up and a 10-min cool-down around
work at threshold (cruise intervals, 1 min jog between), interval (3-min reps with 2 min
jog) or marathon pace; strides are 20 s quick with 40 s easy; hills 60 s uphill at effort 8
with 90 s back down (periodisation.zones.daniels, periodisation.session_caps.daniels).
Walk–run follows the NHS Couch-to-5K: 5 min brisk walk, then run/walk blocks.
"""

from __future__ import annotations

import math
from dataclasses import replace

from tagalong.plangen.model import Session
from tagalong.plangen.steps import EffortTarget, PaceTarget, Repeat, Step, Workout, describe
from tagalong.wording import Phrase

Paces = dict[str, tuple[float, float]]

WARMUP_MIN = 15
COOLDOWN_MIN = 10
QUALITY_FRAME_MIN = WARMUP_MIN + COOLDOWN_MIN
CRUISE_REP_MIN = 8
CRUISE_JOG_MIN = 1
INTERVAL_REP_MIN = 3
INTERVAL_JOG_MIN = 2
HILL_UP_S, HILL_DOWN_S = 60, 90
STRIDE_ON_S, STRIDE_OFF_S, STRIDES = 20, 40, 6
WALK_WARMUP_MIN = 5
WORKOUT_NAMES: dict[str, str] = {
    "easy": Phrase("Easy run"),
    "long": Phrase("Long run"),
    "recovery": Phrase("Recovery run"),
    "walk_run": Phrase("Walk-run"),
    "tempo": Phrase("Threshold"),
    "intervals": Phrase("Intervals"),
    "hills": Phrase("Hills"),
    "strides": Phrase("Easy + strides"),
    "marathon_pace": Phrase("Marathon pace"),
    "race_pace": Phrase("Race pace"),
    "race": Phrase("Race"),
}
# A session made before steps is named after its run type.
RUN_TYPE_NAMES: dict[str, str] = {
    "easy": Phrase("Easy"),
    "long": Phrase("Long"),
    "tempo": Phrase("Tempo"),
    "intervals": Phrase("Intervals"),
    "recovery": Phrase("Recovery"),
    "walk_run": Phrase("Walk run"),
    "race": Phrase("Race"),
}


def _pace(paces: Paces, key: str) -> PaceTarget:
    fast, slow = paces[key]
    return PaceTarget(fast, slow)


def _run(kind: str, minutes: float, target: PaceTarget | EffortTarget | None, note: str) -> Step:
    return Step(kind, seconds=round(minutes * 60), target=target, note=note)  # type: ignore[arg-type]


def steady(paces: Paces, minutes: int, key: str = "easy") -> Workout:
    return Workout(
        WORKOUT_NAMES[key], (_run("work", minutes, _pace(paces, key), key.replace("_", " ")),)
    )


def strides(paces: Paces, minutes: int) -> Workout:
    """Easy running finished with 6 × 20 s quick (not sprinting) / 40 s easy."""
    block = STRIDES * (STRIDE_ON_S + STRIDE_OFF_S) // 60
    easy = max(minutes - block, 1)
    return Workout(
        WORKOUT_NAMES["strides"],
        (
            _run("work", easy, _pace(paces, "easy"), "easy"),
            Repeat(
                STRIDES,
                (
                    Step(
                        "work",
                        seconds=STRIDE_ON_S,
                        target=_pace(paces, "repetition"),
                        note="stride",
                    ),
                    Step(
                        "recovery",
                        seconds=STRIDE_OFF_S,
                        target=_pace(paces, "recovery"),
                        note="easy",
                    ),
                ),
            ),
        ),
    )


def long_run(
    paces: Paces,
    minutes: int,
    finish_key: str | None = None,
    finish_min: int = 0,
    *,
    walking: bool = False,
) -> Workout:
    """Long run, optionally finishing with ``finish_min`` at marathon or race pace (the race
    rehearsal of the last block); with ``walking`` the run 9 / walk 1 blocks carry on through
    the finish, as on race day."""
    if finish_key is None or finish_min <= 0:
        return walk_breaks(paces, minutes) if walking else steady(paces, minutes, "long")
    finish_min = min(finish_min, minutes - 1)
    easy = minutes - finish_min
    if walking:
        return Workout(
            WORKOUT_NAMES["long"],
            (*_walk_blocks(paces, easy, "long"), *_walk_blocks(paces, finish_min, finish_key)),
        )
    return Workout(
        WORKOUT_NAMES["long"],
        (
            _run("work", easy, _pace(paces, "long"), "easy"),
            _run("work", finish_min, _pace(paces, finish_key), _finish_note(finish_key)),
        ),
    )


def _finish_note(key: str) -> str:
    return "marathon pace" if key == "marathon" else "race pace"


def long_finish(workout: Workout) -> tuple[str, int] | None:
    """The race-pace finish of a long run (its pace key and minutes), if it has one."""
    keys = {"marathon pace": "marathon", "race pace": "race"}
    steps = [s for s in workout.flat_steps() if s.note in keys]
    if workout.name != WORKOUT_NAMES["long"] or not steps:
        return None
    seconds = 0.0
    for item in workout.steps:
        inner = item.steps * item.times if isinstance(item, Repeat) else (item,)
        if any(s.note in keys for s in inner):
            seconds += sum(s.seconds or 0 for s in inner)
    return keys[steps[0].note], round(seconds / 60)


def _framed(name: str, paces: Paces, middle: tuple[Step | Repeat, ...]) -> Workout:
    return Workout(
        name,
        (
            _run("warmup", WARMUP_MIN, _pace(paces, "easy"), "easy"),
            *middle,
            _run("cooldown", COOLDOWN_MIN, _pace(paces, "easy"), "easy"),
        ),
    )


def _reps(middle_min: int, rep_min: int, jog_min: int) -> tuple[int, int]:
    """Repetitions that fit ``middle_min`` and the easy minutes left over."""
    reps = max(1, (middle_min + jog_min) // (rep_min + jog_min))
    used = reps * rep_min + (reps - 1) * jog_min
    return reps, middle_min - used


def _repeated(
    paces: Paces,
    middle_min: int,
    rep_min: int,
    jog_min: int,
    key: str,
    work: PaceTarget | EffortTarget,
) -> tuple[Step | Repeat, ...]:
    if middle_min <= rep_min:  # room for one shorter repeat only
        return (_run("work", middle_min, work, key.replace("_", " ")),)
    reps, spare = _reps(middle_min, rep_min, jog_min)
    rep = _run("work", rep_min, work, key.replace("_", " "))
    jog = _run("recovery", jog_min, _pace(paces, "recovery"), "jog")
    items: list[Step | Repeat] = []
    if reps > 1:
        items.append(Repeat(reps - 1, (rep, jog)))
    items.append(rep)
    if spare > 0:
        items.append(_run("work", spare, _pace(paces, "easy"), "easy"))
    return tuple(items)


def threshold(paces: Paces, minutes: int) -> Workout:
    middle = minutes - QUALITY_FRAME_MIN
    return _framed(
        WORKOUT_NAMES["tempo"],
        paces,
        _repeated(
            paces, middle, CRUISE_REP_MIN, CRUISE_JOG_MIN, "threshold", _pace(paces, "tempo")
        ),
    )


def intervals(paces: Paces, minutes: int) -> Workout:
    middle = minutes - QUALITY_FRAME_MIN
    return _framed(
        WORKOUT_NAMES["intervals"],
        paces,
        _repeated(
            paces, middle, INTERVAL_REP_MIN, INTERVAL_JOG_MIN, "interval", _pace(paces, "intervals")
        ),
    )


def hills(paces: Paces, minutes: int) -> Workout:
    middle_s = (minutes - QUALITY_FRAME_MIN) * 60
    reps = max(1, middle_s // (HILL_UP_S + HILL_DOWN_S))
    spare = middle_s - reps * (HILL_UP_S + HILL_DOWN_S)
    items: list[Step | Repeat] = [
        Repeat(
            reps,
            (
                Step("work", seconds=HILL_UP_S, target=EffortTarget(8), note="uphill, strong"),
                Step(
                    "recovery",
                    seconds=HILL_DOWN_S,
                    target=_pace(paces, "recovery"),
                    note="jog down",
                ),
            ),
        )
    ]
    if spare > 0:
        items.append(Step("work", seconds=spare, target=_pace(paces, "easy"), note="easy"))
    return _framed(WORKOUT_NAMES["hills"], paces, tuple(items))


def paced(paces: Paces, minutes: int, key: str) -> Workout:
    """Continuous work at marathon or race pace between the warm-up and cool-down."""
    middle = minutes - QUALITY_FRAME_MIN
    name = WORKOUT_NAMES["marathon_pace" if key == "marathon" else "race_pace"]
    return _framed(
        name, paces, (_run("work", middle, _pace(paces, key), key.replace("_", " ") + " pace"),)
    )


def walk_run(paces: Paces, run_min: float, walk_min: float, reps: int) -> Workout:
    walk = EffortTarget(3)
    run = _pace(paces, "walk_run")
    return Workout(
        WORKOUT_NAMES["walk_run"],
        (
            _run("warmup", WALK_WARMUP_MIN, walk, "brisk walk"),
            Repeat(
                reps, (_run("work", run_min, run, "run"), _run("recovery", walk_min, walk, "walk"))
            ),
        ),
    )


def walk_run_continuous(paces: Paces, run_min: int) -> Workout:
    return Workout(
        WORKOUT_NAMES["walk_run"],
        (
            _run("warmup", WALK_WARMUP_MIN, EffortTarget(3), "brisk walk"),
            _run("work", run_min, _pace(paces, "walk_run"), "easy running"),
        ),
    )


def race(distance_m: float, pace: tuple[float, float]) -> Workout:
    return Workout(
        WORKOUT_NAMES["race"],
        (Step("work", metres=distance_m, target=PaceTarget(*pace), note="race"),),
    )


def session_workout(session: Session) -> Workout:
    """The session's own workout, or one steady step at its pace (sessions made before steps)."""
    if session.workout is not None:
        return session.workout
    if not session.is_run:
        raise ValueError(f"{session.date}: only run sessions become workouts")
    seconds = max(round(session.duration_min * 60), 1)
    target = (
        None if session.target_pace_s_per_km is None else PaceTarget(*session.target_pace_s_per_km)
    )
    run_type = session.run_type
    name = (
        RUN_TYPE_NAMES.get(run_type, run_type.replace("_", " ").capitalize())
        if run_type
        else Phrase("Run")
    )
    return Workout(name, (Step("work", seconds=seconds, target=target),))


def workout_minutes(workout: Workout) -> float:
    return workout.total_seconds() / 60.0


def session_text(session: Session) -> str:
    return describe(session_workout(session))


def quality_fits(minutes: float) -> bool:
    return math.floor(minutes) >= QUALITY_FRAME_MIN + INTERVAL_REP_MIN


def workout_km(workout: Workout, easy_pace_s: float) -> float:
    """Running distance: paced steps at the middle of their range; walking is not counted
    (the spike rule is about running, and walk–run plans grow the running)."""
    metres = 0.0
    for step in workout.flat_steps():
        if step.metres is not None:
            metres += step.metres
            continue
        seconds = step.seconds or 0.0
        target = step.target
        if isinstance(target, PaceTarget):
            metres += seconds / target.mid() * 1000.0
        elif isinstance(target, EffortTarget) and target.rpe <= 3:
            continue
        else:
            metres += seconds / easy_pace_s * 1000.0
    return metres / 1000.0


def hard_seconds(workout: Workout, easy_fast_s: float) -> float:
    """Time in work steps faster than easy pace (or at effort 7+): the week's hard time."""
    total = 0.0
    for step in workout.flat_steps():
        if step.kind != "work":
            continue
        target = step.target
        fast = isinstance(target, PaceTarget) and target.slow_s_per_km < easy_fast_s - 1.0
        if fast or (isinstance(target, EffortTarget) and target.rpe >= 7):
            total += step.estimated_seconds(easy_fast_s)
    return total


def walk_breaks(paces: Paces, minutes: int, name: str = WORKOUT_NAMES["long"]) -> Workout:
    """Run 9 min, walk 1 min, repeated; the rest easy running."""
    return Workout(name, _walk_blocks(paces, minutes, "long"))


def _walk_blocks(paces: Paces, minutes: int, key: str) -> tuple[Step | Repeat, ...]:
    reps, spare = divmod(minutes, 10)
    note = "easy" if key == "long" else _finish_note(key)
    items: list[Step | Repeat] = []
    if reps:
        items.append(
            Repeat(
                reps,
                (
                    _run("work", 9, _pace(paces, key), note),
                    _run("recovery", 1, EffortTarget(3), "walk"),
                ),
            )
        )
    if spare:
        items.append(_run("work", spare, _pace(paces, key), note))
    return tuple(items)


def resized(workout: Workout, paces: Paces, minutes: int) -> Workout:
    """The same kind of session at a new length (lighter weeks, the taper, edits)."""
    name = workout.name
    too_short = minutes < QUALITY_FRAME_MIN + 5
    if name == WORKOUT_NAMES["tempo"] and not too_short:
        return threshold(paces, minutes)
    if name == WORKOUT_NAMES["intervals"] and not too_short:
        return intervals(paces, minutes)
    if name == WORKOUT_NAMES["hills"] and not too_short:
        return hills(paces, minutes)
    if name == WORKOUT_NAMES["marathon_pace"] and not too_short:
        return paced(paces, minutes, "marathon")
    if name == WORKOUT_NAMES["race_pace"] and not too_short:
        return paced(paces, minutes, "race")
    if name == WORKOUT_NAMES["strides"] and minutes >= 10:
        return strides(paces, minutes)
    if name == WORKOUT_NAMES["long"]:
        walking = any(isinstance(i, Repeat) for i in workout.steps)
        finish = long_finish(workout)
        if finish is None:
            return long_run(paces, minutes, walking=walking)
        key, finish_min = finish
        return long_run(paces, minutes, key, min(finish_min, minutes // 3), walking=walking)
    if name == WORKOUT_NAMES["recovery"]:
        return steady(paces, minutes, "recovery")
    return steady(paces, minutes, "easy")


def scaled(workout: Workout, factor: float) -> Workout:
    """Every step shortened (or lengthened) by ``factor``, repeats kept (adaptation caps)."""

    def step(s: Step) -> Step:
        if s.seconds is not None:
            return replace(s, seconds=max(10, math.floor(s.seconds * factor)))
        assert s.metres is not None
        return replace(s, metres=max(10.0, math.floor(s.metres * factor)))

    items = tuple(
        Repeat(i.times, tuple(step(x) for x in i.steps)) if isinstance(i, Repeat) else step(i)
        for i in workout.steps
    )
    return Workout(workout.name, items)


def eased(workout: Workout, paces_easy: tuple[float, float] | None) -> Workout:
    """The same time as one easy run (a hard session eased by an adaptation)."""
    target = None if paces_easy is None else PaceTarget(*paces_easy)
    seconds = max(round(workout.total_seconds()), 1)
    return Workout(
        WORKOUT_NAMES["easy"], (Step("work", seconds=seconds, target=target, note="easy"),)
    )
