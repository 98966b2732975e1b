"""FIT activities: the fast columnar path, a lenient fallback for damaged files, one builder."""

from __future__ import annotations

import math
from datetime import UTC, datetime

import fitdecode
import fitfast
import numpy as np
from fitdecode import profile as fit_profile

from tagalong.activityfile import fit_structure, tracks
from tagalong.activityfile.cadence import (
    PER_LEG_RUN_CEILING_SPM,
    fit_steps_per_minute,
    is_foot_sport,
    median_moving_cadence,
)
from tagalong.activityfile.errors import DecodeError
from tagalong.activityfile.fit_readers import FitTables, Row, read_fast, read_lenient
from tagalong.activityfile.model import Activity, FloatArray, Lap, Streams
from tagalong.activityfile.sports import fit_sport
from tagalong.wording import Phrase

# Profile enum numbers (FIT SDK "file", "manufacturer" types) needed to name things.
GARMIN_PRODUCT_MAKERS = frozenset({1, 13, 15})  # garmin, dynastream_oem, dynastream
FILE_TYPE_WORDS = {
    "settings": Phrase("a device settings file"),
    "monitoring_a": Phrase("an all-day monitoring file"),
    "monitoring_b": Phrase("an all-day monitoring file"),
    "monitoring_daily": Phrase("an all-day monitoring file"),
    "weight": Phrase("a weight scale file"),
    "workout": Phrase("a planned workout"),
    "course": Phrase("a course (a planned route)"),
    "schedules": Phrase("a workout schedule"),
    "totals": Phrase("a totals file"),
    "goals": Phrase("a goals file"),
    "sport": Phrase("a sport settings file"),
    "device": Phrase("a device description file"),
    "blood_pressure": Phrase("a blood pressure file"),
    "segment": Phrase("a segment file"),
}

MAX_SAMPLE_GAP_IN_DAMAGED_FILE_S = 24 * 3600.0
# Each mend fixes one CRC or cuts once; real files need at most three (CRC, cut, new CRC).
MAX_MENDS = 6

# Record fields copied to the streams as they are (the profile already gives these units).
DIRECT_STREAMS = {
    "heart_rate_bpm": "heart_rate",
    "power_w": "power",
    "stance_time_ms": "stance_time",
    "stance_time_balance_pct": "stance_time_balance",
    "vertical_oscillation_mm": "vertical_oscillation",
    "vertical_ratio_pct": "vertical_ratio",
    "step_length_mm": "step_length",
}


def decode_fit(data: bytes, *, filename: str) -> Activity:
    """The first activity of a FIT file (see ``decode_fit_activities`` for all of them)."""
    return decode_fit_activities(data, filename=filename)[0]


def decode_fit_activities(data: bytes, *, filename: str) -> tuple[Activity, ...]:
    """Every activity of a FIT file: one per session (a triathlon's swim, bike and run).

    Falls back to a lenient reader when the fast one refuses the file.
    """
    try:
        tables = read_fast(data)
    except fitfast.FitDecodeError as fast_error:
        tables = _read_mended(data, str(fast_error)) or _read_damaged(
            data, filename=filename, fast_error=str(fast_error)
        )
    return build_activities(tables, filename=filename)


def _read_mended(data: bytes, error: str) -> FitTables | None:
    """The fast path on a mended copy: CRCs rewritten, or the file cut at its damage.

    Marks the result the way the lenient reader would (damage and offset, or a checksum
    warning); None when the mending does not satisfy fitfast, so the lenient reader decides.
    """
    current, cut, checksum_errors = data, None, []
    for _ in range(MAX_MENDS):
        patched = fit_structure.patch_checksum(current, error)
        if patched is not None:
            if cut is None:  # after a cut the CRC is ours to write, not the file's fault
                checksum_errors.append(error)
            current = patched
        elif cut is None and (cut := fit_structure.find_damage(current)) is not None:
            shortened = fit_structure.cut_at(current, cut.offset, file_crc=False)
            if shortened is None:
                return None
            current = shortened
        else:
            return None
        try:
            tables = read_fast(current)
        except fitfast.FitDecodeError as again:
            error = str(again)
            continue
        if cut is not None:
            tables.damage, tables.damage_offset = cut.reason, cut.offset
        elif checksum_errors:
            tables.warnings.append(_integrity_warning(checksum_errors[0]))
        return tables
    return None


