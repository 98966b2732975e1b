"""Device totals first: what the watch summed up wins, the samples fill in what it left out.

Garmin Connect and Strava show the session totals the device wrote (distance, elapsed and timer
time, average and maximum heart rate, average cadence); the same numbers worked out from the
samples differ a little (dropped samples, zeros, smoothing). Where the two differ by more than
``TOLERANCES`` the activity carries a warning naming both. Every figure is checked here before
anyone stores it: no infinite or NaN value, moving time never above elapsed time.

Evidence: ``activityfile.totals.device_first`` and ``activityfile.times.definitions``.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from tagalong.activityfile import tracks
from tagalong.activityfile.cadence import is_foot_sport
from tagalong.activityfile.model import Activity, FloatArray
from tagalong.wording import Phrase

EVIDENCE_ID = "activityfile.totals.device_first"

# Beyond these a device total and the samples' figure disagree "clearly" (see the evidence).
HR_TOLERANCE_BPM = 5.0
CADENCE_TOLERANCE_SPM = 5.0
DISTANCE_TOLERANCE = 0.05  # of the device's distance
DISTANCE_TOLERANCE_MIN_M = 100.0
# A rounding second is not a contradiction.
TIME_SLACK_S = 1.0


def moving_mean(values: FloatArray | None) -> float | None:
    """Mean over samples above zero: a stop (cadence 0, no ground contact) is not a step."""
    if values is None:
        return None
    return tracks.nan_mean(values[values > 0])


def settle(activity: Activity) -> Activity:
    """The activity with device totals kept, gaps filled from samples, every value showable."""
    streams = activity.streams
    cadence = streams.cadence_spm if is_foot_sport(activity.sport) else None
    warnings = list(activity.warnings)
    avg_hr = _keep(
        activity.avg_hr_bpm, moving_mean(streams.heart_rate_bpm), HR_TOLERANCE_BPM,
        Phrase("average heart rate"), "bpm", warnings,
    )  # fmt: skip
    avg_cadence = _keep(
        activity.avg_cadence_spm, moving_mean(cadence), CADENCE_TOLERANCE_SPM,
        Phrase("average cadence"), "steps/min", warnings,
    )  # fmt: skip
    max_hr = _finite(activity.max_hr_bpm) or tracks.nan_max(streams.heart_rate_bpm)
    _check_distance(activity, warnings)
    duration, moving, timer = _times(activity, warnings)
    return replace(
        activity,
        duration_s=duration,
        moving_s=moving,
        timer_s=timer,
        distance_m=_non_negative(activity.distance_m),
        ascent_m=_non_negative(activity.ascent_m),
        descent_m=_non_negative(activity.descent_m),
        avg_hr_bpm=avg_hr,
        max_hr_bpm=_finite(max_hr),
        avg_cadence_spm=avg_cadence,
        warnings=tuple(warnings),
    )


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def _non_negative(value: float | None) -> float | None:
    value = _finite(value)
    return None if value is None or value < 0 else value


def _keep(
    device: float | None,
    computed: float | None,
    tolerance: float,
    what: Phrase,
    unit: str,
    warnings: list[str],
) -> float | None:
    device, computed = _finite(device), _finite(computed)
    if device is None:
        return computed
    if computed is not None and abs(device - computed) > tolerance:
        warnings.append(
            Phrase(
                "The device's {what} ({device:.0f} {unit}) differs from the one worked out "
                "from its samples ({computed:.0f} {unit}); the device's figure is shown.",
                what=what,
                device=device,
                computed=computed,
                unit=unit,
            )
        )
    return device


def _check_distance(activity: Activity, warnings: list[str]) -> None:
    device = _finite(activity.distance_m)
    distance = activity.streams.distance_m
    if device is None or distance is None or activity.source_format != "fit":
        return
    finite = distance[np.isfinite(distance)]
    if finite.size < 2:
        return
    computed = float(finite.max() - finite[0])
    if abs(device - computed) > max(DISTANCE_TOLERANCE * device, DISTANCE_TOLERANCE_MIN_M):
        warnings.append(
            Phrase(
                "The device's distance ({device_km:.2f} km) differs from the distance of its "
                "samples ({samples_km:.2f} km); the device's figure is shown.",
                device_km=device / 1000,
                samples_km=computed / 1000,
            )
        )


def _times(activity: Activity, warnings: list[str]) -> tuple[float, float, float | None]:
    """Elapsed, moving and timer seconds, finite, not negative, neither above elapsed."""
    duration = _non_negative(activity.duration_s) or 0.0
    timer = _non_negative(activity.timer_s)
    moving = _non_negative(activity.moving_s) or 0.0
    if timer is not None and timer > duration + TIME_SLACK_S:
        timer = duration
    if moving > duration + TIME_SLACK_S:
        warnings.append(
            Phrase(
                "The file gives a moving time ({moving:.0f} s) longer than its elapsed time "
                "({elapsed:.0f} s); the moving time is taken as the elapsed time.",
                moving=moving,
                elapsed=duration,
            )
        )
        moving = duration
    return duration, min(moving, duration), timer
