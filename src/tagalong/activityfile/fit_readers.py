"""Two ways to read a FIT file into the same columnar tables.

``read_fast`` (fitfast, Rust) is strict: any damage raises ``fitfast.FitDecodeError``.
``read_lenient`` (fitdecode, pure Python) ignores checksums and keeps whatever came before the
damage. Both return numbers only (enums as their profile numbers), so one builder serves both
and the two paths can be compared on the corpus.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime

import fitdecode
import fitfast
import numpy as np
from fitdecode import profile as fit_profile
from fitdecode.types import DevField

from tagalong.activityfile.fit_structure import pick_messages
from tagalong.activityfile.model import FloatArray

Row = dict[str, float]

RECORD_MESG_NUM = 20
SEMICIRCLE_TO_DEG = 180.0 / 2**31
SUMMARY_MESSAGES = ("session", "lap", "file_id")
# Global numbers of the summary messages, plus the developer-field declarations their
# definitions may refer to (FIT profile: file_id 0, session 18, lap 19, field_description 206,
# developer_data_id 207).
SUMMARY_GLOBALS = frozenset({0, 18, 19, 206, 207})

NATIVE_RECORD_FIELDS = frozenset(
    f.name for f in fit_profile.MESSAGE_TYPES[RECORD_MESG_NUM].fields.values()
)


@dataclass(slots=True)
class FitTables:
    records: dict[str, FloatArray]
    developer_fields: tuple[str, ...]
    sessions: list[Row]
    laps: list[Row]
    file_ids: list[Row]
    # Set by the lenient reader when it had to stop early: why, and at which byte.
    damage: str | None = None
    damage_offset: int | None = None
    warnings: list[str] = field(default_factory=list)


def _developer_names(columns: dict[str, FloatArray]) -> tuple[str, ...]:
    return tuple(
        name
        for name in columns
        if name not in NATIVE_RECORD_FIELDS and not name.startswith("unknown_")
    )


def _rows(columns: dict[str, FloatArray]) -> list[Row]:
    """Columns of a small message kind back to one dict per message (finite values only)."""
    if not columns:
        return []
    length = len(next(iter(columns.values())))
    return [
        {name: float(values[i]) for name, values in columns.items() if math.isfinite(values[i])}
        for i in range(length)
    ]


def read_fast(data: bytes) -> FitTables:
    """Columnar NumPy decode; raises ``fitfast.FitDecodeError`` on any damage.

    The full pass (records, every CRC) runs once; the summaries come from a copy holding only
    their messages (``fit_structure.pick_messages``), a few kilobytes to decode.
    """
    records = fitfast.records(data, "record")
    small = pick_messages(data, SUMMARY_GLOBALS) or data
    summaries = {kind: _rows(fitfast.records(small, kind)) for kind in SUMMARY_MESSAGES}
    return FitTables(
        records=records,
        developer_fields=_developer_names(records),
        sessions=summaries["session"],
        laps=summaries["lap"],
        file_ids=summaries["file_id"],
    )


def _number(value: object, raw: object, units: object) -> float | None:
    """A decoded fitdecode value as the number fitfast would give for the same field."""
    if isinstance(value, datetime):
        return value.timestamp()
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, int | float):
        if units == "semicircles":
            return float(value) * SEMICIRCLE_TO_DEG
        return float(value)
    if isinstance(value, str) and isinstance(raw, int):
        return float(raw)  # an enum: keep its profile number, as fitfast does
    return None


def _frame_row(frame: fitdecode.FitDataMessage, developer: set[str] | None) -> Row:
    row: Row = {}
    for field_data in frame.fields:
        number = _number(field_data.value, field_data.raw_value, field_data.units)
        if number is None or not math.isfinite(number):
            continue
        name = str(field_data.name)
        row[name] = number
        # A developer field named like a profile field ("depth") cannot be told apart in the
        # fast path's columns; both paths treat it as the profile field.
        if (
            developer is not None
            and isinstance(field_data.field, DevField)
            and name not in NATIVE_RECORD_FIELDS
        ):
            developer.add(name)
    return row


def _columns(rows: list[Row]) -> dict[str, FloatArray]:
    names: dict[str, None] = {}
    for row in rows:
        names.update(dict.fromkeys(row))
    return {
        name: np.array([row.get(name, math.nan) for row in rows], dtype=np.float64)
        for name in names
    }


def read_lenient(data: bytes) -> FitTables:
    """Read frame by frame without checksums; stop at the first damage and keep what came before.

    Raises ``fitdecode.FitError`` only when not a single frame could be read.
    """
    records: list[Row] = []
    developer: set[str] = set()
    summaries: dict[str, list[Row]] = {kind: [] for kind in SUMMARY_MESSAGES}
    damage: str | None = None
    offset: int | None = None
    reader = fitdecode.FitReader(
        data,
        check_crc=fitdecode.CrcCheck.DISABLED,
        error_handling=fitdecode.ErrorHandling.IGNORE,
    )
    try:
        for frame in reader:
            if not isinstance(frame, fitdecode.FitDataMessage):
                continue
            if frame.name == "record":
                records.append(_frame_row(frame, developer))
            elif frame.name in summaries:
                summaries[frame.name].append(_frame_row(frame, None))
    except fitdecode.FitError as exc:
        if not records and not any(summaries.values()):
            raise
        damage = str(exc)
        offset = _error_offset(exc)
    finally:
        reader.close()
    columns = _columns(records)
    return FitTables(
        records=columns,
        developer_fields=tuple(name for name in columns if name in developer),
        sessions=summaries["session"],
        laps=summaries["lap"],
        file_ids=summaries["file_id"],
        damage=damage,
        damage_offset=offset,
    )


def _error_offset(exc: Exception) -> int | None:
    # fitdecode ends its messages with "@ <byte offset>".
    tail = str(exc).rpartition("@")[2].strip()
    return int(tail) if tail.isdigit() else None
