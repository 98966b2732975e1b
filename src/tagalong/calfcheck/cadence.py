"""The cadence novice runners choose at a given speed (van Oeveren 2017), never a fixed 180."""

from __future__ import annotations

from tagalong.assessment.norms import interpolate

BY_SPEED = "cadence.by_speed.van_oeveren_2017"
NO_FIXED_180 = "cadence.no_fixed_180.daniels"

_SPEEDS_M_S = (2.4, 2.6, 2.9)  # BY_SPEED
_CADENCES_SPM = (154.0, 158.0, 160.0)  # BY_SPEED
# The study measured 2.4–2.9 m/s; beyond half a metre per second outside that we do not guess.
EXTRAPOLATE_M_S = 0.5


def reference_cadence(speed_m_s: float) -> float | None:
    """Steps/min novices chose at this speed, or None when the speed is too far from the data.

    Inside 2.4–2.9 m/s the table is interpolated; up to 0.5 m/s outside it the end segment's slope
    is extended (cadence rises with speed), so slow jogs are not judged against 154 spm.
    """
    low, high = _SPEEDS_M_S[0], _SPEEDS_M_S[-1]
    if not low - EXTRAPOLATE_M_S <= speed_m_s <= high + EXTRAPOLATE_M_S:
        return None
    if speed_m_s < low:
        slope = (_CADENCES_SPM[1] - _CADENCES_SPM[0]) / (_SPEEDS_M_S[1] - _SPEEDS_M_S[0])
        return _CADENCES_SPM[0] - slope * (low - speed_m_s)
    if speed_m_s > high:
        slope = (_CADENCES_SPM[-1] - _CADENCES_SPM[-2]) / (_SPEEDS_M_S[-1] - _SPEEDS_M_S[-2])
        return _CADENCES_SPM[-1] + slope * (speed_m_s - high)
    return interpolate(speed_m_s, _SPEEDS_M_S, _CADENCES_SPM)


def plus_five_percent(cadence_spm: float) -> int:
    return round(cadence_spm * 1.05)
