"""Small builders for shoe tests: a run and a pair of shoes."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from tagalong.activities.models import Activity
from tagalong.athletes.models import AthleteProfile
from tagalong.shoes.models import Shoe


def make_run(
    athlete: AthleteProfile,
    *,
    km: float = 10.0,
    sport: str = "running",
    gear_name: str = "",
    start: datetime | None = None,
) -> Activity:
    return Activity.objects.create(
        athlete=athlete,
        sport=sport,
        start=start or timezone.now() - timedelta(days=1),
        duration_s=km * 330,
        moving_s=km * 330,
        distance_m=km * 1000,
        gear_name=gear_name,
        load_measure="duration",
    )


def make_shoe(athlete: AthleteProfile, *, name: str = "Blue trainers", **fields: object) -> Shoe:
    return Shoe.objects.create(athlete=athlete, name=name, **fields)
