"""Small builders for attention tests: runs, calf logs and a refresh."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tagalong.activities.models import Activity
from tagalong.athletes.models import AthleteProfile
from tagalong.attention.models import Signal
from tagalong.attention.services import refresh_signals
from tagalong.symptoms.models import SymptomLog


def today() -> dt.date:
    return timezone.now().astimezone(dt.UTC).date()


def run(athlete: AthleteProfile, day: dt.date, km: float = 8.0, minutes: float = 45.0) -> Activity:
    return Activity.objects.create(
        athlete=athlete,
        sport="running",
        start=dt.datetime.combine(day, dt.time(7), dt.UTC),
        duration_s=minutes * 60,
        moving_s=minutes * 60,
        distance_m=km * 1000,
        load_measure="duration",
    )


def pain(
    athlete: AthleteProfile, day: dt.date, after: int, morning: int | None = None
) -> SymptomLog:
    return SymptomLog.objects.create(
        athlete=athlete, day=day, calf_pain_left_after=after, calf_pain_left_next_morning=morning
    )


def refresh(athlete: AthleteProfile) -> dict[str, Signal]:
    refresh_signals(athlete=athlete, now=timezone.now())
    return {s.kind: s for s in Signal.objects.filter(athlete=athlete)}
