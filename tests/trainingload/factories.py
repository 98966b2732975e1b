"""Small Activity builders: constant or given streams, one sample a second by default."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import numpy as np

from tagalong.activityfile.model import Activity, FloatArray, Lap, Streams

START = datetime(2026, 3, 1, 7, 0, tzinfo=UTC)
StreamValue = float | Sequence[float] | FloatArray | None


def _stream(value: StreamValue, n: int) -> FloatArray | None:
    if value is None:
        return None
    if isinstance(value, float | int):
        return np.full(n, float(value), dtype=np.float64)
    array = np.asarray(value, dtype=np.float64)
    assert array.shape == (n,), f"stream has {array.shape}, expected ({n},)"
    return array


def make_activity(
    *,
    seconds: int = 600,
    time_s: Sequence[float] | FloatArray | None = None,
    speed_m_s: StreamValue = None,
    heart_rate_bpm: StreamValue = None,
    cadence_spm: StreamValue = None,
    altitude_m: StreamValue = None,
    distance_m: StreamValue = None,
    power_w: StreamValue = None,
    stance_time_ms: StreamValue = None,
    vertical_oscillation_mm: StreamValue = None,
    step_length_mm: StreamValue = None,
    developer: dict[str, StreamValue] | None = None,
    laps: Sequence[Lap] = (),
    sport: str = "running",
) -> Activity:
    times = np.arange(seconds + 1, dtype=np.float64) if time_s is None else np.asarray(time_s)
    n = times.size
    streams = Streams(
        time_s=times,
        distance_m=_stream(distance_m, n),
        speed_m_s=_stream(speed_m_s, n),
        heart_rate_bpm=_stream(heart_rate_bpm, n),
        cadence_spm=_stream(cadence_spm, n),
        altitude_m=_stream(altitude_m, n),
        power_w=_stream(power_w, n),
        stance_time_ms=_stream(stance_time_ms, n),
        vertical_oscillation_mm=_stream(vertical_oscillation_mm, n),
        step_length_mm=_stream(step_length_mm, n),
        developer={
            k: v
            for k, v in ((k, _stream(v, n)) for k, v in (developer or {}).items())
            if v is not None
        },
    )
    duration = float(times[-1] - times[0])
    return Activity(
        source_format="fit",
        sport=sport,
        sub_sport=None,
        start=START,
        duration_s=duration,
        moving_s=duration,
        distance_m=None,
        ascent_m=None,
        descent_m=None,
        laps=tuple(laps),
        device="test",
        streams=streams,
    )