def decode_fit_lenient(data: bytes, *, filename: str) -> Activity:
    """The fallback path on its own (used to check both paths agree)."""
    return build_activities(
        _read_damaged(data, filename=filename, fast_error=None), filename=filename
    )[0]


def build_activities(tables: FitTables, *, filename: str) -> tuple[Activity, ...]:
    """One activity per session; transitions between legs are not activities of their own.

    A file with one session (or a damaged one, whose sessions were lost) is one activity over
    all its records; with several, each session keeps the records and laps of its own time.
    """
    legs = [] if tables.damage else legs_of(tables.sessions)
    if len(legs) <= 1 and len(tables.sessions) <= 1:
        return (build_activity(tables, filename=filename),)
    _require_activity(tables, filename=filename)
    records = _in_time_order(_with_timestamps(tables.records, damaged=False))
    timestamps = records.get("timestamp", np.empty(0))
    boundaries = sorted({row["start_time"] for row in tables.sessions if "start_time" in row})
    built = []
    for index, leg in enumerate(legs):
        begin = -math.inf if leg["start_time"] <= boundaries[0] else leg["start_time"]
        later = [b for b in boundaries if b > leg["start_time"]]
        end = later[0] if later else math.inf
        keep = (timestamps >= begin) & (timestamps < end)
        part = {name: values[keep] for name, values in records.items()}
        laps = [row for row in tables.laps if begin <= row.get("start_time", math.nan) < end]
        built.append(_build(tables, part, [leg], laps, index=index))
    return tuple(built)


def legs_of(sessions: list[Row]) -> list[Row]:
    """The sessions that are activities: timed, not transitions, each once (a file written
    twice over holds every session twice)."""
    seen: set[tuple[float, float | None, float | None]] = set()
    legs = []
    for row in sorted((r for r in sessions if "start_time" in r), key=lambda r: r["start_time"]):
        if enum_name("sport", row.get("sport")) == "transition":
            continue
        key = (row["start_time"], row.get("sport"), row.get("total_elapsed_time"))
        if key not in seen:
            seen.add(key)
            legs.append(row)
    return legs


def _read_damaged(data: bytes, *, filename: str, fast_error: str | None) -> FitTables:
    try:
        tables = read_lenient(data)
    except fitdecode.FitError as exc:
        raise DecodeError(
            file=filename,
            code="corrupt",
            reason=Phrase("the FIT data cannot be read at all ({error})", error=str(exc)),
        ) from exc
    if fast_error is not None and tables.damage is None:
        tables.warnings.append(_integrity_warning(fast_error))
    return tables


def _integrity_warning(fast_error: str) -> Phrase:
    return Phrase(
        "The file failed its integrity check ({error}); "
        "every message was read anyway, but some values may be wrong.",
        error=_plain(fast_error),
    )


def _plain(message: str) -> str:
    return message.removeprefix("FIT decode error: ")


def enum_name(type_name: str, number: float | None) -> str | None:
    if number is None:
        return None
    names: dict[int, str] = fit_profile.FIELD_TYPES[type_name].enum
    return names.get(int(number), str(int(number)))


def build_activity(tables: FitTables, *, filename: str) -> Activity:
    """The whole file as one activity (a file of one session, or a damaged one)."""
    _require_activity(tables, filename=filename)
    records = _in_time_order(_with_timestamps(tables.records, damaged=tables.damage is not None))
    sessions = [] if tables.damage else legs_of(tables.sessions)
    return _build(tables, records, sessions, tables.laps, index=0)


