"""Cadence units: devices store strides (one foot) per minute, coaches talk in steps (both feet).

Evidence: ``fit.cadence.steps_per_minute`` (science.md section 4, GoldenCheetah issue #2060).
"""

from __future__ import annotations

import numpy as np

from tagalong.activityfile.model import FloatArray

EVIDENCE_ID = "fit.cadence.steps_per_minute"

# Below this median a running cadence can only be strides (one foot) per minute: nobody runs
# at fewer than 130 steps a minute, while 65 strides/min = 130 steps/min is a slow jog.
PER_LEG_RUN_CEILING_SPM = 130.0

# Sports whose cadence counts feet; every other sport keeps the device's rpm.
FOOT_SPORTS = frozenset({"running", "walking", "hiking", "trail_running", "treadmill"})


def is_foot_sport(sport: str) -> bool:
    return sport in FOOT_SPORTS


def fit_steps_per_minute(cadence: FloatArray, fractional: FloatArray | None) -> FloatArray:
    """FIT ``record.cadence`` (+ ``fractional_cadence``) for a foot sport, as steps/min.

    FIT stores one foot's strides per minute, so 79 + 0.5 becomes 159 steps/min.
    """
    strides = cadence if fractional is None else cadence + np.nan_to_num(fractional)
    return np.asarray(2.0 * strides, dtype=np.float64)


def median_moving_cadence(cadence: FloatArray) -> float | None:
    """Median over the samples where the athlete was moving (cadence above zero)."""
    moving = cadence[np.isfinite(cadence) & (cadence > 0)]
    if moving.size == 0:
        return None
    return float(np.median(moving))


def ensure_run_steps_per_minute(cadence: FloatArray) -> FloatArray:
    """A run's cadence in steps/min whatever the writer meant: per-leg values are doubled.

    Used where the file format does not say which convention the writer used (GPX, TCX).
    """
    median = median_moving_cadence(cadence)
    if median is not None and median < PER_LEG_RUN_CEILING_SPM:
        return np.asarray(cadence * 2.0, dtype=np.float64)
    return cadence
