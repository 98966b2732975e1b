"""VDOT, training paces and heart-rate zones for a plan request."""

from __future__ import annotations

from tagalong.physiology import vdot as vd
from tagalong.physiology.heart_rate import HeartRateZones, heart_rate_zones
from tagalong.plangen.model import PlanRequest

PACE_BAND_S = 3.0  # ± around a single Daniels pace, so every target is a range
# Without a race we assume a modest fitness and say so (plan.vdot_estimated).
DEFAULT_VDOT_BASE = 30.0
DEFAULT_VDOT_PER_WEEKLY_KM = 0.2
DEFAULT_VDOT_MAX = 42.0
# Daniels' HR equivalents are summaries; we map run types onto the five-zone model.
RUN_TYPE_HR_ZONE = {
    "easy": "Z2",
    "long": "Z2",
    "recovery": "Z1",
    "walk_run": "Z2",
    "tempo": "Z4",
    "intervals": "Z5",
}


def athlete_vdot(request: PlanRequest) -> tuple[float, bool]:
    """VDOT from the recent race, else a conservative estimate (flagged as estimated)."""
    race = request.current.recent_race
    if race is not None:
        return vd.vdot_from_race(race.distance_m, race.time_s), False
    guess = DEFAULT_VDOT_BASE + DEFAULT_VDOT_PER_WEEKLY_KM * request.current.weekly_km
    return min(guess, DEFAULT_VDOT_MAX), True


def pace_table(vdot: float) -> dict[str, tuple[float, float]]:
    p = vd.training_paces(vdot)
    band = PACE_BAND_S

    def around(x: float) -> tuple[float, float]:
        return (round(x - band, 1), round(x + band, 1))

    return {
        "easy": (round(p.easy_fast, 1), round(p.easy_slow, 1)),
        "long": (round(p.easy_fast, 1), round(p.easy_slow, 1)),
        "recovery": (round(p.easy_slow, 1), round(p.easy_slow + 30.0, 1)),
        "walk_run": (round(p.easy_slow, 1), round(p.easy_slow + 60.0, 1)),
        "marathon": around(p.marathon),
        "tempo": around(p.threshold),
        "intervals": around(p.interval),
        "repetition": around(p.repetition),
    }


def plan_hr_zones(request: PlanRequest) -> HeartRateZones:
    a = request.athlete
    return heart_rate_zones(
        lthr_bpm=a.lthr,
        measured_hr_max_bpm=a.hr_max,
        age_years=a.age,
    )
