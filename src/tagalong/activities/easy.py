"""Cadence at easy pace: the athlete's easy-speed band, and each run's cadence within it.

The band comes from the threshold pace in the athlete's load settings, else from their own last
90 days of runs (``trainingload.easy_pace``). An import fixes the band when it starts, so every
part of a large import uses the same one, and passes it to ``activity_metrics``; runs imported
before any band existed get theirs afterwards from the speed × cadence histogram stored with each
run (:func:`refresh_easy_cadence`), as do all runs when the threshold pace changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from tagalong.activities.load import settings_of
from tagalong.activities.models import Activity, LoadSettings
from tagalong.activityfile import sports
from tagalong.athletes.models import AthleteProfile
from tagalong.trainingload.easy_pace import (
    OWN_RUNS_WINDOW_DAYS,
    EasySpeedBand,
    band_from_runs,
    band_from_threshold,
    easy_cadence_from_joint,
    histogram_from_dict,
    joint_from_dict,
)

RUN_SPORTS = sports.RUN_SPORTS


def easy_band(
    athlete: AthleteProfile, *, settings: LoadSettings | None = None
) -> EasySpeedBand | None:
    settings = settings if settings is not None else settings_of(athlete)
    if settings.threshold_m_s is not None:
        return band_from_threshold(settings.threshold_m_s)
    runs = Activity.objects.filter(athlete=athlete, sport__in=RUN_SPORTS)
    latest = runs.order_by("-start").values_list("start", flat=True).first()
    if latest is None:
        return None
    recent = runs.filter(start__gte=latest - timedelta(days=OWN_RUNS_WINDOW_DAYS))
    stored = recent.values_list("metrics__distributions__speed_m_s", flat=True)
    histograms = [h for h in map(histogram_from_dict, stored) if h is not None]
    return band_from_runs(histograms)


def band_to_json(band: EasySpeedBand | None) -> dict[str, Any] | None:
    if band is None:
        return None
    return {
        "low_m_s": band.low_m_s,
        "high_m_s": band.high_m_s,
        "source": band.source,
        "evidence_id": band.evidence_id,
    }


def band_from_json(data: object) -> EasySpeedBand | None:
    if not isinstance(data, dict):
        return None
    try:
        return EasySpeedBand(
            float(data["low_m_s"]), float(data["high_m_s"]), data["source"], data["evidence_id"]
        )
    except (KeyError, TypeError, ValueError):
        return None


def refresh_easy_cadence(
    *, athlete: AthleteProfile, only: Iterable[int] | None, band: EasySpeedBand | None = None
) -> int:
    """Cadence at easy pace from each run's stored speed × cadence histogram.

    ``only`` limits it to those activities (an import's new runs); returns how many changed.
    """
    band = band if band is not None else easy_band(athlete)
    runs = Activity.objects.filter(athlete=athlete, sport__in=RUN_SPORTS)
    if only is not None:
        runs = runs.filter(pk__in=list(only))
    changed = []
    for activity in runs.only("id", "metrics"):
        metrics = activity.metrics if isinstance(activity.metrics, dict) else {}
        joint = joint_from_dict(metrics.get("speed_cadence"))
        value = None if band is None or joint is None else easy_cadence_from_joint(joint, band)
        cadence = None if value is None else round(value, 1)
        if metrics.get("easy_cadence_spm") == cadence and metrics.get("easy_band") == band_to_json(
            band
        ):
            continue
        metrics["easy_cadence_spm"] = cadence
        metrics["easy_band"] = band_to_json(band)
        activity.metrics = metrics
        changed.append(activity)
    Activity.objects.bulk_update(changed, ["metrics"], batch_size=200)
    return len(changed)
