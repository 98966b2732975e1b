"""Build an ``Activity`` from per-point samples, as GPX and TCX give them."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np

from tagalong.activityfile import tracks
from tagalong.activityfile.cadence import ensure_run_steps_per_minute, is_foot_sport
from tagalong.activityfile.model import Activity, FloatArray, Lap, SourceFormat, Streams


@dataclass(slots=True)
class Samples:
    """Columns filled point by point; ``math.nan`` where a point lacks the value."""

    times: list[datetime] = field(default_factory=list)
    latitude: list[float] = field(default_factory=list)
    longitude: list[float] = field(default_factory=list)
    altitude: list[float] = field(default_factory=list)
    heart_rate: list[float] = field(default_factory=list)
    cadence: list[float] = field(default_factory=list)  # as written in the file
    distance: list[float] = field(default_factory=list)  # the file's own, if any
    speed: list[float] = field(default_factory=list)
    power: list[float] = field(default_factory=list)

    def add(self, time: datetime, **values: float | None) -> None:
        # A time without a zone is taken as UTC, which is what GPX and TCX prescribe.
        self.times.append(time if time.tzinfo else time.replace(tzinfo=UTC))
        for name in VALUE_COLUMNS:
            getattr(self, name).append(_float(values.get(name)))


VALUE_COLUMNS = (
    "latitude",
    "longitude",
    "altitude",
    "heart_rate",
    "cadence",
    "distance",
    "speed",
    "power",
)


def _float(value: float | None) -> float:
    return math.nan if value is None else float(value)


def _array(values: list[float]) -> FloatArray:
    return np.asarray(values, dtype=np.float64)


@dataclass(frozen=True, slots=True)
class Header:
    source_format: SourceFormat
    sport: str
    name: str | None = None
    device: str | None = None
    laps: tuple[Lap, ...] = ()
    # True when the writer stores one foot's strides per minute (Garmin/Strava GPX, TCX).
    cadence_per_leg: bool = True


def build_from_samples(samples: Samples, header: Header) -> Activity:
    start = min(samples.times).astimezone(UTC)
    order = np.argsort(np.array([t.timestamp() for t in samples.times]), kind="stable")
    time_s = np.array([(t - start).total_seconds() for t in samples.times])[order]
    lat, lon = _array(samples.latitude)[order], _array(samples.longitude)[order]
    file_distance = tracks.column_or_none(_array(samples.distance)[order])
    distance = file_distance
    if distance is None and np.isfinite(lat).any():
        distance = tracks.cumulative_distance_m(lat, lon)
    speed = tracks.column_or_none(_array(samples.speed)[order])
    if speed is None and distance is not None:
        speed = tracks.speed_from_distance(time_s, distance)
    altitude = tracks.column_or_none(_array(samples.altitude)[order])
    climb = tracks.climb_m(altitude) if altitude is not None else None
    streams = Streams(
        time_s=time_s,
        distance_m=distance,
        speed_m_s=speed,
        heart_rate_bpm=tracks.column_or_none(_array(samples.heart_rate)[order]),
        cadence_spm=_cadence(_array(samples.cadence)[order], header),
        altitude_m=altitude,
        latitude_deg=tracks.column_or_none(lat),
        longitude_deg=tracks.column_or_none(lon),
        power_w=tracks.column_or_none(_array(samples.power)[order]),
    )
    return Activity(
        source_format=header.source_format,
        sport=header.sport,
        sub_sport=None,
        start=start,
        duration_s=float(time_s[-1] - time_s[0]),
        moving_s=tracks.moving_time_s(time_s, speed) if speed is not None else float(time_s[-1]),
        distance_m=tracks.nan_max(distance),
        ascent_m=climb[0] if climb else None,
        descent_m=climb[1] if climb else None,
        laps=header.laps,
        device=header.device,
        streams=streams,
        name=header.name,
    )


def _cadence(raw: FloatArray, header: Header) -> FloatArray | None:
    cadence = tracks.column_or_none(raw)
    if cadence is None or not is_foot_sport(header.sport):
        return cadence
    if header.sport == "running":
        # The writer's convention is not stated in the file: decide from the values.
        return ensure_run_steps_per_minute(cadence)
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
