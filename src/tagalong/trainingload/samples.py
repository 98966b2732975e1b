"""Per-sample weights and masks shared by the stream-based measures.

Each sample stands for the time until the next sample. A gap longer than ``MAX_GAP_S`` is a pause
(auto-pause, a stop at a crossing): its time counts for nothing, so a paused watch does not add
minutes of heart rate or cadence that were never recorded.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from tagalong.activityfile.model import FloatArray, Streams

BoolArray = npt.NDArray[np.bool_]

MAX_GAP_S = 30.0
# Below this a runner is standing or walking slowly; such samples are "not moving".
MOVING_SPEED_M_S = 0.5


def sample_durations(time_s: FloatArray, *, max_gap_s: float = MAX_GAP_S) -> FloatArray:
    """Seconds each sample stands for (the forward difference; the last sample gets 0)."""
    if time_s.ndim != 1:
        raise ValueError("streams.time_s must be a one-dimensional array")
    if time_s.size == 0:
        return np.zeros(0, dtype=np.float64)
    dt = np.diff(time_s, append=time_s[-1])
    dt = np.where(np.isfinite(dt), dt, 0.0)
    if np.any(dt < 0):
        raise ValueError("streams.time_s must not go backwards")
    return np.where(dt > max_gap_s, 0.0, dt).astype(np.float64)


def moving_mask(streams: Streams, *, min_speed_m_s: float = MOVING_SPEED_M_S) -> BoolArray:
    """Mask of moving samples; every sample counts when there is no speed stream."""
    if streams.speed_m_s is None:
        return np.ones(len(streams), dtype=np.bool_)
    speed = streams.speed_m_s
    with np.errstate(invalid="ignore"):
        return np.isfinite(speed) & (speed >= min_speed_m_s)
