"""Structured workouts: the steps a runner follows on the watch.

A ``Workout`` is a list of ``Step`` and ``Repeat`` items. Each step lasts a time (seconds) or a
distance (metres) and may carry one target: a pace range (s/km), a heart-rate range (bpm) or an
effort (RPE 1–10). ``to_dict``/``workout_from_dict`` give a JSON-safe form; reading it back
checks every field and names the one that is wrong. ``describe`` writes the text a runner reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, cast

from tagalong.wording import Phrase

StepKind = Literal["warmup", "work", "recovery", "cooldown", "rest"]
STEP_KINDS: tuple[StepKind, ...] = ("warmup", "work", "recovery", "cooldown", "rest")
KIND_WORDS: dict[StepKind, str] = {
    "warmup": Phrase("warm-up"),
    "work": "",
    "recovery": Phrase("recovery"),
    "cooldown": Phrase("cool-down"),
    "rest": Phrase("rest"),
}
# The same words starting the workout's text (a sentence starts with a capital).
FIRST_KIND_WORDS: dict[StepKind, str] = {
    "warmup": Phrase("Warm-up"),
    "work": "",
    "recovery": Phrase("Recovery"),
    "cooldown": Phrase("Cool-down"),
    "rest": Phrase("Rest"),
}
# The notes the generator writes on its steps, in words a translator can say; a note is
# stored as written (the generator's own notes are its identifiers), a coach's note as typed.
NOTE_WORDS: dict[str, str] = {
    note: note
    for note in (
        Phrase("easy"),
        Phrase("long"),
        Phrase("recovery"),
        Phrase("stride"),
        Phrase("jog"),
        Phrase("jog down"),
        Phrase("uphill, strong"),
        Phrase("threshold"),
        Phrase("interval"),
        Phrase("marathon pace"),
        Phrase("race pace"),
        Phrase("race"),
        Phrase("brisk walk"),
        Phrase("run"),
        Phrase("walk"),
        Phrase("easy running"),
    )
}
MAX_STEP_SECONDS = 6 * 3600
MAX_STEP_METRES = 100_000.0
MAX_REPEATS = 50
NOTE_CHARS = 80
NAME_CHARS = 60


class WorkoutError(ValueError):
    """A workout field is missing or wrong; ``field`` is its path (e.g. ``steps[2].seconds``)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class PaceTarget:
    fast_s_per_km: float
    slow_s_per_km: float

    def mid(self) -> float:
        return (self.fast_s_per_km + self.slow_s_per_km) / 2


@dataclass(frozen=True, slots=True)
class HeartRateTarget:
    low_bpm: int
    high_bpm: int


@dataclass(frozen=True, slots=True)
class EffortTarget:
    rpe: int  # 1–10 rate of perceived exertion


Target = PaceTarget | HeartRateTarget | EffortTarget


@dataclass(frozen=True, slots=True)
class Step:
    kind: StepKind
    seconds: float | None = None
    metres: float | None = None
    target: Target | None = None
    note: str = ""

    def __post_init__(self) -> None:
        _check_step(self, "step")

    def estimated_seconds(self, fallback_pace_s_per_km: float | None = None) -> float:
        """The step's time; a distance step is timed at its pace target (or the fallback)."""
        if self.seconds is not None:
            return self.seconds
        assert self.metres is not None
        pace = self.target.mid() if isinstance(self.target, PaceTarget) else fallback_pace_s_per_km
        if pace is None:
            raise WorkoutError("metres", "a distance step needs a pace target to be timed")
        return self.metres / 1000.0 * pace


@dataclass(frozen=True, slots=True)
class Repeat:
    times: int
    steps: tuple[Step, ...]

    def __post_init__(self) -> None:
        if isinstance(self.times, bool) or not isinstance(self.times, int):
            raise WorkoutError("times", "must be a whole number")
        if not 1 <= self.times <= MAX_REPEATS:
            raise WorkoutError("times", f"must be between 1 and {MAX_REPEATS}")
        if not self.steps:
            raise WorkoutError("steps", "a repeat needs at least one step")


Item = Step | Repeat


@dataclass(frozen=True, slots=True)
class Workout:
    name: str
    steps: tuple[Item, ...]
    sport: Literal["running"] = "running"

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise WorkoutError("name", "must not be empty")
        if not self.steps:
            raise WorkoutError("steps", "a workout needs at least one step")

    def flat_steps(self) -> tuple[Step, ...]:
        """Every step in the order it is run, repeats unrolled."""
        out: list[Step] = []
        for item in self.steps:
            if isinstance(item, Repeat):
                out.extend(item.steps * item.times)
            else:
                out.append(item)
        return tuple(out)

    def total_seconds(self, fallback_pace_s_per_km: float | None = None) -> float:
        return sum(s.estimated_seconds(fallback_pace_s_per_km) for s in self.flat_steps())

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "sport": self.sport,
            "steps": [_item_to_dict(item) for item in self.steps],
        }

    @staticmethod
    def from_dict(data: object) -> Workout:
        return workout_from_dict(data)


