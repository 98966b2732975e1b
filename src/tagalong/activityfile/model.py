"""One typed activity, whatever file format it came from.

Streams are float64 NumPy arrays of equal length, one value per sample, NaN where the device
recorded nothing. A stream the file never carries is ``None`` rather than an all-NaN array.
Units are in the field names; running cadence is always steps per minute (both feet).

Times follow docs/activity-times.md: ``duration_s`` is the elapsed time (start to finish, stops
included), ``timer_s`` the time the device's timer ran (pauses left out), ``moving_s`` the time
the runner moved: the device's timer where it kept one, else worked out from the samples.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

import numpy as np
import numpy.typing as npt

from tagalong.activityfile.sports import is_run_sport

FloatArray = npt.NDArray[np.float64]
SourceFormat = Literal["fit", "gpx", "tcx"]


@dataclass(frozen=True, slots=True)
class Lap:
    start: datetime  # UTC, timezone-aware
    duration_s: float
    distance_m: float | None = None
    avg_hr: float | None = None
    max_hr: float | None = None
    avg_cadence_spm: float | None = None
    avg_speed_m_s: float | None = None


@dataclass(frozen=True, slots=True)
class Streams:
    time_s: FloatArray  # seconds since the activity start
    distance_m: FloatArray | None = None
    speed_m_s: FloatArray | None = None
    heart_rate_bpm: FloatArray | None = None
    cadence_spm: FloatArray | None = None
    altitude_m: FloatArray | None = None
    latitude_deg: FloatArray | None = None
    longitude_deg: FloatArray | None = None
    power_w: FloatArray | None = None
    stance_time_ms: FloatArray | None = None
    stance_time_balance_pct: FloatArray | None = None
    vertical_oscillation_mm: FloatArray | None = None
    vertical_ratio_pct: FloatArray | None = None
    step_length_mm: FloatArray | None = None
    # Developer fields from foot pods (Stryd, RunScribe ...), keyed by their field name.
    developer: dict[str, FloatArray] = field(default_factory=dict)

    def __len__(self) -> int:
        return int(self.time_s.shape[0])


@dataclass(frozen=True, slots=True)
class Activity:
    source_format: SourceFormat
    sport: str  # "running", "cycling", "walking", "swimming", "generic" ...
    sub_sport: str | None
    start: datetime  # UTC, timezone-aware
    duration_s: float  # elapsed, first to last sample (or the session's total elapsed time)
    moving_s: float
    distance_m: float | None
    ascent_m: float | None
    descent_m: float | None
    laps: tuple[Lap, ...]
    device: str | None
    streams: Streams
    # True when the file was damaged and only the records before the damage were kept.
    recovered: bool = False
    warnings: tuple[str, ...] = ()
    name: str | None = None  # the title stored in the file, if any (GPX/TCX)
    timer_s: float | None = None  # the device's timer (FIT session, TCX laps); None if not kept
    # Session totals as the device wrote them (the summary shows these before computed ones).
    avg_hr_bpm: float | None = None
    max_hr_bpm: float | None = None
    avg_cadence_spm: float | None = None  # steps/min for foot sports, rpm otherwise
    index_in_file: int = 0  # which activity of a multi-activity file (0 for the first)
    # True when the file's times carry no time zone (read as UTC until a zone is known).
    naive_times: bool = False

    @property
    def is_run(self) -> bool:
        """Trail, treadmill, track and virtual runs too (``activityfile.sports``)."""
        return is_run_sport(self.sport)
