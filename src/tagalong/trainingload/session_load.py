"""Load of one session, in the measure the data allows, with the measure named.

Preference order of :func:`choose_load` (``DEFAULT_ORDER``), the first measure that can be computed
wins:

1. ``srpe``: session RPE × minutes (load.srpe.foster_2001). The athlete's own rating covers every
   kind of session, strength work included, and needs no sensor.
2. ``trimp``: Banister TRIMP from the heart-rate stream, or the average heart rate
   (load.trimp.banister). Internal load, needs HRrest and HRmax.
3. ``rtss``: running TSS from (grade-adjusted) speed and a threshold pace (load.rtss.trainingpeaks).
   Last of the measured ones because a threshold pace is often a guess.
4. ``duration``: minutes, when nothing else is known.

The measures are on different scales (one easy hour is about 240 AU of sRPE but about 60 rTSS), so
an athlete's daily series should keep to one measure; callers can pass their own ``order``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from tagalong.activityfile.model import Activity, FloatArray
from tagalong.trainingload.grade import grade_adjusted_speed
from tagalong.trainingload.samples import moving_mask, sample_durations
from tagalong.wording import Phrase

Sex = Literal["female", "male"]
LoadMeasure = Literal["srpe", "trimp", "rtss", "duration"]
DEFAULT_ORDER: tuple[LoadMeasure, ...] = ("srpe", "trimp", "rtss", "duration")

# load.trimp.banister: (a, b) in a·e^(b·HRr), by sex.
TRIMP_WEIGHTING: dict[Sex, tuple[float, float]] = {"male": (0.64, 1.92), "female": (0.86, 1.67)}


@dataclass(frozen=True, slots=True)
class HeartRateProfile:
    hr_rest_bpm: float
    hr_max_bpm: float
    sex: Sex

    def __post_init__(self) -> None:
        if not 20 <= self.hr_rest_bpm < self.hr_max_bpm <= 250:
            raise ValueError(
                f"heart-rate profile needs 20 <= hr_rest_bpm < hr_max_bpm <= 250, got "
                f"hr_rest_bpm={self.hr_rest_bpm}, hr_max_bpm={self.hr_max_bpm}"
            )
        if self.sex not in TRIMP_WEIGHTING:
            raise ValueError(f"sex must be 'female' or 'male' for TRIMP, got {self.sex!r}")


DURATION_NOTE = Phrase("minutes only: no RPE, heart rate or pace")


@dataclass(frozen=True, slots=True)
class SessionLoad:
    value: float
    measure: LoadMeasure
    note: str
    evidence_id: str | None


def session_rpe_load(*, rpe: float, minutes: float) -> float:
    """CR-10 session RPE × minutes, in arbitrary units (load.srpe.foster_2001)."""
    if not 0 <= rpe <= 10:
        raise ValueError(f"rpe must be on the CR-10 scale (0–10), got {rpe}")
    _check_minutes(minutes)
    return rpe * minutes


def _check_minutes(minutes: float) -> None:
    if not (minutes >= 0 and math.isfinite(minutes)):
        raise ValueError(f"minutes must be a finite number >= 0, got {minutes}")


def _trimp_per_minute(hr: FloatArray, profile: HeartRateProfile) -> FloatArray:
    # A reading below rest would give a negative load; one above HRmax is kept, since it says
    # the HRmax on file is too low rather than that the effort counts less.
    reserve = (hr - profile.hr_rest_bpm) / (profile.hr_max_bpm - profile.hr_rest_bpm)
    reserve = np.maximum(reserve, 0.0)
    a, b = TRIMP_WEIGHTING[profile.sex]
    weighted: FloatArray = reserve * a * np.exp(b * reserve)
    return weighted


def banister_trimp(*, minutes: float, hr_avg_bpm: float, profile: HeartRateProfile) -> float:
    """TRIMP from the session's average heart rate (load.trimp.banister)."""
    _check_minutes(minutes)
    if not math.isfinite(hr_avg_bpm):
        raise ValueError(f"hr_avg_bpm must be a finite heart rate, got {hr_avg_bpm}")
    rate = _trimp_per_minute(np.array([hr_avg_bpm], dtype=np.float64), profile)
    return float(minutes * rate[0])


def banister_trimp_stream(
    time_s: FloatArray, heart_rate_bpm: FloatArray, profile: HeartRateProfile
) -> float:
    """TRIMP summed sample by sample; missing (NaN) readings and pauses add nothing."""
    if time_s.shape != heart_rate_bpm.shape:
        raise ValueError("time_s and heart_rate_bpm streams must have the same length")
    minutes = sample_durations(time_s) / 60.0
    valid = np.isfinite(heart_rate_bpm)
    rate = _trimp_per_minute(np.where(valid, heart_rate_bpm, profile.hr_rest_bpm), profile)
    return float(np.sum(np.where(valid, minutes * rate, 0.0)))


