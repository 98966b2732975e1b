"""Reads about activities: lists, one activity, the daily load series and chart data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import F, QuerySet

from tagalong.activities import trends
from tagalong.activities.models import Activity, DailyLoad, ImportBatch, TrendSummary
from tagalong.athletes.models import AthleteProfile
from tagalong.trainingload.athlete_load import SeriesBasis
from tagalong.trainingload.cadence_speed import (
    NOVICE_REFERENCE,
    CadenceSpeedFit,
    NotEnoughCadenceData,
    SpeedCadencePoint,
    fit_speed_bins,
    novice_cadence_at,
)
from tagalong.trainingload.easy_pace import EasySpeedBand


def activities_of(athlete: AthleteProfile) -> QuerySet[Activity]:
    """Newest first, without the bulky JSON; the one metric a list shows comes as a column."""
    return (
        Activity.objects.filter(athlete=athlete)
        .defer("chart", "metrics", "loads", "laps", "splits", "track")
        .annotate(**{Activity.LISTED_CADENCE: F("metrics__avg_cadence_spm")})
        .order_by("-start", "-pk")
    )


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


# The trends page's periods: days of daily rows before the latest, or None for one row a week.
TREND_PERIODS: dict[str, tuple[str, int | None]] = {
    "quarter": ("3 months", 91),
    "year": ("12 months", 366),
    "all": ("all, weekly", None),
}
CHART_FIELDS = (
    "day",
    "ctl",
    "atl",
    "tsb",
    "acwr",
    "acwr_warning",
    "load",
    "weekly_km",
    "longest_run_km",
)


def trend_rows(athlete: AthleteProfile, *, latest: DailyLoad, period: str) -> list[DailyLoad]:
    """The rows a period's charts draw: a bounded window, or the latest weekday of each week."""
    rows = DailyLoad.objects.filter(athlete=athlete).only(*CHART_FIELDS).order_by("day")
    days = TREND_PERIODS[period][1]
    if days is not None:
        return list(rows.filter(day__gt=latest.day - timedelta(days=days)))
    same_weekday = latest.day.isoweekday() % 7 + 1  # Django's week_day: 1 is Sunday
    return list(rows.filter(day__week_day=same_weekday))


def recent_spikes(athlete: AthleteProfile, *, count: int = 10) -> list[DailyLoad]:
    """The latest days with a run much longer than the month's longest, oldest first."""
    rows = DailyLoad.objects.filter(athlete=athlete).exclude(spike_band="none").defer("state")
    return list(reversed(rows.order_by("-day")[:count]))


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


# --- cadence against speed ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CadenceSpeed:
    """The athlete's cadence at each running speed (last year of runs) and the line through it."""

    points: tuple[SpeedCadencePoint, ...]
    fit: CadenceSpeedFit | None
    why_no_fit: str | None
    easy_band: EasySpeedBand | None
    runs: int


def cadence_speed(athlete: AthleteProfile, summary: TrendSummary | None = None) -> CadenceSpeed:
    """From the stored trend summary (``activities.trends``): one row, whatever the history."""
    summary = summary if summary is not None else trends.summary_of(athlete)
    points = trends.stored_points(summary)
    fit, why = None, None
    try:
        fit = fit_speed_bins(points)
    except NotEnoughCadenceData as error:
        why = error.words
    return CadenceSpeed(points, fit, why, trends.stored_band(summary), summary.cadence_runs)


def cadence_chart(view: CadenceSpeed) -> dict[str, list[float | None]]:
    """Columns for uPlot: speed bins, their cadence, the fitted line, novices at the same speed."""
    speeds = [round(p.speed_m_s, 3) for p in view.points]
    low, high = NOVICE_REFERENCE[0][0], NOVICE_REFERENCE[-1][0]
    fit = view.fit
    return {
        "x": speeds,
        "cadence": [round(p.cadence_spm, 1) for p in view.points],
        "minutes": [round(p.seconds / 60, 1) for p in view.points],
        "fit": [None if fit is None else round(fit.cadence_at(s), 1) for s in speeds],
        "novice": [round(novice_cadence_at(s), 1) if low <= s <= high else None for s in speeds],
    }


def load_basis(athlete: AthleteProfile, summary: TrendSummary | None = None) -> SeriesBasis:
    summary = summary if summary is not None else trends.summary_of(athlete)
    return trends.stored_basis(summary)