def _build(
    tables: FitTables,
    records: dict[str, FloatArray],
    sessions: list[Row],
    laps: list[Row],
    *,
    index: int,
) -> Activity:
    timestamps = records.get("timestamp", np.empty(0))
    start_ts = _start_timestamp(sessions or tables.sessions, timestamps)
    sport, sub_sport = _sport(sessions or tables.sessions, laps)
    foot = _foot_mask(sessions, timestamps, sport)
    if _written_in_steps(records, foot):
        foot = np.zeros_like(foot)  # a writer that stored steps already: never double twice
    streams = _streams(records, tables.developer_fields, timestamps - start_ts, foot)
    ascent_descent = _session_climb(sessions) or _stream_climb(streams.altitude_m)
    avg_hr, max_hr, avg_cadence = _device_totals(sessions, sport, doubled=bool(foot.any()))
    return Activity(
        source_format="fit",
        sport=sport,
        sub_sport=sub_sport,
        start=datetime.fromtimestamp(start_ts, tz=UTC),
        duration_s=_duration(sessions, streams.time_s),
        moving_s=_moving(sessions, streams),
        distance_m=_distance(sessions, streams),
        ascent_m=ascent_descent[0] if ascent_descent else None,
        descent_m=ascent_descent[1] if ascent_descent else None,
        laps=tuple(_lap(row, sport) for row in laps if "start_time" in row),
        device=_device(tables.file_ids),
        streams=streams,
        recovered=tables.damage is not None,
        warnings=(*tables.warnings, *_damage_warning(tables, len(timestamps))),
        timer_s=_sum(sessions, "total_timer_time"),
        index_in_file=index,
        avg_hr_bpm=avg_hr,
        max_hr_bpm=max_hr,
        avg_cadence_spm=avg_cadence,
    )


def _written_in_steps(records: dict[str, FloatArray], foot: FloatArray) -> bool:
    """FIT counts one foot; a foot sport whose values are already steps per minute was
    written by an app that ignored that (seen in treadmill and phone files)."""
    raw = records.get("cadence")
    if raw is None or not foot.any():
        return False
    median = median_moving_cadence(raw[foot])
    return median is not None and median >= PER_LEG_RUN_CEILING_SPM


def _device_totals(
    sessions: list[Row], sport: str, *, doubled: bool
) -> tuple[float | None, float | None, float | None]:
    """Average and maximum heart rate and average cadence as the device summed the session up.

    A zero is the device's "not measured"; running cadence is doubled to steps per minute
    with its fractional part, as the records are.
    """
    if len(sessions) != 1:
        return None, None, None
    row = sessions[0]
    # fitdecode names the field by its resolved subfield, fitfast does not.
    cadence = row.get("avg_cadence", row.get("avg_running_cadence"))
    if cadence is not None and is_foot_sport(sport) and doubled:
        cadence = 2.0 * (cadence + row.get("avg_fractional_cadence", 0.0))
    return row.get("avg_heart_rate") or None, row.get("max_heart_rate") or None, cadence or None


def _require_activity(tables: FitTables, *, filename: str) -> None:
    file_type = enum_name("file", tables.file_ids[0].get("type")) if tables.file_ids else None
    if file_type not in (None, "activity"):
        words = FILE_TYPE_WORDS.get(str(file_type)) or Phrase(
            "a FIT '{file_type}' file", file_type=str(file_type)
        )
        raise DecodeError(
            file=filename,
            code="not_an_activity",
            reason=Phrase(
                "this is {words} (FIT file type '{file_type}'), not a recorded activity",
                words=words,
                file_type=str(file_type),
            ),
        )
    timestamps = tables.records.get("timestamp")
    has_records = timestamps is not None and bool(np.isfinite(timestamps).any())
    if not has_records and not tables.sessions:
        raise DecodeError(
            file=filename,
            code="not_an_activity",
            reason=Phrase(
                "the FIT file holds no timed records and no session: nothing was recorded"
            ),
        )


