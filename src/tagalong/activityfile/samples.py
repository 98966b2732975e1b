"""Build an ``Activity`` from per-point samples, as GPX and TCX give them."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

import numpy as np
import numpy.typing as npt

from tagalong.activityfile import tracks
from tagalong.activityfile.cadence import ensure_run_steps_per_minute, is_foot_sport
from tagalong.activityfile.model import Activity, FloatArray, Lap, SourceFormat, Streams
from tagalong.activityfile.sports import is_run_sport

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
# What gpxpy also accepts beyond ISO 8601 proper: one-digit fields, a space for the T, a
# fraction of any length, a zone without its colon.
_LOOSE_TIME = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?"
    r"(Z|[+\-\u2212]\d{2}:?(?:\d{2})?)?$"
)


def time_us(text: str | None) -> int | None:
    """An XML time as integer microseconds since 1970 (UTC); no zone means UTC; None if unreadable.

    Integers keep the sample times exact (float seconds since 1970 lose the microseconds).
    """
    if not text:
        return None
    text = text.strip()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        loose = _loose_time(text)
        if loose is None:
            return None
        moment = loose
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return (moment - _EPOCH) // _MICROSECOND


def _loose_time(text: str) -> datetime | None:
    match = _LOOSE_TIME.match(text)
    if match is None:
        return None
    fraction = (match.group(7) or ".0")[1:7].ljust(6, "0")
    zone = UTC
    if match.group(8) and match.group(8) != "Z":
        sign = -1 if match.group(8)[0] in "-\u2212" else 1
        digits = match.group(8)[1:].replace(":", "").ljust(4, "0")
        zone = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    try:
        year, month, day, hour, minute, second = (int(match.group(i)) for i in range(1, 7))
        return datetime(year, month, day, hour, minute, second, int(fraction), tzinfo=zone)
    except ValueError:
        return None


_ZONED = re.compile(r"(?:Z|[+\-\u2212]\d{2}(?::?\d{2})?)$")
_FIRST_TIME = re.compile(rb"<(?:[\w.-]+:)?[Tt]ime>\s*([^<\s]+)\s*<")


def times_without_zone(data: bytes) -> bool:
    """Whether the file's first point time has no zone (read as UTC until one is known)."""
    match = _FIRST_TIME.search(data)
    if match is None:
        return False
    return _ZONED.search(match.group(1).decode("ascii", "replace")) is None


def number(text: str | None) -> float:
    """A number written in XML, or NaN when absent or unreadable."""
    if text is None:
        return math.nan
    try:
        return float(text)
    except ValueError:
        return math.nan


IntArray = npt.NDArray[np.int64]