def _check_step(step: Step, where: str) -> None:
    if step.kind not in STEP_KINDS:
        raise WorkoutError(f"{where}.kind", f"must be one of {', '.join(STEP_KINDS)}")
    if (step.seconds is None) == (step.metres is None):
        raise WorkoutError(f"{where}.seconds", "give either seconds or metres, not both or neither")
    if step.seconds is not None and not 0 < step.seconds <= MAX_STEP_SECONDS:
        raise WorkoutError(f"{where}.seconds", f"must be between 1 and {MAX_STEP_SECONDS}")
    if step.metres is not None and not 0 < step.metres <= MAX_STEP_METRES:
        raise WorkoutError(f"{where}.metres", f"must be between 1 and {MAX_STEP_METRES:.0f}")
    target = step.target
    if isinstance(target, PaceTarget):
        if not 120 <= target.fast_s_per_km <= target.slow_s_per_km <= 1200:
            raise WorkoutError(
                f"{where}.target", "pace range must be 2:00–20:00 per km, fast before slow"
            )
    elif isinstance(target, HeartRateTarget):
        if not 40 <= target.low_bpm <= target.high_bpm <= 230:
            raise WorkoutError(
                f"{where}.target", "heart-rate range must be 40–230 bpm, low before high"
            )
    elif isinstance(target, EffortTarget) and not 1 <= target.rpe <= 10:
        raise WorkoutError(f"{where}.target", "effort (RPE) must be between 1 and 10")
    if len(step.note) > NOTE_CHARS:
        raise WorkoutError(f"{where}.note", f"must be at most {NOTE_CHARS} characters")


# --- JSON-safe form ----------------------------------------------------------------------


def _target_to_dict(target: Target | None) -> dict[str, object] | None:
    if isinstance(target, PaceTarget):
        return {
            "type": "pace",
            "fast_s_per_km": target.fast_s_per_km,
            "slow_s_per_km": target.slow_s_per_km,
        }
    if isinstance(target, HeartRateTarget):
        return {"type": "heart_rate", "low_bpm": target.low_bpm, "high_bpm": target.high_bpm}
    if isinstance(target, EffortTarget):
        return {"type": "effort", "rpe": target.rpe}
    return None


def _step_to_dict(step: Step) -> dict[str, object]:
    out: dict[str, object] = {"type": "step", "kind": step.kind}
    if step.seconds is not None:
        out["seconds"] = step.seconds
    if step.metres is not None:
        out["metres"] = step.metres
    target = _target_to_dict(step.target)
    if target is not None:
        out["target"] = target
    if step.note:
        out["note"] = step.note
    return out


def _item_to_dict(item: Item) -> dict[str, object]:
    if isinstance(item, Repeat):
        return {
            "type": "repeat",
            "times": item.times,
            "steps": [_step_to_dict(s) for s in item.steps],
        }
    return _step_to_dict(item)


def _mapping(data: object, where: str) -> dict[str, object]:
    if not isinstance(data, dict):
        raise WorkoutError(where, "must be an object")
    return cast(dict[str, object], data)


def _number(data: dict[str, object], key: str, where: str) -> float | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise WorkoutError(f"{where}.{key}", "must be a number")
    return float(value)


def _whole(data: dict[str, object], key: str, where: str) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise WorkoutError(f"{where}.{key}", "must be a whole number")
    return int(value)


def _target_from_dict(data: object, where: str) -> Target | None:
    if data is None:
        return None
    raw = _mapping(data, where)
    kind = raw.get("type")
    if kind == "pace":
        fast, slow = _number(raw, "fast_s_per_km", where), _number(raw, "slow_s_per_km", where)
        if fast is None or slow is None:
            raise WorkoutError(where, "a pace target needs fast_s_per_km and slow_s_per_km")
        return PaceTarget(fast, slow)
    if kind == "heart_rate":
        return HeartRateTarget(_whole(raw, "low_bpm", where), _whole(raw, "high_bpm", where))
    if kind == "effort":
        return EffortTarget(_whole(raw, "rpe", where))
    raise WorkoutError(f"{where}.type", "must be pace, heart_rate or effort")


def _step_from_dict(data: object, where: str) -> Step:
    raw = _mapping(data, where)
    kind = raw.get("kind")
    if kind not in STEP_KINDS:
        raise WorkoutError(f"{where}.kind", f"must be one of {', '.join(STEP_KINDS)}")
    note = raw.get("note", "")
    if not isinstance(note, str):
        raise WorkoutError(f"{where}.note", "must be text")
    try:
        return Step(
            kind=kind,
            seconds=_number(raw, "seconds", where),
            metres=_number(raw, "metres", where),
            target=_target_from_dict(raw.get("target"), f"{where}.target"),
            note=note,
        )
    except WorkoutError as error:
        if error.field.startswith(where):
            raise
        raise WorkoutError(f"{where}.{error.field.removeprefix('step.')}", error.message) from None


