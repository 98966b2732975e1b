from __future__ import annotations

import datetime as dt

import pytest

from tagalong.plans.models import Plan
from tagalong.plans.services.generation import generate_for_athlete
from tests.factories import World

START = dt.date(2026, 3, 2)  # a Monday
AVAILABILITY = {"mon": 45, "tue": 60, "thu": 60, "sat": 90, "sun": 120}
CURRENT = {"weekly_km": 30.0, "longest_run_km_30d": 12.0, "runs_per_week": 4}


def generate(world: World, **overrides: object) -> Plan:
    args: dict[str, object] = {
        "athlete": world.athlete_a,
        "by": world.coach_a,
        "goal": "10k",
        "start": START,
        "weeks": 10,
        "availability": AVAILABILITY,
        "current": CURRENT,
    }
    return generate_for_athlete(**{**args, **overrides})  # type: ignore[arg-type]


@pytest.fixture
def plan(world: World) -> Plan:
    return generate(world)
