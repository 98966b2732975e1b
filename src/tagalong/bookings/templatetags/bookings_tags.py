"""Times on a named clock, for the booking pages."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import template

from tagalong.bookings.timefmt import span_label
from tagalong.scheduling.zones import zone

register = template.Library()


@register.filter
def span_in(session: Any, tz_name: str) -> str:
    """A session's start and end on ``tz_name``'s clock, zone named."""
    return span_label(session.start, session.end, tz_name)


@register.filter
def clock(moment: datetime, tz_name: str) -> str:
    """E.g. ``09:30``, on ``tz_name``'s clock."""
    return f"{moment.astimezone(zone(tz_name)):%H:%M}"


@register.filter
def zone_abbr(moment: datetime, tz_name: str) -> str:
    """E.g. ``BST``: the zone's name at that moment."""
    return moment.astimezone(zone(tz_name)).tzname() or tz_name
