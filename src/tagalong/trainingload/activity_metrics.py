"""What one activity says about the runner: averages, distributions, zones, cadence, contact.

Averages and histograms are time-weighted (each sample counts for the seconds until the next one),
so smart recording and one-second recording agree. Gait measures (cadence, stance time, vertical
oscillation, step length) count only moving samples and treat a zero as "not measured"; heart
rate and power count every sample.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Literal

import numpy as np

from tagalong.activityfile.model import Activity, FloatArray, Streams
from tagalong.physiology.heart_rate import HeartRateZones
from tagalong.trainingload.samples import BoolArray, moving_mask, sample_durations

FootStrikeCategory = Literal["rearfoot", "midfoot", "forefoot"]
JsonValue = None | bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"]


def _edges(start: float, stop: float, step: float) -> tuple[float, ...]:
    count = round((stop - start) / step)
    return tuple(round(start + i * step, 6) for i in range(count + 1))


# Fixed bins so that distributions of different runs can be compared and summed.
HISTOGRAM_EDGES: dict[str, tuple[float, ...]] = {
    "cadence_spm": _edges(120, 220, 5),
    "speed_m_s": _edges(0, 7, 0.25),
    "heart_rate_bpm": _edges(60, 210, 5),
    "stance_time_ms": _edges(150, 400, 10),
    "vertical_oscillation_mm": _edges(40, 140, 5),
    "step_length_mm": _edges(500, 2000, 50),
    "power_w": _edges(0, 600, 20),
}
GAIT_STREAMS = frozenset(
    {"cadence_spm", "stance_time_ms", "vertical_oscillation_mm", "step_length_mm", "speed_m_s"}
)
# Pods name their fields freely; these are matched on the lower-cased name without separators.
CONTACT_TIME_FIELDS = ("groundtime", "contacttime", "gct", "stancetime")
FOOT_STRIKE_FIELDS = ("footstrike", "fstype", "strike")
# Only a field named as a strike *type* is read on RunScribe's 1–16 scale; an angle is not.
# load.foot_strike.runscribe_scale: 1–5 rearfoot, 6–10 midfoot, 11–16 forefoot.
RUNSCRIBE_MIDFOOT_FROM = 5.5
RUNSCRIBE_FOREFOOT_FROM = 10.5
RUNSCRIBE_MAX = 16.0


@dataclass(frozen=True, slots=True)
class Histogram:
    edges: tuple[float, ...]
    seconds: tuple[float, ...]  # one per bin; bins are [edge_i, edge_i+1)
    below_s: float
    above_s: float


# The joint speed × cadence distribution of running samples: kept per run so that cadence at any
# speed (cadence at easy pace, the athlete's cadence-speed line) can be worked out later from
# stored data, without the file.
JOINT_SPEED_EDGES = _edges(0, 7, 0.25)
JOINT_CADENCE_EDGES = _edges(120, 220, 1)


@dataclass(frozen=True, slots=True)
class JointHistogram:
    """Seconds per (speed bin, cadence bin) cell; only cells with time are listed."""

    speed_edges: tuple[float, ...]
    cadence_edges: tuple[float, ...]
    cells: tuple[tuple[int, int, float], ...]  # (speed bin, cadence bin, seconds)


@dataclass(frozen=True, slots=True)
class ZoneTime:
    zone: str
    seconds: float


@dataclass(frozen=True, slots=True)
class FootStrike:
    field: str
    median_value: float
    category: FootStrikeCategory | None  # None when the scale is not a known one


@dataclass(frozen=True, slots=True)
class ActivityMetrics:
    duration_s: float
    moving_s: float
    distance_m: float | None
    avg_speed_m_s: float | None
    avg_pace_s_per_km: float | None
    avg_cadence_spm: float | None
    avg_heart_rate_bpm: float | None
    max_heart_rate_bpm: float | None
    avg_power_w: float | None
    avg_vertical_oscillation_mm: float | None
    avg_step_length_mm: float | None
    ground_contact_time_ms: float | None
    easy_cadence_spm: float | None
    foot_strike: FootStrike | None
    time_in_hr_zones: tuple[ZoneTime, ...] | None
    distributions: dict[str, Histogram] = field(default_factory=dict)
    speed_cadence: JointHistogram | None = None

    def to_dict(self) -> dict[str, JsonValue]:
        """A JSON-ready dict: tuples become lists and NaN or infinity becomes None."""
        cleaned = _json_ready(self)
        assert isinstance(cleaned, dict)
        return cleaned


def _json_ready(value: object) -> JsonValue:
    # Walks nested dataclasses directly: dataclasses.asdict deep-copies every value first,
    # which cost more than the rest of the metrics for a run's histograms.
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [_json_ready(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_ready(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _json_ready(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, np.floating):
        number = float(value)
        return number if math.isfinite(number) else None
    raise TypeError(f"cannot serialise {type(value).__name__} in activity metrics")


def _valid(values: FloatArray, *, positive: bool) -> BoolArray:
    with np.errstate(invalid="ignore"):
        return np.isfinite(values) & (values > 0) if positive else np.isfinite(values)


def _weighted_mean(values: FloatArray, weights: FloatArray) -> float | None:
    total = float(np.sum(weights))
    if total <= 0:
        return None
    return float(np.sum(np.where(weights > 0, values, 0.0) * weights) / total)


def _weights(name: str, values: FloatArray, dt: FloatArray, moving: BoolArray) -> FloatArray:
    is_gait = name in GAIT_STREAMS
    valid = _valid(values, positive=is_gait or name == "heart_rate_bpm")
    if is_gait:
        valid &= moving
    weights: FloatArray = np.where(valid, dt, 0.0)
    return weights


def histogram(values: FloatArray, weights: FloatArray, edges: tuple[float, ...]) -> Histogram:
    """Seconds spent in each fixed bin, with the time below and above the bins kept apart."""
    edge_array = np.asarray(edges, dtype=np.float64)
    used = weights > 0
    v, w = values[used], weights[used]
    below = float(np.sum(w[v < edge_array[0]]))
    above = float(np.sum(w[v >= edge_array[-1]]))
    inside = (v >= edge_array[0]) & (v < edge_array[-1])
    counts, _ = np.histogram(v[inside], bins=edge_array, weights=w[inside])
    return Histogram(edges, tuple(float(c) for c in counts), below, above)


def _stream(streams: Streams, name: str) -> FloatArray | None:
    values: FloatArray | None = getattr(streams, name)
    return values


def _field_key(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _developer_field(
    streams: Streams, candidates: tuple[str, ...]
) -> tuple[str, FloatArray] | None:
    for name, values in streams.developer.items():
        key = _field_key(name)
        if any(candidate in key for candidate in candidates):
            return name, values
    return None


def _time_in_zones(
    hr: FloatArray | None, dt: FloatArray, zones: HeartRateZones
) -> tuple[ZoneTime, ...]:
    result = []
    for zone in zones.zones:
        if hr is None:
            result.append(ZoneTime(zone.name, 0.0))
            continue
        low = -np.inf if zone.low_bpm is None else zone.low_bpm
        high = np.inf if zone.high_bpm is None else zone.high_bpm
        with np.errstate(invalid="ignore"):
            inside = (hr >= low) & (hr < high)
        result.append(ZoneTime(zone.name, float(np.sum(dt[inside]))))
    return tuple(result)


def _easy_cadence(
    streams: Streams, dt: FloatArray, moving: BoolArray, band: tuple[float, float] | None
) -> float | None:
    cadence, speed = streams.cadence_spm, streams.speed_m_s
    if band is None or cadence is None or speed is None:
        return None
    low, high = band
    if not 0 <= low < high:
        raise ValueError(f"easy_speed_band must be (low, high) m/s with 0 <= low < high: {band}")
    with np.errstate(invalid="ignore"):
        chosen = moving & _valid(cadence, positive=True) & (speed >= low) & (speed <= high)
    chosen &= dt > 0
    if not np.any(chosen):
        return None
    return float(np.median(cadence[chosen]))


def joint_speed_cadence(
    streams: Streams, dt: FloatArray, moving: BoolArray
) -> JointHistogram | None:
    """Seconds of moving, cadence-bearing samples in each speed × cadence cell."""
    cadence, speed = streams.cadence_spm, streams.speed_m_s
    if cadence is None or speed is None:
        return None
    with np.errstate(invalid="ignore"):
        used = moving & _valid(cadence, positive=True) & np.isfinite(speed) & (dt > 0)
    if not np.any(used):
        return None
    seconds, _, _ = np.histogram2d(
        speed[used],
        cadence[used],
        bins=(np.asarray(JOINT_SPEED_EDGES), np.asarray(JOINT_CADENCE_EDGES)),
        weights=dt[used],
    )
    rows, columns = np.nonzero(seconds)
    cells = tuple(
        (int(i), int(j), round(float(seconds[i, j]), 3))
        for i, j in zip(rows.tolist(), columns.tolist(), strict=True)
    )
    return JointHistogram(JOINT_SPEED_EDGES, JOINT_CADENCE_EDGES, cells) if cells else None


def _ground_contact(streams: Streams, dt: FloatArray, moving: BoolArray) -> float | None:
    values = streams.stance_time_ms
    if values is None or not np.any(_valid(values, positive=True)):
        found = _developer_field(streams, CONTACT_TIME_FIELDS)
        if found is None:
            return None
        values = found[1]
    return _weighted_mean(values, _weights("stance_time_ms", values, dt, moving))


def foot_strike(streams: Streams, moving: BoolArray) -> FootStrike | None:
    """Median foot-strike value from a pod's developer field; None when no pod reports it."""
    found = _developer_field(streams, FOOT_STRIKE_FIELDS)
    if found is None:
        return None
    name, values = found
    usable = moving & _valid(values, positive=True)
    if not np.any(usable):
        return None
    median = float(np.median(values[usable]))
    is_type_scale = "type" in _field_key(name)
    category = _runscribe_category(median, values[usable]) if is_type_scale else None
    return FootStrike(name, median, category)


