"""Request builders shared by the plan-generator tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from tagalong.plangen.model import (
    Athlete,
    Availability,
    CurrentLoad,
    Finding,
    Goal,
    PlanRequest,
    RecentRace,
    SidePair,
    Tests,
)

MONDAY = dt.date(2025, 3, 3)


def runner(**changes: Any) -> PlanRequest:
    """A 40-year-old club runner: 30 km/week, 5 days available, a 50-min 10K."""
    request = PlanRequest(
        athlete=Athlete(age=40, sex="female", body_mass_kg=60),
        goal=Goal(type="half", weeks=16),
        start=MONDAY,
        availability=Availability({"mon": 60, "tue": 75, "thu": 75, "sat": 120, "sun": 150}),
        current=CurrentLoad(
            weekly_km=30,
            longest_run_km_30d=12,
            runs_per_week=4,
            recent_race=RecentRace(10_000, 50 * 60),
        ),
        tests=Tests(heel_raise_reps=SidePair(26, 27)),
    )
    return replace(request, **changes)


def weak_calves() -> Tests:
    return Tests(heel_raise_reps=SidePair(8, 14))


def technique_finding() -> tuple[Finding, ...]:
    return (Finding(cause="technique", verdict="likely"),)