def _item_from_dict(data: object, where: str) -> Item:
    raw = _mapping(data, where)
    if raw.get("type", "step") == "repeat":
        steps = raw.get("steps")
        if not isinstance(steps, list) or not steps:
            raise WorkoutError(f"{where}.steps", "a repeat needs a list of at least one step")
        times = _whole(raw, "times", where)
        parsed = tuple(_step_from_dict(s, f"{where}.steps[{i}]") for i, s in enumerate(steps))
        try:
            return Repeat(times, parsed)
        except WorkoutError as error:
            raise WorkoutError(f"{where}.{error.field}", error.message) from None
    return _step_from_dict(raw, where)


def workout_from_dict(data: object) -> Workout:
    raw = _mapping(data, "workout")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise WorkoutError("name", "must be non-empty text")
    if len(name) > NAME_CHARS:
        raise WorkoutError("name", f"must be at most {NAME_CHARS} characters")
    if raw.get("sport", "running") != "running":
        raise WorkoutError("sport", "only running workouts are supported")
    steps = raw.get("steps")
    if not isinstance(steps, list) or not steps:
        raise WorkoutError("steps", "a workout needs a list of at least one step")
    items = tuple(_item_from_dict(s, f"steps[{i}]") for i, s in enumerate(steps))
    return Workout(name=name, steps=items)


# --- the runner's text -------------------------------------------------------------------


def pace_text(s_per_km: float) -> str:
    whole = round(s_per_km)
    return f"{whole // 60}:{whole % 60:02d}"


def _amount(step: Step) -> str:
    if step.metres is not None:
        metres = step.metres
        if metres >= 1000:
            return Phrase("{km:g} km", km=metres / 1000)
        return Phrase("{metres:g} m", metres=metres)
    assert step.seconds is not None
    return duration_text(step.seconds)


def duration_text(seconds: float) -> str:
    """A duration as a coach says it: ``45 s``, ``1 min``, ``90 s``, ``2 min 30 s``, ``20 min``
    (under two minutes an odd length reads in seconds, as repetitions are written)."""
    whole = round(seconds)
    minutes, rest = divmod(whole, 60)
    if rest == 0 and minutes:
        return Phrase("{minutes} min", minutes=minutes)
    if whole < 120:
        return Phrase("{seconds} s", seconds=whole)
    return Phrase("{minutes} min {seconds} s", minutes=minutes, seconds=rest)


def _with_target(text: str, target: Target | None) -> str:
    if isinstance(target, PaceTarget):
        fast, slow = pace_text(target.fast_s_per_km), pace_text(target.slow_s_per_km)
        return Phrase("{step} at {fast}–{slow}/km", step=text, fast=fast, slow=slow)
    if isinstance(target, HeartRateTarget):
        return Phrase(
            "{step} at {low}–{high} bpm", step=text, low=target.low_bpm, high=target.high_bpm
        )
    if isinstance(target, EffortTarget):
        return Phrase("{step} at effort {rpe}/10", step=text, rpe=target.rpe)
    return text


def describe_step(step: Step, *, first: bool = False) -> str:
    """One step in words; ``first`` when it starts the workout's text (a capital letter)."""
    word = (FIRST_KIND_WORDS if first else KIND_WORDS)[step.kind]
    amount = _amount(step)
    text = Phrase("{kind} {amount}", kind=word, amount=amount) if word else amount
    text = _with_target(text, step.target)
    if step.note:
        text = Phrase("{step} ({note})", step=text, note=NOTE_WORDS.get(step.note, step.note))
    return text


def describe(workout: Workout) -> str:
    """E.g. ``Warm-up 15 min at 6:00–6:30/km; 5 × (3 min at 4:20–4:30/km, recovery 2 min)``."""
    parts: list[str] = []
    for item in workout.steps:
        if isinstance(item, Repeat):
            inner = tuple(describe_step(s) for s in item.steps)
            parts.append(Phrase("{times} × ({steps})", times=item.times, steps=inner))
        else:
            parts.append(describe_step(item, first=not parts))
    text = parts[0]
    for part in parts[1:]:
        text = Phrase("{steps}; {step}", steps=text, step=part)
    return text


def work_seconds(workout: Workout) -> float:
    """Time spent in work steps (the session's quality time)."""
    return sum(s.estimated_seconds() for s in workout.flat_steps() if s.kind == "work")


__all__ = [
    "EffortTarget",
    "HeartRateTarget",
    "Item",
    "PaceTarget",
    "Repeat",
    "Step",
    "StepKind",
    "Target",
    "Workout",
    "WorkoutError",
    "describe",
    "describe_step",
    "duration_text",
    "work_seconds",
    "workout_from_dict",
]