def _with_timestamps(records: dict[str, FloatArray], *, damaged: bool) -> dict[str, FloatArray]:
    """Records that carry a time; in a damaged file, only those before the clock goes wild."""
    timestamps = records.get("timestamp")
    if timestamps is None:
        return {}
    keep = np.isfinite(timestamps)
    if damaged and timestamps.size > 1:
        # Damage often starts a few bytes before the reader notices: the last "records" then
        # carry garbage times (decades away). Cut at the first jump no recording could make.
        jumps = np.flatnonzero(np.abs(np.diff(timestamps)) > MAX_SAMPLE_GAP_IN_DAMAGED_FILE_S)
        if jumps.size:
            keep[jumps[0] + 1 :] = False
    if bool(keep.all()):
        return records
    return {name: values[keep] for name, values in records.items()}


def _in_time_order(records: dict[str, FloatArray]) -> dict[str, FloatArray]:
    """Records sorted by time when the clock steps back (a GPS time fix, chained files).

    Every consumer of the streams measures each sample until the next one, so a step back
    would count negative seconds; a stable sort keeps equal times in file order.
    """
    timestamps = records.get("timestamp")
    if timestamps is None or timestamps.size < 2 or bool(np.all(np.diff(timestamps) >= 0)):
        return records
    order = np.argsort(timestamps, kind="stable")
    return {name: values[order] for name, values in records.items()}


def _start_timestamp(sessions: list[Row], timestamps: FloatArray) -> float:
    starts = [row["start_time"] for row in sessions if "start_time" in row]
    if starts:
        return min(starts)
    return float(timestamps[0]) if timestamps.size else 0.0


def _sport(sessions: list[Row], laps: list[Row]) -> tuple[str, str | None]:
    rows = sessions or laps
    sports = [_session_sport(r) for r in rows]
    real = [(s, sub) for s, sub in sports if s is not None and s != "transition"]
    if not real:
        return "generic", None
    if len({s for s, _ in real}) > 1:
        return "multisport", None
    return str(real[0][0]), real[0][1]


def _session_sport(row: Row) -> tuple[str | None, str | None]:
    sub_sport = enum_name("sub_sport", row.get("sub_sport"))
    return fit_sport(enum_name("sport", row.get("sport")), sub_sport), sub_sport


def _foot_mask(sessions: list[Row], timestamps: FloatArray, sport: str) -> FloatArray:
    """Which samples count feet; a multisport file decides per session (swim, bike, run)."""
    if sport != "multisport":
        return np.full(timestamps.shape[0], is_foot_sport(sport), dtype=bool)
    mask = np.zeros(timestamps.shape[0], dtype=bool)
    for row in sessions:
        if is_foot_sport(str(_session_sport(row)[0])) and "start_time" in row:
            end = row["start_time"] + row.get("total_elapsed_time", math.inf)
            mask |= (timestamps >= row["start_time"]) & (timestamps <= end)
    return mask


def _preferred(records: dict[str, FloatArray], enhanced: str, plain: str) -> FloatArray | None:
    """The enhanced (32-bit) field where present, the plain one elsewhere."""
    first, second = records.get(enhanced), records.get(plain)
    if first is None or second is None:
        return first if first is not None else second
    return np.where(np.isfinite(first), first, second)


def _streams(
    records: dict[str, FloatArray], developer: tuple[str, ...], time_s: FloatArray, foot: FloatArray
) -> Streams:
    lat, lon = records.get("position_lat"), records.get("position_long")
    distance = records.get("distance")
    if tracks.column_or_none(distance) is None and lat is not None and lon is not None:
        distance = tracks.cumulative_distance_m(lat, lon)
    return Streams(
        time_s=time_s,
        distance_m=tracks.column_or_none(distance),
        speed_m_s=tracks.column_or_none(_preferred(records, "enhanced_speed", "speed")),
        altitude_m=tracks.column_or_none(_preferred(records, "enhanced_altitude", "altitude")),
        latitude_deg=tracks.column_or_none(lat),
        longitude_deg=tracks.column_or_none(lon),
        cadence_spm=tracks.column_or_none(_cadence(records, foot)),
        developer={name: records[name] for name in developer if name in records},
        **{key: tracks.column_or_none(records.get(name)) for key, name in DIRECT_STREAMS.items()},
    )