def _runscribe_category(median: float, values: FloatArray) -> FootStrikeCategory | None:
    if float(np.max(values)) > RUNSCRIBE_MAX:
        return None  # not the 1–16 type scale: report the number only
    if median < RUNSCRIBE_MIDFOOT_FROM:
        return "rearfoot"
    return "midfoot" if median < RUNSCRIBE_FOREFOOT_FROM else "forefoot"


def activity_metrics(
    activity: Activity,
    *,
    hr_zones: HeartRateZones | None = None,
    easy_speed_band: tuple[float, float] | None = None,
) -> ActivityMetrics:
    """Averages, fixed-bin distributions, zone times, easy cadence and contact for one activity."""
    streams = activity.streams
    dt = sample_durations(streams.time_s)
    moving = moving_mask(streams)
    averages: dict[str, float | None] = {}
    distributions: dict[str, Histogram] = {}
    for name, edges in HISTOGRAM_EDGES.items():
        values = _stream(streams, name)
        if values is None:
            averages[name] = None
            continue
        if values.shape != dt.shape:
            raise ValueError(f"streams.{name} has {values.size} samples, time_s has {dt.size}")
        weights = _weights(name, values, dt, moving)
        averages[name] = _weighted_mean(values, weights)
        if np.any(weights > 0):
            distributions[name] = histogram(values, weights, edges)
    speed = averages["speed_m_s"]
    hr = streams.heart_rate_bpm
    return ActivityMetrics(
        duration_s=activity.duration_s,
        moving_s=activity.moving_s,
        distance_m=activity.distance_m,
        avg_speed_m_s=speed,
        avg_pace_s_per_km=1000.0 / speed if speed else None,
        avg_cadence_spm=averages["cadence_spm"],
        avg_heart_rate_bpm=averages["heart_rate_bpm"],
        max_heart_rate_bpm=_max(hr),
        avg_power_w=averages["power_w"],
        avg_vertical_oscillation_mm=averages["vertical_oscillation_mm"],
        avg_step_length_mm=averages["step_length_mm"],
        ground_contact_time_ms=_ground_contact(streams, dt, moving),
        easy_cadence_spm=_easy_cadence(streams, dt, moving, easy_speed_band),
        foot_strike=foot_strike(streams, moving),
        time_in_hr_zones=None if hr_zones is None else _time_in_zones(hr, dt, hr_zones),
        distributions=distributions,
        speed_cadence=joint_speed_cadence(streams, dt, moving) if activity.is_run else None,
    )


def _max(values: FloatArray | None) -> float | None:
    if values is None or not np.any(np.isfinite(values)):
        return None
    return float(np.nanmax(values))
