"""Cadence units: devices store strides (one foot) per minute, coaches talk in steps (both feet).

Evidence: ``fit.cadence.steps_per_minute`` (science.md section 4, GoldenCheetah issue #2060) and
``activityfile.cadence.sprint_check`` (values already in steps per minute are never doubled).
"""

from __future__ import annotations

import numpy as np

from tagalong.activityfile.model import FloatArray
from tagalong.activityfile.sports import RUN_SPORTS

EVIDENCE_ID = "fit.cadence.steps_per_minute"

# Below this median a running cadence can only be strides (one foot) per minute: nobody runs
# at fewer than 130 steps a minute, while 65 strides/min = 130 steps/min is a slow jog.
PER_LEG_RUN_CEILING_SPM = 130.0

# Doubled, a cadence this high is a sprint; below SPRINT_SPEED_M_S (18 km/h) nobody runs at it,
# so a value that would double past it was written in steps per minute already (treadmills).
SPRINT_STEPS_SPM = 210.0
SPRINT_SPEED_M_S = 5.0

# Sports whose cadence counts feet; every other sport keeps the device's rpm.
FOOT_SPORTS = RUN_SPORTS | {"walking", "hiking", "treadmill"}


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


def counts_one_foot(cadence: FloatArray, speed_m_s: FloatArray | None = None) -> bool:
    """Whether a run's cadence values are strides (one foot) rather than steps per minute.

    Decided once per file from its values: below ``PER_LEG_RUN_CEILING_SPM`` they are strides,
    unless doubling them would give a sprinter's cadence at a jogger's speed.
    """
    median = median_moving_cadence(cadence)
    if median is None or median >= PER_LEG_RUN_CEILING_SPM:
        return False
    if speed_m_s is not None and 2.0 * median > SPRINT_STEPS_SPM:
        moving = speed_m_s[np.isfinite(speed_m_s) & (speed_m_s > 0.5)]
        if moving.size and float(np.median(moving)) < SPRINT_SPEED_M_S:
            return False
    return True


def ensure_run_steps_per_minute(
    cadence: FloatArray, speed_m_s: FloatArray | None = None
) -> FloatArray:
    """A run's cadence in steps/min whatever the writer meant: per-leg values are doubled.

    Used where the file format does not say which convention the writer used (GPX, TCX).
    """
    if counts_one_foot(cadence, speed_m_s):
        return np.asarray(cadence * 2.0, dtype=np.float64)
    return cadence