def _cadence(records: dict[str, FloatArray], foot: FloatArray) -> FloatArray | None:
    """Steps/min for foot sports (FIT stores strides per leg), rpm for everything else."""
    raw = records.get("cadence")
    if raw is None:
        return None
    steps = fit_steps_per_minute(raw, records.get("fractional_cadence"))
    return np.where(foot, steps, raw)


def _sum(sessions: list[Row], key: str) -> float | None:
    values = [row[key] for row in sessions if key in row]
    return float(sum(values)) if values else None


def _duration(sessions: list[Row], time_s: FloatArray) -> float:
    spans = [
        (row["start_time"], row["start_time"] + row["total_elapsed_time"])
        for row in sessions
        if "start_time" in row and "total_elapsed_time" in row
    ]
    if spans:
        return max(end for _, end in spans) - min(start for start, _ in spans)
    return float(time_s[-1] - time_s[0]) if time_s.size else 0.0


def _moving(sessions: list[Row], streams: Streams) -> float:
    timer = _sum(sessions, "total_timer_time")
    if timer is not None:
        return timer
    speed = streams.speed_m_s
    if speed is None and streams.distance_m is not None:
        speed = tracks.speed_from_distance(streams.time_s, streams.distance_m)
    if speed is None:
        return float(streams.time_s[-1] - streams.time_s[0]) if len(streams) else 0.0
    return tracks.moving_time_s(streams.time_s, speed)


def _distance(sessions: list[Row], streams: Streams) -> float | None:
    total = _sum(sessions, "total_distance")
    if total is not None:
        return total
    return tracks.nan_max(streams.distance_m)


def _session_climb(sessions: list[Row]) -> tuple[float, float] | None:
    ascent = _sum(sessions, "total_ascent")
    if ascent is None:
        return None
    return ascent, _sum(sessions, "total_descent") or 0.0


def _stream_climb(altitude: FloatArray | None) -> tuple[float, float] | None:
    return None if altitude is None else tracks.climb_m(altitude)


def _lap(row: Row, activity_sport: str) -> Lap:
    lap_sport = _session_sport(row)[0] or activity_sport
    cadence = row.get("avg_cadence")
    if cadence is not None and is_foot_sport(lap_sport):
        cadence = 2.0 * (cadence + row.get("avg_fractional_cadence", 0.0))
    return Lap(
        start=datetime.fromtimestamp(row["start_time"], tz=UTC),
        duration_s=row.get("total_elapsed_time", 0.0),
        distance_m=row.get("total_distance"),
        avg_hr=row.get("avg_heart_rate"),
        max_hr=row.get("max_heart_rate"),
        avg_cadence_spm=cadence,
        avg_speed_m_s=row.get("enhanced_avg_speed", row.get("avg_speed")),
    )


def _device(file_ids: list[Row]) -> str | None:
    if not file_ids:
        return None
    maker_number = file_ids[0].get("manufacturer")
    maker = enum_name("manufacturer", maker_number)
    # fitdecode names the field by its resolved subfield (garmin_product), fitfast does not.
    product_number = file_ids[0].get("product", file_ids[0].get("garmin_product"))
    if maker is None:
        return None
    if product_number is None:
        return maker
    if maker_number is not None and int(maker_number) in GARMIN_PRODUCT_MAKERS:
        return f"{maker} {enum_name('garmin_product', product_number)}"
    return f"{maker} product {int(product_number)}"


def _damage_warning(tables: FitTables, kept: int) -> tuple[str, ...]:
    if tables.damage is None:
        return ()
    if tables.damage_offset is None:
        return (
            Phrase(
                "The file is damaged ({damage}); kept the {kept} records before the damage, "
                "and the totals are computed from them.",
                damage=tables.damage,
                kept=kept,
            ),
        )
    return (
        Phrase(
            "The file is damaged at byte {offset} ({damage}); kept the {kept} records before "
            "the damage, and the totals are computed from them.",
            offset=tables.damage_offset,
            damage=tables.damage,
            kept=kept,
        ),
    )
