"""Display helpers for activity figures: durations, paces and distances."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def duration(seconds: float | None) -> str:
    """3725 -> "1:02:05"; 605 -> "10:05"."""
    if seconds is None:
        return "–"
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@register.filter
def pace(seconds_per_km: float | None) -> str:
    """312 -> "5:12 /km"."""
    if not seconds_per_km:
        return "–"
    minutes, secs = divmod(round(seconds_per_km), 60)
    return f"{minutes}:{secs:02d} /km"


@register.filter
def km(metres: float | None) -> str:
    if metres is None:
        return "–"
    return f"{metres / 1000:.2f} km"


@register.filter
def number(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{value:.{digits}f}"


@register.filter
def speed_band(band: object) -> str:
    """A stored easy band ({"low_m_s": 2.5, "high_m_s": 3.0, ...}) as "5:33–6:40 /km"."""
    if not isinstance(band, dict):
        return "–"
    try:
        fast, slow = 1000 / float(band["high_m_s"]), 1000 / float(band["low_m_s"])
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        return "–"
    return f"{pace(fast).removesuffix(' /km')}–{pace(slow)}"
