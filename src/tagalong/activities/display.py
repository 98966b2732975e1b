"""What an activity's page shows for its sport, and chart columns in the reader's units.

Runs show pace, steps per minute and running form; rides speed and pedalling cadence; other
sports what fits them. Values stay SI in the database: ``tagalong.units`` converts them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from tagalong import units as u
from tagalong.activities.acwr_display import shown_for_rows
from tagalong.activities.models import Activity, DailyLoad
from tagalong.activityfile import sports

RUN_SPORTS = sports.RUN_SPORTS
FOOT_SPORTS = frozenset({"walking", "hiking"})
RIDE_SPORTS = frozenset({"cycling", "e_biking", "mountain_biking", "road_biking", "gravel_cycling"})
SPORT_NAMES = sports.SPORT_NAMES


def sport_name(sport: str, sub_sport: str = "") -> str:
    """ "trail_running" -> "Trail run"; an unknown key reads as words."""
    for key in (sub_sport, sport):
        if key and key in SPORT_NAMES and key not in ("generic", "training"):
            return SPORT_NAMES[key]
    # An unknown key is the file's own word for the sport, shown as it came.
    return SPORT_NAMES.get(sport) or sport.replace("_", " ").capitalize() or SPORT_NAMES["generic"]


@dataclass(frozen=True, slots=True)
class SportView:
    """Which figures fit the sport: pace for runs and walks, speed for the rest."""

    kind: str  # "run", "foot", "ride" or "other"
    shows_pace: bool
    shows_steps: bool  # cadence as steps per minute
    cadence_unit: str | None  # "steps/min", "rpm" or None
    form_title: str

    @property
    def is_run(self) -> bool:
        return self.kind == "run"


def sport_view(activity: Activity) -> SportView:
    sport = activity.sport
    if sport in RUN_SPORTS:
        return SportView("run", True, True, "steps/min", _("Running form"))
    if sport in FOOT_SPORTS:
        return SportView("foot", True, True, "steps/min", _("Heart rate and cadence"))
    if sport in RIDE_SPORTS:
        return SportView("ride", False, False, "rpm", _("Heart rate and pedalling"))
    return SportView("other", False, False, None, _("Heart rate"))


def activity_chart(activity: Activity, units: u.Units) -> dict[str, object]:
    """The stored chart streams with pace per km or per mile, only the ones that fit the sport."""
    view = sport_view(activity)
    chart = dict(activity.chart) if isinstance(activity.chart, dict) else {}
    pace = chart.pop("pace_s_per_km", None)
    if view.shows_pace and isinstance(pace, list):
        chart["pace_s"] = [None if p is None else round(u.pace_value(p, units)) for p in pace]
    elif isinstance(pace, list):
        chart["speed"] = [
            None if not p else round(3600.0 / u.pace_value(p, units), 1) for p in pace
        ]
    if not view.shows_steps:
        chart.pop("stance_time_ms", None)
        if view.cadence_unit is None:
            chart.pop("cadence_spm", None)
    labels = {
        "cadence": _("Cadence (%(unit)s)") % {"unit": view.cadence_unit or "spm"},
        "time": _("Time"),
        "heart_rate": _("Heart rate (bpm)"),
        "elevation": _("Elevation (m)"),
    }
    if view.shows_steps:
        labels["stance"] = _("Ground contact (ms)")
    if view.shows_pace:
        labels["pace"] = _("Pace (%(unit)s)") % {"unit": u.pace_unit(units)}
    else:
        labels["speed"] = _("Speed (mph)") if units == "mi" else _("Speed (km/h)")
    chart["labels"] = labels
    return chart


def trend_chart(
    columns: dict[str, list[float | None]], rows: Sequence[DailyLoad], units: u.Units
) -> dict[str, object]:
    """Trend columns with acute:chronic only on days with 28 days of training behind them, and
    distances in the reader's unit."""
    chart: dict[str, object] = dict(columns)
    chart["acwr"] = [None if s.value is None else round(s.value, 2) for s in shown_for_rows(rows)]
    per_unit = u.metres_per_unit(units) / 1000.0
    for key in ("weekly_km", "longest_run_km"):
        values = columns.get(key) or []
        chart[key] = [None if v is None else round(v / per_unit, 1) for v in values]
    chart["distance_unit"] = units
    return chart
