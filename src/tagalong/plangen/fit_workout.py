"""Garmin FIT workout files (file type 5), written byte by byte per the FIT protocol.

Layout: 14-byte header (with its own CRC), then definition + data messages for file_id (0),
workout (26) and workout_step (27), then the CRC of everything before it. Durations are in
ms (time) or cm (distance); speed targets in mm/s; heart-rate targets in bpm + 100 (values
0–100 mean % of HRmax in the profile).
"""

from __future__ import annotations

import datetime as dt
import struct
from dataclasses import dataclass
from typing import Literal

from tagalong.plangen.model import Session

PROTOCOL_VERSION = 0x10  # 1.0
PROFILE_VERSION = 2132
FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
MANUFACTURER_DEVELOPMENT = 255
SPORT_RUNNING = 1
FILE_TYPE_WORKOUT = 5
DURATION_TYPES = {"time": 0, "distance": 1, "open": 5}
TARGET_TYPES = {"speed": 0, "heart_rate": 1, "open": 2}
INTENSITY = {"active": 0, "rest": 1, "warmup": 2, "cooldown": 3}
HR_BPM_OFFSET = 100
NAME_BYTES = 16

# FIT base types: (code, struct format)
ENUM, UINT16, UINT32, UINT32Z, STRING = 0x00, 0x84, 0x86, 0x8C, 0x07

_CRC_TABLE = (
    0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
    0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
)  # fmt: skip


def fit_crc(data: bytes, crc: int = 0) -> int:
    """The FIT CRC-16 (nibble-table form from the FIT protocol document)."""
    for byte in data:
        tmp = _CRC_TABLE[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ _CRC_TABLE[byte & 0xF]
        tmp = _CRC_TABLE[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ _CRC_TABLE[(byte >> 4) & 0xF]
    return crc


@dataclass(frozen=True, slots=True)
class WorkoutStep:
    name: str
    duration: Literal["time", "distance", "open"]
    duration_value: float = 0.0  # seconds or metres
    target: Literal["speed", "heart_rate", "open"] = "open"
    low: float = 0.0  # m/s or bpm
    high: float = 0.0
    intensity: Literal["active", "rest", "warmup", "cooldown"] = "active"


_FIELD_FORMATS = {ENUM: "B", UINT16: "H", UINT32: "I", UINT32Z: "I"}


def _definition(local: int, global_num: int, fields: list[tuple[int, int, int]]) -> bytes:
    head = struct.pack("<BBBHB", 0x40 | local, 0, 0, global_num, len(fields))
    return head + b"".join(struct.pack("<BBB", n, size, base) for n, size, base in fields)


def _data(local: int, fields: list[tuple[int, int, int]], values: list[object]) -> bytes:
    out = bytearray([local])
    for (_, size, base), value in zip(fields, values, strict=True):
        if base == STRING:
            raw = str(value).encode("utf-8")[: size - 1]
            out += raw + b"\x00" * (size - len(raw))
        else:
            out += struct.pack("<" + _FIELD_FORMATS[base], int(value))  # type: ignore[call-overload]
    return bytes(out)


FILE_ID_FIELDS = [(0, 1, ENUM), (1, 2, UINT16), (2, 2, UINT16), (3, 4, UINT32Z), (4, 4, UINT32)]
WORKOUT_FIELDS = [(4, 1, ENUM), (6, 2, UINT16), (8, NAME_BYTES, STRING)]
STEP_FIELDS = [
    (254, 2, UINT16),  # message_index
    (0, NAME_BYTES, STRING),  # wkt_step_name
    (1, 1, ENUM),  # duration_type
    (2, 4, UINT32),  # duration_value
    (3, 1, ENUM),  # target_type
    (4, 4, UINT32),  # target_value (0 = custom range)
    (5, 4, UINT32),  # custom_target_value_low
    (6, 4, UINT32),  # custom_target_value_high
    (7, 1, ENUM),  # intensity
]


def _step_values(index: int, step: WorkoutStep) -> list[object]:
    if step.duration == "time":
        duration = round(step.duration_value * 1000)
    elif step.duration == "distance":
        duration = round(step.duration_value * 100)
    else:
        duration = 0
    if step.target == "speed":
        low, high = round(step.low * 1000), round(step.high * 1000)
    elif step.target == "heart_rate":
        low, high = round(step.low) + HR_BPM_OFFSET, round(step.high) + HR_BPM_OFFSET
    else:
        low = high = 0
    return [
        index,
        step.name,
        DURATION_TYPES[step.duration],
        duration,
        TARGET_TYPES[step.target],
        0,
        low,
        high,
        INTENSITY[step.intensity],
    ]


def write_workout(name: str, steps: list[WorkoutStep], *, created: dt.datetime) -> bytes:
    """A complete .fit workout file; ``created`` is passed in (the core never reads a clock)."""
    if not steps:
        raise ValueError("a workout needs at least one step")
    seconds = int((created - FIT_EPOCH).total_seconds())
    body = bytearray()
    body += _definition(0, 0, FILE_ID_FIELDS)
    body += _data(0, FILE_ID_FIELDS, [FILE_TYPE_WORKOUT, MANUFACTURER_DEVELOPMENT, 0, 1, seconds])
    body += _definition(1, 26, WORKOUT_FIELDS)
    body += _data(1, WORKOUT_FIELDS, [SPORT_RUNNING, len(steps), name])
    body += _definition(2, 27, STEP_FIELDS)
    for i, step in enumerate(steps):
        body += _data(2, STEP_FIELDS, _step_values(i, step))
    header = struct.pack("<BBHI4s", 14, PROTOCOL_VERSION, PROFILE_VERSION, len(body), b".FIT")
    header += struct.pack("<H", fit_crc(header))
    content = header + bytes(body)
    return content + struct.pack("<H", fit_crc(content))


def pace_to_speed(s_per_km: float) -> float:
    return 1000.0 / s_per_km


def session_steps(session: Session) -> list[WorkoutStep]:
    """One run session as workout steps: a single timed step at the session's pace range."""
    if not session.is_run:
        raise ValueError(f"{session.date}: only run sessions become FIT workouts")
    pace = session.target_pace_s_per_km
    if pace is None:
        return [WorkoutStep("Run", "time", session.duration_min * 60.0)]
    fast, slow = pace
    return [
        WorkoutStep(
            (session.run_type or "run").replace("_", " ").title(),
            "time",
            session.duration_min * 60.0,
            "speed",
            low=pace_to_speed(slow),
            high=pace_to_speed(fast),
        )
    ]
