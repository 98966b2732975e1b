"""Fold decoded activity files into a case, so the engine never parses files itself."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from tagalong.activityfile import sports
from tagalong.calfcheck.model import CalfCase, Run

RUNNING_SPORTS = sports.RUN_SPORTS
PER_LEG_BELOW_SPM = 130.0  # science.md §4: a run's cadence below this is per leg


@dataclass(frozen=True, slots=True)
class RunSummary:
    """One decoded activity, as the caller's decoder summarises it."""

    date: date
    distance_km: float
    duration_min: float
    avg_cadence_spm: float | None = None
    avg_speed_m_s: float | None = None
    sport: str = "running"


def steps_per_minute(cadence: float) -> float:
    return cadence * 2 if cadence < PER_LEG_BELOW_SPM else cadence


def _is_duplicate(summary: RunSummary, runs: Iterable[Run]) -> bool:
    return any(
        r.date == summary.date and abs(r.distance_km - summary.distance_km) < 0.05 for r in runs
    )


def merge_activity_summaries(case: CalfCase, summaries: Iterable[RunSummary]) -> CalfCase:
    """Add decoded runs to ``load.runs`` (skipping ones already listed) and, when the case gives
    no cadence, take cadence and speed from the most recent decoded run that has both.

    Cadence is not averaged across runs: it is only meaningful at the speed it was run at.
    """
    runs_only = [s for s in summaries if s.sport in RUNNING_SPORTS and s.distance_km > 0]
    runs = list(case.load.runs)
    for summary in sorted(runs_only, key=lambda s: s.date):
        if not _is_duplicate(summary, runs):
            runs.append(Run(summary.date, summary.distance_km, summary.duration_min))
    load = dataclasses.replace(case.load, runs=tuple(sorted(runs, key=lambda r: r.date)))
    technique = case.technique
    with_cadence = [
        s for s in runs_only if s.avg_cadence_spm is not None and s.avg_speed_m_s is not None
    ]
    if technique.cadence_spm is None and with_cadence:
        latest = max(with_cadence, key=lambda s: s.date)
        assert latest.avg_cadence_spm is not None  # filtered above; for the type checker
        technique = dataclasses.replace(
            technique,
            cadence_spm=steps_per_minute(latest.avg_cadence_spm),
            speed_m_s=latest.avg_speed_m_s,
            cadence_date=latest.date,
        )
    return dataclasses.replace(case, load=load, technique=technique)