def activity_trimp(activity: Activity, profile: HeartRateProfile) -> float | None:
    """TRIMP from the HR stream if it has readings, else from the laps' average HR, else None."""
    hr = activity.streams.heart_rate_bpm
    if hr is not None and np.any(np.isfinite(hr)):
        return banister_trimp_stream(activity.streams.time_s, hr, profile)
    timed = [(lap.duration_s, lap.avg_hr) for lap in activity.laps if lap.avg_hr is not None]
    if not timed:
        return None
    return sum(
        banister_trimp(minutes=seconds / 60.0, hr_avg_bpm=hr_avg, profile=profile)
        for seconds, hr_avg in timed
    )


def running_tss(*, duration_s: float, ngp_m_s: float, threshold_m_s: float) -> float:
    """hours × IF² × 100 with IF = NGP ÷ threshold, both speeds (load.rtss.trainingpeaks)."""
    if not threshold_m_s > 0:
        raise ValueError(f"threshold_m_s must be a speed > 0, got {threshold_m_s}")
    if not (duration_s >= 0 and ngp_m_s >= 0):
        raise ValueError(f"duration_s and ngp_m_s must be >= 0, got {duration_s}, {ngp_m_s}")
    intensity = ngp_m_s / threshold_m_s
    return duration_s / 3600.0 * intensity**2 * 100.0


def graded_speed(activity: Activity) -> float | None:
    """The time-weighted mean grade-adjusted speed over moving samples.

    A simplification of TrainingPeaks' normalised graded pace: the grade adjustment is kept, the
    rolling fourth-power normalisation is not, so steady runs match and interval sessions come out
    somewhat lower. Without altitude this is plain moving speed.
    """
    streams = activity.streams
    speed = grade_adjusted_speed(streams)
    if speed is None:
        return None
    weights = sample_durations(streams.time_s) * moving_mask(streams) * np.isfinite(speed)
    total = float(np.sum(weights))
    if total <= 0:
        return None
    return float(np.sum(np.nan_to_num(speed) * weights) / total)


def activity_rtss(activity: Activity, *, threshold_m_s: float) -> float | None:
    ngp = graded_speed(activity)
    if ngp is None:
        return None
    duration = activity.moving_s if activity.moving_s > 0 else activity.duration_s
    return running_tss(duration_s=duration, ngp_m_s=ngp, threshold_m_s=threshold_m_s)


def choose_load(
    *,
    minutes: float,
    rpe: float | None = None,
    activity: Activity | None = None,
    hr_profile: HeartRateProfile | None = None,
    threshold_m_s: float | None = None,
    order: Sequence[LoadMeasure] = DEFAULT_ORDER,
) -> SessionLoad:
    """The first measure in ``order`` the inputs allow; ``duration`` always succeeds."""
    _check_minutes(minutes)
    for measure in order:
        load = _try_measure(measure, minutes, rpe, activity, hr_profile, threshold_m_s)
        if load is not None:
            return load
    return _duration_load(minutes)


def available_loads(
    *,
    minutes: float,
    rpe: float | None = None,
    activity: Activity | None = None,
    hr_profile: HeartRateProfile | None = None,
    threshold_m_s: float | None = None,
) -> dict[LoadMeasure, SessionLoad]:
    """Every measure the inputs allow, by measure; ``duration`` is always there.

    Stored with each activity so the athlete's daily series can keep to one measure
    (``athlete_load``) whichever one each activity would prefer.
    """
    _check_minutes(minutes)
    found: dict[LoadMeasure, SessionLoad] = {}
    for measure in DEFAULT_ORDER:
        load = _try_measure(measure, minutes, rpe, activity, hr_profile, threshold_m_s)
        if load is not None:
            found[measure] = load
    return found


def _try_measure(
    measure: LoadMeasure,
    minutes: float,
    rpe: float | None,
    activity: Activity | None,
    hr_profile: HeartRateProfile | None,
    threshold_m_s: float | None,
) -> SessionLoad | None:
    if measure == "srpe" and rpe is not None:
        value = session_rpe_load(rpe=rpe, minutes=minutes)
        return SessionLoad(
            value,
            "srpe",
            Phrase("session RPE {rpe:g} × {minutes:.0f} min", rpe=rpe, minutes=minutes),
            "load.srpe.foster_2001",
        )
    if measure == "trimp" and activity is not None and hr_profile is not None:
        trimp = activity_trimp(activity, hr_profile)
        if trimp is not None:
            return SessionLoad(
                trimp, "trimp", Phrase("Banister TRIMP from heart rate"), "load.trimp.banister"
            )
    if measure == "rtss" and activity is not None and threshold_m_s is not None and activity.is_run:
        rtss = activity_rtss(activity, threshold_m_s=threshold_m_s)
        if rtss is not None:
            return SessionLoad(
                rtss,
                "rtss",
                Phrase("running TSS from pace and threshold pace"),
                "load.rtss.trainingpeaks",
            )
    if measure == "duration":
        return _duration_load(minutes)
    return None


def _duration_load(minutes: float) -> SessionLoad:
    return SessionLoad(minutes, "duration", DURATION_NOTE, None)
