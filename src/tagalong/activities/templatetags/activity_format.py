"""Display helpers for activity figures: durations, paces, distances and speeds.

Distances and paces go through ``tagalong.units`` in the reader's choice of kilometres or miles:
pass the signed-in user (or "km"/"mi") as the argument, e.g. ``{{ a.distance_m|km:user }}``.
"""

from __future__ import annotations

from django import template
from django.utils import formats

from tagalong import units as u
from tagalong.wording import Phrase

register = template.Library()


def _float(value: object) -> float | None:
    """Model fields may hold Decimals (profile figures); None and junk show as a dash."""
    try:
        return None if value is None else float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


@register.filter
def duration(seconds: float | None) -> str:
    """3725 -> "1:02:05"; 605 -> "10:05"."""
    return u.DASH if seconds is None else u.clock(seconds)


@register.filter
def pace(seconds_per_km: float | None, choice: object = "km") -> str:
    """312 -> "5:12 /km" (or per mile for a miles choice)."""
    return u.pace_text(seconds_per_km, u.units_of(choice))


@register.filter
def pace_clock(seconds_per_km: float | None, choice: object = "km") -> str:
    """A pace without its unit, for the faster end of a range: 312 -> "5:12" (or per mile)."""
    return u.pace_text(seconds_per_km, u.units_of(choice), suffix=False)


@register.filter
def km(metres: float | None, choice: object = "km") -> str:
    """A distance in metres: 6200 -> "6.20 km" or "3.85 mi"."""
    return u.distance_text(_float(metres), u.units_of(choice))


@register.filter
def km_value(kilometres: float | None, choice: object = "km") -> str:
    """A distance already in km: 31 -> "31.0 km" or "19.3 mi"."""
    return u.km_text(_float(kilometres), u.units_of(choice))


@register.filter
def whole_km(kilometres: float | None, choice: object = "km") -> str:
    """A distance in km without decimals: 412 -> "412 km" or "256 mi"."""
    return u.km_text(_float(kilometres), u.units_of(choice), digits=0)


@register.filter
def in_units(text: object, choice: object = "km") -> str:
    """A sentence that names distances in km ("keep the next long run within 10 % of 14 km"),
    with each distance in the reader's unit."""
    if isinstance(text, int | float) and not isinstance(text, bool):
        return formats.localize(text)  # a bare number: in the reader's format ("14,0")
    return u.km_in_text("" if text is None else str(text), u.units_of(choice))


@register.filter
def speed(speed_m_s: float | None, choice: object = "km") -> str:
    """6.75 -> "24.3 km/h" or "15.1 mph"."""
    return u.speed_text(speed_m_s, u.units_of(choice))


@register.filter
def distance_unit(choice: object) -> str:
    return u.units_of(choice)


@register.filter
def pace_unit(choice: object) -> str:
    return u.pace_unit(u.units_of(choice))


@register.simple_tag
def acwr_for(load: object) -> object:
    """``{% acwr_for load as acwr %}``: the ratio only where 28 days of training back it."""
    from tagalong.activities.acwr_display import shown_for_latest
    from tagalong.activities.models import DailyLoad

    return shown_for_latest(load) if isinstance(load, DailyLoad) else None


@register.simple_tag
def load_unit_for(load: object) -> object:
    """``{% load_unit_for load as unit %}``: the unit of the athlete's daily series."""
    from tagalong.activities.load import settings_of
    from tagalong.activities.load_units import load_unit
    from tagalong.activities.models import DailyLoad

    if not isinstance(load, DailyLoad):
        return load_unit(None)
    return load_unit(settings_of(load.athlete).measure_in_use)


@register.filter
def load_unit_name(measure: str | None) -> str:
    from tagalong.activities.load_units import load_unit

    return load_unit(measure).short


@register.filter
def average_speed(activity: object) -> float | None:
    """Distance over moving time, m/s (None without both)."""
    distance = getattr(activity, "distance_m", None)
    moving = getattr(activity, "moving_s", None)
    return distance / moving if distance and moving else None


@register.filter
def load_explanation(activity: object) -> str:
    """How the activity's load was counted; a minutes-only load says what was missing, and
    never "no heart rate" for an activity that recorded one."""
    if getattr(activity, "load_measure", "") != "duration":
        note = getattr(activity, "load_note_text", None)
        return note if isinstance(note, str) else str(getattr(activity, "load_note", ""))
    metrics = getattr(activity, "metrics", None)
    heart_rate = metrics.get("avg_heart_rate_bpm") if isinstance(metrics, dict) else None
    return _MINUTES_ONLY[bool(getattr(activity, "rpe", None)), bool(heart_rate)]


# (has an effort rating, recorded heart rate) -> what a minutes-only load lacked.
_MINUTES_ONLY = {
    (False, False): Phrase("minutes only: no effort rating; no heart rate"),
    (False, True): Phrase(
        "minutes only: no effort rating; heart rate recorded, but a heart-rate load needs the "
        "runner's resting and maximum heart rate"
    ),
    (True, False): Phrase("minutes only: no heart rate"),
    (True, True): Phrase(
        "minutes only: heart rate recorded, but a heart-rate load needs the runner's resting "
        "and maximum heart rate"
    ),
}


@register.filter
def sport_name(activity: object) -> str:
    from tagalong.activities.display import sport_name as name

    return name(str(getattr(activity, "sport", "")), str(getattr(activity, "sub_sport", "")))


@register.filter
def shows_pace(activity: object) -> bool:
    """Pace for runs and walks; speed for rides and other sports."""
    from tagalong.activities.display import sport_view

    return sport_view(activity).shows_pace  # type: ignore[arg-type]


@register.filter
def cadence_unit(activity: object) -> str:
    from tagalong.activities.display import sport_view

    return sport_view(activity).cadence_unit or ""  # type: ignore[arg-type]


SPIKE_BAND_WORDS = {
    "no_history": Phrase("first run in 30 days: nothing to compare with"),
    "up_to_30": Phrase("10–30 % longer"),
    "30_to_100": Phrase("30–100 % longer"),
    "over_100": Phrase("more than twice as long"),
}


@register.filter
def spike_band_words(band: str) -> str:
    """A day's single-run spike band (trainingload.daily.SpikeBand) in a runner's words."""
    return SPIKE_BAND_WORDS.get(band, "")


@register.filter
def number(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{value:.{digits}f}"


@register.filter
def speed_band(band: object, choice: object = "km") -> str:
    """A stored easy band ({"low_m_s": 2.5, "high_m_s": 3.0, ...}) as "5:33–6:40 /km"."""
    if not isinstance(band, dict):
        return "–"
    try:
        fast, slow = float(band["high_m_s"]), float(band["low_m_s"])
    except (KeyError, TypeError, ValueError):
        return "–"
    if fast <= 0 or slow <= 0:
        return "–"
    return u.pace_range_text(fast, slow, u.units_of(choice))
