"""Reads about activities: lists, one activity, the daily load series and chart data."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from tagalong.activities.models import Activity, DailyLoad, ImportBatch
from tagalong.athletes.models import AthleteProfile


def activities_of(athlete: AthleteProfile) -> QuerySet[Activity]:
    return Activity.objects.filter(athlete=athlete).defer("chart", "metrics").order_by("-start")


def activity_of(athlete: AthleteProfile, activity_id: int) -> Activity:
    """One activity of this athlete; raises Activity.DoesNotExist for anyone else's."""
    return Activity.objects.get(athlete=athlete, pk=activity_id)


def batch_of(athlete: AthleteProfile, batch_id: int) -> ImportBatch:
    return ImportBatch.objects.prefetch_related("items").get(athlete=athlete, pk=batch_id)


def load_series(
    athlete: AthleteProfile, *, start: date | None = None, end: date | None = None
) -> QuerySet[DailyLoad]:
    rows = DailyLoad.objects.filter(athlete=athlete).defer("state").order_by("day")
    if start is not None:
        rows = rows.filter(day__gte=start)
    if end is not None:
        rows = rows.filter(day__lte=end)
    return rows


def latest_load(athlete: AthleteProfile) -> DailyLoad | None:
    return DailyLoad.objects.filter(athlete=athlete).defer("state").order_by("-day").first()


def trends_chart(rows: list[DailyLoad]) -> dict[str, list[float | None]]:
    """Columns for uPlot: days as Unix seconds (UTC midnight), then one list per series."""
    from calendar import timegm

    return {
        "x": [timegm(r.day.timetuple()) for r in rows],
        "ctl": [round(r.ctl, 1) for r in rows],
        "atl": [round(r.atl, 1) for r in rows],
        "tsb": [round(r.tsb, 1) for r in rows],
        "acwr": [None if r.acwr is None else round(r.acwr, 2) for r in rows],
        "weekly_km": [round(r.weekly_km, 1) for r in rows],
        "longest_run_km": [round(r.longest_run_km, 1) for r in rows],
    }
