"""Reads about symptoms: history and the chart series."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import QuerySet

from tagalong.athletes.models import AthleteProfile
from tagalong.symptoms.models import SymptomLog

PAIN_EVIDENCE = "rehab.pain_monitoring.silbernagel_2007"


def history(
    athlete: AthleteProfile, *, since: date | None = None, until: date | None = None
) -> QuerySet[SymptomLog]:
    logs = SymptomLog.objects.filter(athlete=athlete)
    if since is not None:
        logs = logs.filter(day__gte=since)
    if until is not None:
        logs = logs.filter(day__lte=until)
    return logs


def latest(athlete: AthleteProfile) -> SymptomLog | None:
    return SymptomLog.objects.filter(athlete=athlete).first()


def calf_pain_series(logs: list[SymptomLog]) -> dict[str, Any]:
    """uPlot columns: day (seconds, noon UTC), worst left and right calf pain per day."""
    by_day: dict[date, list[int | None]] = {}
    for log in sorted(logs, key=lambda entry: entry.day):
        left, right = log.worst_calf_pain("left"), log.worst_calf_pain("right")
        old = by_day.get(log.day, [None, None])
        by_day[log.day] = [_max(old[0], left), _max(old[1], right)]
    noon = time(12, tzinfo=ZoneInfo("UTC"))
    return {
        "x": [int(datetime.combine(d, noon).timestamp()) for d in by_day],
        "left": [v[0] for v in by_day.values()],
        "right": [v[1] for v in by_day.values()],
    }


def _max(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    return a if b is None else max(a, b)
