"""Daniels–Gilbert VDOT: race-time prediction and training paces.

Formulas and zone shares: evidence ``periodisation.vdot.daniels_gilbert`` and
``periodisation.zones.daniels``; Riegel's alternative: ``periodisation.riegel_1981``.
Speeds are in metres per minute inside this module (the unit of the regression);
the public pace functions return seconds per kilometre.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MARATHON_M = 42_195.0
HALF_MARATHON_M = 21_097.5

# Shares of VDOT whose oxygen cost gives each zone's pace (fit to Daniels' 3rd-edition
# tables; see periodisation.zones.daniels).  E is a range: slow end first.
EASY_SHARE_SLOW = 0.63
EASY_SHARE_FAST = 0.73
THRESHOLD_SHARE = 0.88
INTERVAL_SHARE = 0.975
REPETITION_SHARE = 1.042

RIEGEL_EXPONENT = 1.06


class VdotError(ValueError):
    """A race or VDOT outside the range the Daniels–Gilbert equations describe."""


def oxygen_cost(speed_m_per_min: float) -> float:
    """VO2 (ml/kg/min) of running at ``speed_m_per_min``."""
    v = speed_m_per_min
    return -4.60 + 0.182258 * v + 0.000104 * v * v


def sustainable_share(minutes: float) -> float:
    """Share of VO2max a runner can hold for ``minutes`` of racing."""
    t = minutes
    return 0.8 + 0.1894393 * math.exp(-0.012778 * t) + 0.2989558 * math.exp(-0.1932605 * t)


def speed_at_oxygen_cost(vo2: float) -> float:
    """Inverse of :func:`oxygen_cost` (Daniels' own quadratic fit), in m/min."""
    return 29.54 + 5.000663 * vo2 - 0.007546 * vo2 * vo2


def vdot_from_race(distance_m: float, time_s: float) -> float:
    """VDOT of a race performance."""
    if distance_m <= 0:
        raise VdotError(f"race distance must be positive, got {distance_m} m")
    if time_s <= 0:
        raise VdotError(f"race time must be positive, got {time_s} s")
    minutes = time_s / 60.0
    return oxygen_cost(distance_m / minutes) / sustainable_share(minutes)


def predict_race_time(vdot: float, distance_m: float) -> float:
    """Race time in seconds for ``distance_m`` at ``vdot``, solved by bisection.

    VDOT falls monotonically as the time for a fixed distance grows, so bisection on time
    between a world-record-fast and a walking pace always brackets the answer.
    """
    _check_vdot(vdot)
    if distance_m <= 0:
        raise VdotError(f"race distance must be positive, got {distance_m} m")
    fast_s = distance_m / 500.0 * 60.0  # 30 km/h
    slow_s = distance_m / 50.0 * 60.0  # 3 km/h
    for _ in range(80):
        mid = (fast_s + slow_s) / 2.0
        if vdot_from_race(distance_m, mid) > vdot:
            fast_s = mid
        else:
            slow_s = mid
    return (fast_s + slow_s) / 2.0


def riegel_time(known_distance_m: float, known_time_s: float, target_distance_m: float) -> float:
    """Riegel's T2 = T1·(D2/D1)^1.06; fair for efforts of about 3.5–230 min."""
    if known_distance_m <= 0 or target_distance_m <= 0 or known_time_s <= 0:
        raise VdotError("Riegel prediction needs positive distances and time")
    ratio: float = target_distance_m / known_distance_m
    return known_time_s * math.pow(ratio, RIEGEL_EXPONENT)


@dataclass(frozen=True, slots=True)
class TrainingPaces:
    """Daniels training paces in seconds per kilometre (smaller = faster)."""

    easy_fast: float
    easy_slow: float
    marathon: float
    threshold: float
    interval: float
    repetition: float

    def repetition_per_400m(self) -> float:
        return self.repetition * 0.4


def pace_at_share(vdot: float, share: float) -> float:
    """Seconds per km of the speed whose oxygen cost is ``share`` × VDOT."""
    return 60_000.0 / speed_at_oxygen_cost(share * vdot)


def training_paces(vdot: float) -> TrainingPaces:
    _check_vdot(vdot)
    return TrainingPaces(
        easy_fast=pace_at_share(vdot, EASY_SHARE_FAST),
        easy_slow=pace_at_share(vdot, EASY_SHARE_SLOW),
        marathon=predict_race_time(vdot, MARATHON_M) / (MARATHON_M / 1000.0),
        threshold=pace_at_share(vdot, THRESHOLD_SHARE),
        interval=pace_at_share(vdot, INTERVAL_SHARE),
        repetition=pace_at_share(vdot, REPETITION_SHARE),
    )


def _check_vdot(vdot: float) -> None:
    # Daniels' tables run 30–85; a little slack either side keeps the fits sane.
    if not 20.0 <= vdot <= 90.0:
        raise VdotError(f"VDOT {vdot:.1f} is outside the 20–90 range the equations describe")