@dataclass(slots=True)
class Samples:
    """Columns filled point by point, one entry per timed point; NaN where a value is missing."""

    times_us: list[int] = field(default_factory=list)  # microseconds since 1970, UTC
    latitude: list[float] = field(default_factory=list)
    longitude: list[float] = field(default_factory=list)
    altitude: list[float] = field(default_factory=list)
    heart_rate: list[float] = field(default_factory=list)
    cadence: list[float] = field(default_factory=list)  # as written in the file
    distance: list[float] = field(default_factory=list)  # the file's own, if any
    speed: list[float] = field(default_factory=list)
    power: list[float] = field(default_factory=list)
    segment: list[float] = field(default_factory=list)  # GPX track segment number, if any

    def columns(self) -> PointColumns:
        return PointColumns(
            np.asarray(self.times_us, dtype=np.int64),
            {name: np.asarray(getattr(self, name), dtype=np.float64) for name in VALUE_COLUMNS},
        )

    def add(self, time: datetime, **values: float | None) -> None:
        """One point from Python values (a time without a zone is UTC); readers append directly."""
        aware = time if time.tzinfo else time.replace(tzinfo=UTC)
        self.times_us.append((aware - _EPOCH) // _MICROSECOND)
        for name in VALUE_COLUMNS:
            value = values.get(name)
            getattr(self, name).append(math.nan if value is None else float(value))


VALUE_COLUMNS = (
    "latitude",
    "longitude",
    "altitude",
    "heart_rate",
    "cadence",
    "distance",
    "speed",
    "power",
    "segment",
)


@dataclass(frozen=True, slots=True)
class PointColumns:
    """The same columns as arrays, as readers that take a column at once give them."""

    times_us: IntArray
    values: dict[str, FloatArray]  # by VALUE_COLUMNS name; a missing name is all NaN

    def __len__(self) -> int:
        return int(self.times_us.shape[0])

    def column(self, name: str) -> FloatArray:
        found = self.values.get(name)
        return np.full(len(self), np.nan) if found is None else found


@dataclass(frozen=True, slots=True)
class Header:
    source_format: SourceFormat
    sport: str
    name: str | None = None
    device: str | None = None
    laps: tuple[Lap, ...] = ()
    # True when the writer stores one foot's strides per minute (Garmin/Strava GPX, TCX).
    cadence_per_leg: bool = True
    # What the device summed up (TCX laps): these win over the samples' figures.
    timer_s: float | None = None
    distance_m: float | None = None
    avg_hr_bpm: float | None = None
    max_hr_bpm: float | None = None
    naive_times: bool = False
    index_in_file: int = 0
    warnings: tuple[str, ...] = ()


def build_from_samples(samples: Samples | PointColumns, header: Header) -> Activity:
    points = samples.columns() if isinstance(samples, Samples) else samples
    times = points.times_us
    if times.size == 0:
        raise ValueError("build_from_samples needs at least one timed point")
    start_us = int(times.min())
    start = _EPOCH + timedelta(microseconds=start_us)
    order: slice | np.ndarray = slice(None)
    if times.size > 1 and not bool(np.all(np.diff(times) >= 0)):
        order = np.argsort(times, kind="stable")
    time_s = (times[order] - start_us) / 1e6
    breaks = _segment_breaks(points.column("segment")[order])
    lat, lon = points.column("latitude")[order], points.column("longitude")[order]
    distance = _from_zero(tracks.column_or_none(points.column("distance")[order]))
    if distance is None and np.isfinite(lat).any():
        distance = tracks.cumulative_distance_m(lat, lon, breaks=breaks)
    file_speed = tracks.column_or_none(points.column("speed")[order])
    speed = file_speed
    if speed is None and distance is not None:
        speed = tracks.speed_from_distance(time_s, distance)
    altitude = tracks.column_or_none(points.column("altitude")[order])
    climb = tracks.climb_m(altitude) if altitude is not None else None
    streams = Streams(
        time_s=time_s,
        distance_m=distance,
        speed_m_s=speed,
        heart_rate_bpm=tracks.column_or_none(points.column("heart_rate")[order]),
        cadence_spm=_cadence(points.column("cadence")[order], header, speed),
        altitude_m=altitude,
        latitude_deg=tracks.column_or_none(lat),
        longitude_deg=tracks.column_or_none(lon),
        power_w=tracks.column_or_none(points.column("power")[order]),
    )
    duration = float(time_s[-1] - time_s[0])
    timer = header.timer_s or _timer_from_breaks(time_s, breaks)
    return Activity(
        source_format=header.source_format,
        sport=header.sport,
        sub_sport=None,
        start=start,
        duration_s=duration,
        moving_s=header.timer_s or _moving(time_s, speed, breaks, timer),
        distance_m=header.distance_m or tracks.nan_max(distance),
        ascent_m=climb[0] if climb else None,
        descent_m=climb[1] if climb else None,
        laps=header.laps,
        device=header.device,
        streams=streams,
        name=header.name,
        timer_s=timer,
        avg_hr_bpm=header.avg_hr_bpm,
        max_hr_bpm=header.max_hr_bpm,
        index_in_file=header.index_in_file,
        naive_times=header.naive_times,
        warnings=header.warnings,
    )


def _from_zero(distance: FloatArray | None) -> FloatArray | None:
    """A distance channel counted from the start, whatever it starts at (an odometer)."""
    if distance is None:
        return None
    first = distance[np.isfinite(distance)][0]
    return distance - first if first else distance


def _segment_breaks(segment: FloatArray) -> npt.NDArray[np.bool_] | None:
    """True at the first point of every track segment after the first (a paused recording)."""
    if segment.size < 2 or not np.isfinite(segment).all():
        return None
    breaks = np.r_[False, np.diff(segment) != 0]
    return breaks if breaks.any() else None


def _timer_from_breaks(time_s: FloatArray, breaks: npt.NDArray[np.bool_] | None) -> float | None:
    """Elapsed time less the pauses between track segments (the recorder was stopped)."""
    if breaks is None:
        return None
    paused = float(np.sum(np.diff(time_s)[breaks[1:]]))
    return float(time_s[-1] - time_s[0]) - paused


def _moving(
    time_s: FloatArray,
    speed: FloatArray | None,
    breaks: npt.NDArray[np.bool_] | None,
    timer: float | None,
) -> float:
    """Time faster than walking pace; with nothing that measures movement (an indoor file
    without distance), the time the recording ran."""
    if speed is None or not np.any(np.nan_to_num(speed) > tracks.MOVING_SPEED_M_S):
        return timer if timer is not None else tracks.recording_time_s(time_s)
    if breaks is not None:
        speed = np.where(breaks, 0.0, speed)
    return tracks.moving_time_s(time_s, speed)


def _cadence(raw: FloatArray, header: Header, speed: FloatArray | None) -> FloatArray | None:
    cadence = tracks.column_or_none(raw)
    if cadence is None or not is_foot_sport(header.sport):
        return cadence
    if is_run_sport(header.sport):
        # The writer's convention is not stated in the file: decide once from the values.
        return ensure_run_steps_per_minute(cadence, speed)
    return cadence * 2.0 if header.cadence_per_leg else cadence


def sport_from_label(label: str | None) -> str:
    """A GPX ``<type>`` or TCX ``Sport`` label in our sport names."""
    if not label:
        return "generic"
    text = label.strip().lower()
    if text in STRAVA_TYPE_NUMBERS:
        return STRAVA_TYPE_NUMBERS[text]
    for fragment, sport in SPORT_FRAGMENTS:
        if fragment in text:
            return sport
    return "generic"


# Strava writes its activity type number into GPX <type>.
STRAVA_TYPE_NUMBERS = {"1": "cycling", "4": "hiking", "9": "running", "10": "walking"}
SPORT_FRAGMENTS = (
    ("run", "running"),
    ("treadmill", "running"),
    ("jog", "running"),
    ("walk", "walking"),
    ("hik", "hiking"),
    ("bik", "cycling"),
    ("cycl", "cycling"),
    ("ride", "cycling"),
    ("swim", "swimming"),
    ("ski", "cross_country_skiing"),
    ("paddl", "stand_up_paddleboarding"),
    ("row", "rowing"),
)
