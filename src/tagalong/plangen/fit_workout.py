"""Garmin FIT workout files (file type 5), written with Garmin's FIT SDK for Python.

Messages: file_id, workout, then one workout_step per step. A ``Repeat`` becomes its steps
followed by a step of type ``repeat_until_steps_cmplt`` pointing back at the first of them.
The SDK's encoder writes raw field values (it does not resolve sub-fields), so values are
given in FIT units: durations in ms (time) or cm (distance), speed targets in mm/s, and
heart-rate targets in bpm + 100 (0–100 would mean % of HRmax in the watch's profile).
"""

from __future__ import annotations

import datetime as dt
import zlib

from garmin_fit_sdk import Encoder, Profile

from tagalong.plangen.steps import (
    HeartRateTarget,
    PaceTarget,
    Repeat,
    Step,
    StepKind,
    Workout,
)

HR_BPM_OFFSET = 100
NAME_CHARS = 16  # watches show about this much of a step or workout name
NOTE_CHARS = 50
MESG = Profile["mesg_num"]
INTENSITY: dict[StepKind, str] = {
    "warmup": "warmup",
    "work": "active",
    "recovery": "recovery",
    "cooldown": "cooldown",
    "rest": "rest",
}
STEP_NAMES: dict[StepKind, str] = {
    "warmup": "Warm up",
    "work": "Run",
    "recovery": "Recover",
    "cooldown": "Cool down",
    "rest": "Rest",
}


def fit_serial(*parts: object) -> int:
    """A non-zero 32-bit serial from the file's identity (e.g. session id and creation time)."""
    return zlib.crc32(repr(parts).encode("utf-8")) % 0xFFFFFFFE + 1


def _step_name(step: Step) -> str:
    if step.kind == "work" and step.note:
        return step.note[:NAME_CHARS]
    return STEP_NAMES[step.kind]


def _step_mesg(index: int, step: Step) -> dict[str, object]:
    mesg: dict[str, object] = {
        "mesg_num": MESG["WORKOUT_STEP"],
        "message_index": index,
        "wkt_step_name": _step_name(step),
        "intensity": INTENSITY[step.kind],
    }
    if step.seconds is not None:
        mesg["duration_type"] = "time"
        mesg["duration_value"] = round(step.seconds * 1000)
    else:
        assert step.metres is not None
        mesg["duration_type"] = "distance"
        mesg["duration_value"] = round(step.metres * 100)
    target = step.target
    if isinstance(target, PaceTarget):
        mesg["target_type"] = "speed"
        mesg["target_value"] = 0
        mesg["custom_target_value_low"] = round(1_000_000 / target.slow_s_per_km)
        mesg["custom_target_value_high"] = round(1_000_000 / target.fast_s_per_km)
    elif isinstance(target, HeartRateTarget):
        mesg["target_type"] = "heart_rate"
        mesg["target_value"] = 0
        mesg["custom_target_value_low"] = target.low_bpm + HR_BPM_OFFSET
        mesg["custom_target_value_high"] = target.high_bpm + HR_BPM_OFFSET
    else:  # open, or an effort the watch cannot measure (kept in the notes)
        mesg["target_type"] = "open"
    if step.note:
        mesg["notes"] = step.note[:NOTE_CHARS]
    return mesg


def workout_messages(workout: Workout) -> list[dict[str, object]]:
    """The workout_step messages in order, repeats as FIT repeat steps."""
    out: list[dict[str, object]] = []
    for item in workout.steps:
        if isinstance(item, Repeat):
            first = len(out)
            out.extend(_step_mesg(first + i, s) for i, s in enumerate(item.steps))
            out.append(
                {
                    "mesg_num": MESG["WORKOUT_STEP"],
                    "message_index": len(out),
                    "duration_type": "repeat_until_steps_cmplt",
                    "duration_value": first,
                    "target_type": "open",
                    "target_value": item.times,
                }
            )
        else:
            out.append(_step_mesg(len(out), item))
    return out


def encode_workout_fit(workout: Workout, *, serial: int, created: dt.datetime) -> bytes:
    """A complete .fit workout file; ``serial`` and ``created`` make each file unique."""
    if not 0 < serial < 0xFFFFFFFF:
        raise ValueError("serial: must be a non-zero 32-bit number")
    if created.tzinfo is None:
        raise ValueError("created: must carry a time zone")
    steps = workout_messages(workout)
    encoder = Encoder()
    encoder.write_mesg(
        {
            "mesg_num": MESG["FILE_ID"],
            "type": "workout",
            "manufacturer": "development",
            "product": 0,
            "serial_number": serial,
            "time_created": created,
        }
    )
    encoder.write_mesg(
        {
            "mesg_num": MESG["WORKOUT"],
            "sport": "running",
            "num_valid_steps": len(steps),
            "wkt_name": workout.name[:NAME_CHARS],
        }
    )
    for mesg in steps:
        encoder.write_mesg(mesg)
    return encoder.close()
