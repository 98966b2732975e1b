"""A small FIT activity writer for the fixtures we make (tests only): file_id, records, laps
and sessions, per the FIT protocol, with the CRC the FIT reader checks."""

from __future__ import annotations

import datetime as dt
import struct
from dataclasses import dataclass, field

from tagalong.activityfile.fit_structure import fit_crc

FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)  # FIT timestamps count seconds from here

# (field number, struct format, FIT base type); scales applied by the caller.
RECORD = 20
SESSION = 18
LAP = 19
FILE_ID = 0
_RECORD_FIELDS = [(253, "I", 0x86), (3, "B", 0x02), (4, "B", 0x02), (5, "I", 0x86), (6, "H", 0x84)]
_SUMMARY_FIELDS = [
    (253, "I", 0x86),  # timestamp
    (2, "I", 0x86),  # start_time
    (7, "I", 0x86),  # total_elapsed_time, ms
    (8, "I", 0x86),  # total_timer_time, ms
    (9, "I", 0x86),  # total_distance, cm
    (16, "B", 0x02),  # avg_heart_rate
    (17, "B", 0x02),  # max_heart_rate
    (18, "B", 0x02),  # avg_cadence (strides/min for running)
]
_SESSION_FIELDS = [*_SUMMARY_FIELDS, (5, "B", 0x00), (92, "B", 0x02)]  # sport, fractional / 128
_LAP_FIELDS = [*_SUMMARY_FIELDS, (25, "B", 0x00)]  # sport
_FILE_ID_FIELDS = [(0, "B", 0x00), (1, "H", 0x84), (2, "H", 0x84), (4, "I", 0x86)]


@dataclass
class Leg:
    sport: int  # FIT sport: 1 running, 2 cycling
    start: dt.datetime
    seconds: int
    metres_per_second: float
    heart_rate: int
    strides: int  # record cadence as FIT stores it (one foot for running)
    # Device totals written into the session (may differ from the records on purpose).
    session: dict[str, float] = field(default_factory=dict)


def _stamp(moment: dt.datetime) -> int:
    return int((moment - FIT_EPOCH).total_seconds())


def _definition(local: int, number: int, fields: list[tuple[int, str, int]]) -> bytes:
    head = struct.pack("<BBBHB", 0x40 | local, 0, 0, number, len(fields))
    return head + b"".join(struct.pack("<BBB", n, struct.calcsize(f), b) for n, f, b in fields)


def _data(local: int, fields: list[tuple[int, str, int]], values: list[int]) -> bytes:
    return bytes([local]) + b"".join(
        struct.pack("<" + fmt, value) for (_, fmt, _), value in zip(fields, values, strict=True)
    )


def write_activity(legs: list[Leg]) -> bytes:
    body = bytearray(_definition(0, FILE_ID, _FILE_ID_FIELDS))
    body += _data(0, _FILE_ID_FIELDS, [4, 255, 0, _stamp(legs[0].start)])
    body += _definition(1, RECORD, _RECORD_FIELDS)
    body += _definition(2, SESSION, _SESSION_FIELDS)
    body += _definition(3, LAP, _LAP_FIELDS)
    for leg in legs:
        begin = _stamp(leg.start)
        for second in range(leg.seconds + 1):
            distance = round(second * leg.metres_per_second * 100)
            speed = round(leg.metres_per_second * 1000)
            values = [begin + second, leg.heart_rate, leg.strides, distance, speed]
            body += _data(1, _RECORD_FIELDS, values)
        end = begin + leg.seconds
        totals = {
            "elapsed": leg.seconds,
            "timer": leg.seconds,
            "distance": leg.seconds * leg.metres_per_second,
            "avg_hr": leg.heart_rate,
            "max_hr": leg.heart_rate,
            "cadence": leg.strides,
            "fraction": 0.0,
            **leg.session,
        }
        common = [
            end,
            begin,
            round(totals["elapsed"] * 1000),
            round(totals["timer"] * 1000),
            round(totals["distance"] * 100),
            int(totals["avg_hr"]),
            int(totals["max_hr"]),
            int(totals["cadence"]),
        ]
        body += _data(3, _LAP_FIELDS, [*common, leg.sport])
        body += _data(2, _SESSION_FIELDS, [*common, leg.sport, round(totals["fraction"] * 128)])
    header = struct.pack("<BBHI4s", 14, 0x10, 2132, len(body), b".FIT")
    header += struct.pack("<H", fit_crc(header))
    content = header + bytes(body)
    return content + struct.pack("<H", fit_crc(content))
