"""Grade-adjusted speed: the flat speed with the same energy cost (load.grade_cost.minetti_2002)."""

from __future__ import annotations

import numpy as np

from tagalong.activityfile.model import FloatArray, Streams

MAX_ABS_GRADE = 0.45  # the range Minetti measured
# Half-width of the centred window, in samples, over which grade is taken: single-sample altitude
# steps from barometers are ±1 m noise and would give absurd grades over a 3 m step.
GRADE_HALF_WINDOW = 5
MIN_GRADE_RUN_M = 5.0
FLAT_COST_J_PER_KG_M = 3.6


def running_cost_j_per_kg_m(grade: FloatArray) -> FloatArray:
    """Minetti's energy cost of running at ``grade`` (rise over run)."""
    g = np.clip(grade, -MAX_ABS_GRADE, MAX_ABS_GRADE)
    cost = 155.4 * g**5 - 30.4 * g**4 - 43.3 * g**3 + 46.3 * g**2 + 19.5 * g + 3.6
    return np.asarray(cost, dtype=np.float64)


def _filled(values: FloatArray) -> FloatArray | None:
    """Linearly fill NaN gaps; None when fewer than two samples are finite."""
    finite = np.isfinite(values)
    if np.count_nonzero(finite) < 2:
        return None
    index = np.arange(values.size, dtype=np.float64)
    return np.interp(index, index[finite], values[finite]).astype(np.float64)


def _distance(streams: Streams) -> FloatArray | None:
    if streams.distance_m is not None:
        return _filled(streams.distance_m)
    if streams.speed_m_s is None:
        return None
    speed = np.nan_to_num(streams.speed_m_s, nan=0.0)
    dt = np.diff(streams.time_s, prepend=streams.time_s[0])
    return np.cumsum(speed * dt).astype(np.float64)


def grade(streams: Streams) -> FloatArray | None:
    """Per-sample grade over a centred window; None without altitude and distance (or speed)."""
    if streams.altitude_m is None:
        return None
    altitude = _filled(streams.altitude_m)
    distance = _distance(streams)
    if altitude is None or distance is None:
        return None
    n = altitude.size
    index = np.arange(n)
    ahead = np.minimum(index + GRADE_HALF_WINDOW, n - 1)
    behind = np.maximum(index - GRADE_HALF_WINDOW, 0)
    run = distance[ahead] - distance[behind]
    rise = altitude[ahead] - altitude[behind]
    safe_run = np.where(run >= MIN_GRADE_RUN_M, run, 1.0)
    slope = np.where(run >= MIN_GRADE_RUN_M, rise / safe_run, 0.0)
    return np.clip(slope, -MAX_ABS_GRADE, MAX_ABS_GRADE).astype(np.float64)


def grade_adjusted_speed(streams: Streams) -> FloatArray | None:
    """Speed × cost(grade) ÷ cost(flat); plain speed when there is no altitude to grade with."""
    if streams.speed_m_s is None:
        return None
    slope = grade(streams)
    if slope is None:
        return streams.speed_m_s
    factor: FloatArray = running_cost_j_per_kg_m(slope) / FLAT_COST_J_PER_KG_M
    adjusted: FloatArray = streams.speed_m_s * factor
    return adjusted
