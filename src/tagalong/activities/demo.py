"""Demo history: about ten weeks of hand-entered runs per demo athlete, with the daily load."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from django.utils import timezone

from tagalong.activities.services import add_manual_run, recompute_daily_load

WEEKS = 10
# Weekday offsets of the runs in a typical week, and each run's share of the weekly distance.
WEEK_SHAPE = ((1, 0.2, 5), (3, 0.25, 6), (5, 0.15, 3), (6, 0.4, 4))


def add_demo_activities(world: Any) -> None:
    rng = random.Random(2026)
    today = timezone.localdate()
    first_monday = today - timedelta(days=today.weekday() + 7 * WEEKS)
    for athlete in world.athletes:
        weekly_km = float(athlete.weekly_distance_km or 25)
        for week in range(WEEKS):
            for offset, share, rpe in WEEK_SHAPE:
                day = first_monday + timedelta(days=7 * week + offset)
                if day > today:
                    continue
                km = round(weekly_km * share * rng.uniform(0.85, 1.15), 1)
                add_manual_run(
                    athlete=athlete,
                    by=None,
                    day=day,
                    duration_min=round(km * rng.uniform(5.2, 6.4), 1),
                    distance_km=km,
                    rpe=rpe,
                    update_load=False,
                )
        recompute_daily_load(athlete=athlete)
