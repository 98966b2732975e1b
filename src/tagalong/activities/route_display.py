"""The route map, splits and laps of an activity page, in the reader's units.

The route is drawn from the stored track: over the operator's tile server when
``TAGALONG_MAP_TILES`` names one, else as an outline of its own, so no page asks a third party
for anything by default. Splits were worked out from every sample at import, per km and per mile.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings

from tagalong import units as u
from tagalong.activities.display import sport_view
from tagalong.activities.models import Activity
from tagalong.activityfile import route


@dataclass(frozen=True, slots=True)
class RouteView:
    outline: route.Outline
    tiles: tuple[route.Tile, ...] = ()
    attribution: str = ""


def route_view(activity: Activity) -> RouteView | None:
    points = [(float(lat), float(lon)) for lat, lon in activity.track or []]
    template = settings.MAP_TILES
    if template:
        map_ = route.tiled(points, template)
        if map_ is not None:
            return RouteView(map_.outline, map_.tiles, settings.MAP_ATTRIBUTION)
    shape = route.outline(points)
    return None if shape is None else RouteView(shape)


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    distance: str
    time: str
    pace: str  # pace or speed, whichever fits the sport
    heart_rate: str
    extra: str  # elevation change for splits, cadence for laps


def _bpm(value: Any) -> str:
    return u.DASH if not value else f"{round(value)} bpm"


def split_rows(activity: Activity, units: u.Units) -> list[Row]:
    stored = (activity.splits or {}).get(units) or []
    pace_fits = sport_view(activity).shows_pace
    rows = []
    for split in stored:
        metres = float(split["distance_m"])
        whole = abs(metres - u.metres_per_unit(units)) < 1
        moving = float(split["moving_s"])
        per_km = moving / (metres / 1000.0) if metres > 0 and moving > 0 else None
        change = split.get("elevation_change_m")
        rows.append(
            Row(
                label=str(split["number"]) if whole else f"{u.distance_value(metres, units):.2f}",
                distance=u.distance_text(metres, units),
                time=u.clock(float(split["elapsed_s"])),
                pace=(
                    u.pace_text(per_km, units)
                    if pace_fits
                    else u.speed_text(1000.0 / per_km if per_km else None, units)
                ),
                heart_rate=_bpm(split.get("avg_hr_bpm")),
                extra=u.DASH if change is None else f"{change:+.0f} m",
            )
        )
    return rows


def lap_rows(activity: Activity, units: u.Units) -> list[Row]:
    pace_fits = sport_view(activity).shows_pace
    rows = []
    for lap in activity.laps or []:
        speed = lap.get("avg_speed_m_s")
        cadence = lap.get("avg_cadence_spm")
        rows.append(
            Row(
                label=str(lap["number"]),
                distance=u.distance_text(lap.get("distance_m"), units),
                time=u.clock(float(lap.get("duration_s") or 0)),
                pace=u.pace_of_speed(speed, units) if pace_fits else u.speed_text(speed, units),
                heart_rate=_bpm(lap.get("avg_hr_bpm")),
                extra=u.DASH if not cadence else f"{round(cadence)}",
            )
        )
    return rows
