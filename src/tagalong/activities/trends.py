"""The trends page's summary: cadence against speed and the load basis, stored with the series.

``refresh_trend_summary`` runs wherever the daily series is refreshed or recomputed (every
import, manual run, deletion and settings change goes through ``activities.load``), so the page
reads one stored row instead of a year of histograms and every activity's loads.
"""

from __future__ import annotations

from datetime import timedelta

from tagalong.activities.easy import band_from_json, band_to_json, easy_band
from tagalong.activities.models import Activity, TrendSummary
from tagalong.activityfile import sports
from tagalong.athletes.models import AthleteProfile
from tagalong.trainingload.athlete_load import SeriesBasis
from tagalong.trainingload.cadence_speed import SpeedCadencePoint, pooled_speed_bins
from tagalong.trainingload.easy_pace import EasySpeedBand, joint_from_dict

CADENCE_WINDOW_DAYS = 365


def cadence_points(athlete: AthleteProfile) -> tuple[tuple[SpeedCadencePoint, ...], int]:
    """Speed bins pooled over the last year of runs (before the latest), and how many runs."""
    runs = Activity.objects.filter(athlete=athlete, sport__in=sports.RUN_SPORTS)
    latest = runs.order_by("-start").values_list("start", flat=True).first()
    if latest is None:
        return (), 0
    recent = runs.filter(start__gte=latest - timedelta(days=CADENCE_WINDOW_DAYS))
    stored = recent.values_list("metrics__speed_cadence", flat=True)
    joints = [j for j in map(joint_from_dict, stored) if j is not None]
    return pooled_speed_bins(joints), len(joints)


def summarise(athlete: AthleteProfile, basis: SeriesBasis) -> TrendSummary:
    """The summary as it stands now (not saved)."""
    points, runs = cadence_points(athlete)
    return TrendSummary(
        athlete=athlete,
        cadence_points=[[p.speed_m_s, p.cadence_spm, p.seconds] for p in points],
        cadence_runs=runs,
        easy_band=band_to_json(easy_band(athlete)),
        basis={
            "measure": basis.measure,
            "chosen_by": basis.chosen_by,
            "having": basis.having,
            "total": basis.total,
            "rate_per_minute": basis.rate_per_minute,
        },
    )


def refresh_trend_summary(*, athlete: AthleteProfile, basis: SeriesBasis) -> TrendSummary:
    fresh = summarise(athlete, basis)
    fields = ("cadence_points", "cadence_runs", "easy_band", "basis")
    TrendSummary.objects.update_or_create(
        athlete=athlete, defaults={name: getattr(fresh, name) for name in fields}
    )
    return fresh


def summary_of(athlete: AthleteProfile) -> TrendSummary:
    """The stored summary; for data from before summaries were stored, worked out (not saved)."""
    found = TrendSummary.objects.filter(athlete=athlete).first()
    if found is not None:
        return found
    from tagalong.activities.load import basis_of

    return summarise(athlete, basis_of(athlete))


def stored_points(summary: TrendSummary) -> tuple[SpeedCadencePoint, ...]:
    return tuple(
        SpeedCadencePoint(float(s), float(c), float(t)) for s, c, t in summary.cadence_points
    )


def stored_band(summary: TrendSummary) -> EasySpeedBand | None:
    return band_from_json(summary.easy_band)


def stored_basis(summary: TrendSummary) -> SeriesBasis:
    data = summary.basis
    return SeriesBasis(
        measure=data["measure"],
        chosen_by=data["chosen_by"],
        having=int(data["having"]),
        total=int(data["total"]),
        rate_per_minute=data["rate_per_minute"],
    )
