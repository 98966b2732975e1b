from __future__ import annotations

import datetime as dt
from typing import Any

from django import template

from tagalong.plans.intake import said_inputs
from tagalong.plans.selectors.evidence import stored_text
from tagalong.plans.selectors.exercises import dose_text
from tagalong.plans.selectors.paces import pace_text, paces_in
from tagalong.units import km_in_text, units_of

register = template.Library()


@register.filter
def pace(seconds: float | None) -> str:
    return "" if seconds is None else pace_text(seconds)


@register.filter
def dose(item: dict[str, Any]) -> str:
    return dose_text(item)


@register.filter
def lookup(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key)


@register.filter
def add_days(day: dt.date, days: int) -> dt.date:
    return day + dt.timedelta(days=int(days))


@register.filter(name="said_inputs")
def said_inputs_filter(rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    return said_inputs(rows)


@register.filter(name="stored_text")
def said_filter(stored: dict[str, Any]) -> str:
    """A stored reason's text in the reader's language."""
    return stored_text(stored)


@register.filter
def reader_paces(text: object, choice: object = "km") -> str:
    """Paces and distances the generator wrote in km ("6:25–7:11/km", "14 km"), in miles for
    a reader of miles."""
    reader = units_of(choice)
    return km_in_text(paces_in("" if text is None else str(text), reader), reader)
