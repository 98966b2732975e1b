"""Splits per kilometre or per mile, and the device's laps, worked out from an activity's samples.

A split ends where the distance along the activity passes the next whole unit; its time is
read between the two samples either side of that point, so a split of a 1 Hz file is exact to a
fraction of a second. The last split is the part left over, when it is long enough to read.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tagalong.activityfile.model import Activity, FloatArray, Lap, Streams
from tagalong.activityfile.tracks import (
    MAX_MOVING_GAP_S,
    MOVING_SPEED_M_S,
    cumulative_distance_m,
)

# A remainder shorter than this after the last whole unit is not worth a row of its own.
SHORTEST_LAST_SPLIT_M = 50.0


@dataclass(frozen=True, slots=True)
class Split:
    number: int  # 1 for the first
    distance_m: float
    elapsed_s: float  # from the start of the split to its end, stops included
    moving_s: float  # the part of it spent moving
    avg_hr_bpm: float | None
    elevation_change_m: float | None  # net: end altitude minus start altitude

    @property
    def pace_s_per_km(self) -> float | None:
        """Moving pace; ``None`` for a split covered without moving (a paused watch)."""
        if self.distance_m <= 0 or self.moving_s <= 0:
            return None
        return self.moving_s / (self.distance_m / 1000.0)

    def to_dict(self) -> dict[str, float | int | None]:
        return {
            "number": self.number,
            "distance_m": round(self.distance_m, 1),
            "elapsed_s": round(self.elapsed_s, 1),
            "moving_s": round(self.moving_s, 1),
            "avg_hr_bpm": None if self.avg_hr_bpm is None else round(self.avg_hr_bpm, 1),
            "elevation_change_m": (
                None if self.elevation_change_m is None else round(self.elevation_change_m, 1)
            ),
        }


def distance_along(streams: Streams) -> FloatArray | None:
    """The distance covered at each sample: the device's, else measured along the GPS track.

    Gaps are carried forward and the series never goes back, so it can be searched."""
    distance = streams.distance_m
    if distance is None or not np.isfinite(distance).any():
        if streams.latitude_deg is None or streams.longitude_deg is None:
            return None
        distance = cumulative_distance_m(streams.latitude_deg, streams.longitude_deg)
    filled = np.where(np.isfinite(distance), distance, -np.inf)
    running = np.maximum.accumulate(filled)
    result: FloatArray = np.where(np.isfinite(running), running, 0.0)
    return result


def _moving_seconds(time_s: FloatArray, distance_m: FloatArray) -> FloatArray:
    """Seconds of movement in each gap between samples (faster than walking, no long pause)."""
    dt = np.diff(time_s)
    dd = np.diff(distance_m)
    with np.errstate(divide="ignore", invalid="ignore"):
        speed = np.where(dt > 0, dd / dt, 0.0)
    moving = (speed > MOVING_SPEED_M_S) & (dt <= MAX_MOVING_GAP_S)
    seconds: FloatArray = np.where(moving, dt, 0.0)
    return seconds


def _mean_between(
    values: FloatArray | None, time_s: FloatArray, start: float, end: float
) -> float | None:
    if values is None:
        return None
    window = values[(time_s >= start) & (time_s <= end)]
    window = window[np.isfinite(window) & (window > 0)]
    return float(window.mean()) if window.size else None


def _altitude_at(altitude: FloatArray | None, time_s: FloatArray, at: float) -> float | None:
    if altitude is None:
        return None
    known = np.isfinite(altitude)
    if not known.any():
        return None
    return float(np.interp(at, time_s[known], altitude[known]))


def splits(streams: Streams, unit_m: float) -> tuple[Split, ...]:
    """One split per ``unit_m`` metres (1000 for kilometres, 1609.344 for miles)."""
    if unit_m <= 0:
        raise ValueError("a split must be longer than nothing")
    distance = distance_along(streams)
    time_s = streams.time_s
    if distance is None or len(streams) < 2 or not float(time_s[-1]) - float(time_s[0]) >= 1.0:
        return ()  # no distance, or no clock (a route drawn without times): nothing to split
    total = float(distance[-1])
    ends = [unit_m * k for k in range(1, int(total // unit_m) + 1)]
    if total - (ends[-1] if ends else 0.0) >= SHORTEST_LAST_SPLIT_M:
        ends.append(total)
    # np.interp needs rising x: of the samples at one distance (standing still), the last one
    # is where the runner set off again, so a boundary after a stop counts the stop.
    reached, from_end = np.unique(distance[::-1], return_index=True)
    times_at = np.interp(ends, reached, time_s[len(distance) - 1 - from_end]).tolist()
    moving = np.concatenate([[0.0], np.cumsum(_moving_seconds(time_s, distance))])
    moving_at = np.interp(times_at, time_s, moving).tolist()
    result: list[Split] = []
    start_m, start_t, start_moving = 0.0, float(time_s[0]), 0.0
    for number, (end_m, end_t, end_moving) in enumerate(
        zip(ends, times_at, moving_at, strict=True), 1
    ):
        before = _altitude_at(streams.altitude_m, time_s, start_t)
        after = _altitude_at(streams.altitude_m, time_s, end_t)
        result.append(
            Split(
                number=number,
                distance_m=end_m - start_m,
                elapsed_s=end_t - start_t,
                moving_s=end_moving - start_moving,
                avg_hr_bpm=_mean_between(streams.heart_rate_bpm, time_s, start_t, end_t),
                elevation_change_m=None if before is None or after is None else after - before,
            )
        )
        start_m, start_t, start_moving = end_m, end_t, end_moving
    return tuple(result)


def lap_rows(activity: Activity) -> list[dict[str, float | int | None]]:
    """The device's laps as stored rows (a file without laps, or with one lap, gives none)."""
    if len(activity.laps) < 2:
        return []
    return [_lap_row(number, lap) for number, lap in enumerate(activity.laps, 1)]


def _lap_row(number: int, lap: Lap) -> dict[str, float | int | None]:
    def rounded(value: float | None, digits: int = 1) -> float | None:
        return None if value is None or value != value else round(value, digits)

    speed = lap.avg_speed_m_s
    if speed is None and lap.distance_m and lap.duration_s > 0:
        speed = lap.distance_m / lap.duration_s
    return {
        "number": number,
        "duration_s": rounded(lap.duration_s),
        "distance_m": rounded(lap.distance_m),
        "avg_speed_m_s": rounded(speed, 3),
        "avg_hr_bpm": rounded(lap.avg_hr),
        "max_hr_bpm": rounded(lap.max_hr),
        "avg_cadence_spm": rounded(lap.avg_cadence_spm),
    }
