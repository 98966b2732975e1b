"""Reads about activities: lists, one activity, the daily load series and chart data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet

from tagalong.activities.easy import easy_band
from tagalong.activities.models import Activity, DailyLoad, ImportBatch
from tagalong.athletes.models import AthleteProfile
from tagalong.trainingload.athlete_load import SeriesBasis
from tagalong.trainingload.cadence_speed import (
    NOVICE_REFERENCE,
    CadenceSpeedFit,
    NotEnoughCadenceData,
    SpeedCadencePoint,
    fit_speed_bins,
    novice_cadence_at,
    pooled_speed_bins,
)
from tagalong.trainingload.easy_pace import EasySpeedBand, joint_from_dict


def activities_of(athlete: AthleteProfile) -> QuerySet[Activity]:
    return (
        Activity.objects.filter(athlete=athlete)
        .defer("chart", "metrics", "loads")
        .order_by("-start")
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

CADENCE_WINDOW_DAYS = 365


@dataclass(frozen=True, slots=True)
class CadenceSpeed:
    """The athlete's cadence at each running speed (last year of runs) and the line through it."""

    points: tuple[SpeedCadencePoint, ...]
    fit: CadenceSpeedFit | None
    why_no_fit: str | None
    easy_band: EasySpeedBand | None
    runs: int


def cadence_speed(athlete: AthleteProfile) -> CadenceSpeed:
    runs = Activity.objects.filter(athlete=athlete, sport="running")
    latest = runs.order_by("-start").values_list("start", flat=True).first()
    stored: list[object] = []
    if latest is not None:
        recent = runs.filter(start__gte=latest - timedelta(days=CADENCE_WINDOW_DAYS))
        stored = list(recent.values_list("metrics__speed_cadence", flat=True))
    joints = [j for j in map(joint_from_dict, stored) if j is not None]
    points = pooled_speed_bins(joints)
    fit, why = None, None
    try:
        fit = fit_speed_bins(points)
    except NotEnoughCadenceData as error:
        why = str(error)
    return CadenceSpeed(points, fit, why, easy_band(athlete), len(joints))


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


def load_basis(athlete: AthleteProfile) -> SeriesBasis:
    from tagalong.activities.load import basis_of

    return basis_of(athlete)
