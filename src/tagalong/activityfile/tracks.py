"""Summaries computed from the streams when the file does not state them itself."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from tagalong.activityfile.model import FloatArray

EARTH_RADIUS_M = 6_371_008.8  # IUGG mean Earth radius

# GPS and barometric altitude jitter by a few metres; a climb must exceed this before it counts,
# so noise on flat ground does not add up to hundreds of metres of "ascent".
ASCENT_HYSTERESIS_M = 5.0

# Slower than this (1.8 km/h) the athlete is standing, not walking.
MOVING_SPEED_M_S = 0.5

# A gap longer than this between samples is a pause (auto-pause, tunnel), not movement.
MAX_MOVING_GAP_S = 30.0


def cumulative_distance_m(
    latitude_deg: FloatArray,
    longitude_deg: FloatArray,
    *,
    breaks: npt.NDArray[np.bool_] | None = None,
) -> FloatArray:
    """Haversine distance along the track, from 0; samples without a position add nothing,
    nor does the straight line to a sample marked in ``breaks`` (a new track segment)."""
    lat = np.radians(latitude_deg)
    lon = np.radians(longitude_deg)
    valid = np.isfinite(lat) & np.isfinite(lon)
    steps = np.zeros(lat.shape[0], dtype=np.float64)
    index = np.flatnonzero(valid)
    if index.size >= 2:
        lat_v, lon_v = lat[index], lon[index]
        dlat = np.diff(lat_v)
        dlon = np.diff(lon_v)
        a = np.sin(dlat / 2) ** 2 + np.cos(lat_v[:-1]) * np.cos(lat_v[1:]) * np.sin(dlon / 2) ** 2
        steps[index[1:]] = 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    if breaks is not None:
        steps[breaks] = 0.0
    return np.cumsum(steps)


def climb_m(altitude_m: FloatArray) -> tuple[float, float] | None:
    """(ascent, descent) in metres, counting only swings larger than the hysteresis band."""
    alt = altitude_m[np.isfinite(altitude_m)]
    if alt.size == 0:
        return None
    ascent = descent = 0.0
    anchor = float(alt[0])
    for value in alt[1:].tolist():
        change = value - anchor
        if change >= ASCENT_HYSTERESIS_M:
            ascent += change
            anchor = value
        elif change <= -ASCENT_HYSTERESIS_M:
            descent -= change
            anchor = value
    return ascent, descent


def speed_from_distance(time_s: FloatArray, distance_m: FloatArray) -> FloatArray:
    """Speed between consecutive samples (the first sample copies the second)."""
    speed = np.full(time_s.shape[0], np.nan)
    if time_s.shape[0] >= 2:
        dt = np.diff(time_s)
        dd = np.diff(distance_m)
        with np.errstate(divide="ignore", invalid="ignore"):
            speed[1:] = np.where(dt > 0, dd / dt, np.nan)
        speed[0] = speed[1]
    return speed


def moving_time_s(time_s: FloatArray, speed_m_s: FloatArray) -> float:
    """Seconds spent faster than walking pace, ignoring pauses between samples."""
    if time_s.shape[0] < 2:
        return 0.0
    dt = np.diff(time_s)
    moving = (speed_m_s[1:] > MOVING_SPEED_M_S) & (dt > 0) & (dt <= MAX_MOVING_GAP_S)
    return float(np.sum(dt[moving]))


def recording_time_s(time_s: FloatArray) -> float:
    """Seconds between samples, leaving out gaps where the recording was paused."""
    if time_s.shape[0] < 2:
        return 0.0
    dt = np.diff(time_s)
    return float(np.sum(dt[(dt > 0) & (dt <= MAX_MOVING_GAP_S)]))


def nan_mean(values: FloatArray | None) -> float | None:
    if values is None:
        return None
    finite = values[np.isfinite(values)]
    return float(np.mean(finite)) if finite.size else None


def nan_max(values: FloatArray | None) -> float | None:
    if values is None:
        return None
    finite = values[np.isfinite(values)]
    return float(np.max(finite)) if finite.size else None


def column_or_none(values: FloatArray | None) -> FloatArray | None:
    """``None`` for a stream that holds no value at all (the model's rule for absent data)."""
    if values is None or not np.isfinite(values).any():
        return None
    return values
