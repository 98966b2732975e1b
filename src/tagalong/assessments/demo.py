"""Demo intakes and one test session per demo athlete, each with a different story."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from tagalong.assessments.models import Intake, TestResult, TestSession

_STORIES: list[dict[str, tuple[float, float]]] = [
    {"heel_raise": (14, 16), "knee_to_wall": (11, 11.5), "single_leg_bridge": (24, 25)},
    {"heel_raise": (27, 28), "single_leg_bridge": (15, 24), "side_plank": (35, 50)},
    {"heel_raise": (22, 30), "knee_to_wall": (7.5, 11), "side_plank": (62, 60)},
]
_UNITS = {
    "heel_raise": "reps",
    "knee_to_wall": "cm",
    "single_leg_bridge": "reps",
    "side_plank": "s",
}


def add_demo_assessments(world: Any) -> None:
    today = timezone.localdate()
    for i, athlete in enumerate(world.athletes):
        if Intake.objects.filter(athlete=athlete).exists():
            continue
        Intake.objects.create(
            athlete=athlete,
            submitted_by=athlete.user,
            goal="race_10k" if i % 2 else "general",
            runs_per_week=3 + i % 2,
            weekly_km=25 + 5 * (i % 3),
            longest_run_km_30d=10 + 2 * (i % 3),
            concerns={"during": 2, "after": 5, "next_morning": 3 * (i % 2), "side": "left"},
            equipment=["step"],
        )
        session = TestSession.objects.create(
            athlete=athlete, date=today - timedelta(days=10 + i), by=athlete.user
        )
        for test, (left, right) in _STORIES[i % len(_STORIES)].items():
            lsi = round(min(left, right) / max(left, right) * 100, 1)
            TestResult.objects.create(
                session=session, test=test, left=left, right=right, unit=_UNITS[test], lsi_pct=lsi
            )
