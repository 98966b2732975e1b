"""Distances, paces and speeds as a runner reads them, in kilometres or miles.

The one formatting layer for every page, email and feed: values are stored in SI (metres,
seconds per km, m/s) and only turned into text here. FIT workout targets stay SI.
"""

from __future__ import annotations

import re
from typing import Literal

Units = Literal["km", "mi"]
UNITS: tuple[Units, ...] = ("km", "mi")
METRES_PER_MILE = 1609.344
DASH = "–"


def units_of(choice: object) -> Units:
    """``"mi"`` for a miles choice (the string or anything with a ``units`` attribute), else km."""
    value = getattr(choice, "units", choice)
    return "mi" if value == "mi" else "km"


def metres_per_unit(units: Units) -> float:
    return METRES_PER_MILE if units == "mi" else 1000.0


def distance_value(metres: float, units: Units) -> float:
    return metres / metres_per_unit(units)


def distance_text(metres: float | None, units: Units, *, digits: int = 2) -> str:
    """6200 -> "6.20 km" or "3.85 mi"."""
    if metres is None:
        return DASH
    return f"{distance_value(metres, units):.{digits}f} {units}"


def km_text(km: float | None, units: Units, *, digits: int = 1) -> str:
    """A distance held in km: 31 -> "31.0 km" or "19.3 mi"."""
    return DASH if km is None else distance_text(km * 1000.0, units, digits=digits)


def clock(seconds: float) -> str:
    """312 -> "5:12"; 3725 -> "1:02:05"."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def pace_unit(units: Units) -> str:
    return f"/{units}"


def pace_value(seconds_per_km: float, units: Units) -> float:
    """Seconds per km or per mile."""
    return seconds_per_km * metres_per_unit(units) / 1000.0


def pace_text(seconds_per_km: float | None, units: Units, *, suffix: bool = True) -> str:
    """348 -> "5:48 /km" or "9:20 /mi"."""
    if not seconds_per_km or seconds_per_km != seconds_per_km or seconds_per_km == float("inf"):
        return DASH
    text = clock(pace_value(seconds_per_km, units))
    return f"{text} {pace_unit(units)}" if suffix else text


def pace_of_speed(speed_m_s: float | None, units: Units, *, suffix: bool = True) -> str:
    if not speed_m_s or speed_m_s <= 0:
        return DASH
    return pace_text(1000.0 / speed_m_s, units, suffix=suffix)


def pace_range_text(fast_m_s: float, slow_m_s: float, units: Units) -> str:
    """The faster and slower speed of a band as "5:33–6:40 /km"."""
    fast = pace_of_speed(fast_m_s, units, suffix=False)
    return f"{fast}–{pace_of_speed(slow_m_s, units)}"


def speed_text(speed_m_s: float | None, units: Units, *, digits: int = 1) -> str:
    """6.75 m/s -> "24.3 km/h" or "15.1 mph"."""
    if not speed_m_s or speed_m_s <= 0:
        return DASH
    per_hour = speed_m_s * 3600.0 / metres_per_unit(units)
    return f"{per_hour:.{digits}f} {'mph' if units == 'mi' else 'km/h'}"


# A decimal comma too: an engine's sentence may be said in German ("12,5 km").
_KM_IN_TEXT = re.compile(r"(\d+(?:[.,]\d+)?) km\b")


def km_in_text(text: str, units: Units) -> str:
    """Distances written as "N km" inside a sentence from the engines, in the reader's unit."""
    if units == "km":
        return text
    return _KM_IN_TEXT.sub(lambda m: km_text(float(m.group(1).replace(",", ".")), units), text)
