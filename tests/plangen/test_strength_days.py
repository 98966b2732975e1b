"""Calf strength keeps the calves fresh for the long run: the day before it comes last."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings

from tagalong.plangen import PlanInputError, gates, strength
from tagalong.plangen.days import SHORT_RUN_MINUTES, day_minutes, strength_candidates
from tagalong.plangen.generator import build_plan, make_frame
from tagalong.plangen.longrun import long_cap_min
from tagalong.plangen.model import Availability, CurrentLoad, Goal, PlanRequest, SidePair, Tests

from .requests import runner
from .test_generator_properties import requests


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(requests())
def test_no_calf_strength_the_day_before_the_long_run_while_another_day_is_allowed(
    request: PlanRequest,
) -> None:
    try:
        frame = make_frame(request)
    except PlanInputError:
        return
    days = frame.days
    if days.long_day is None:
        return
    eve = (days.long_day - 1) % 7
    if eve not in days.strength_days:
        return
    minutes = day_minutes(request)
    usable = [d for d in range(7) if minutes[d] > 0 and d != days.rest_day]
    banned = {(days.quality_day - 1) % 7} if days.quality_day is not None else set()
    hip = gates.needs_hip_work(request)
    allowed = strength_candidates(
        usable,
        minutes,
        days.run_days,
        banned,
        strength.planned_minutes(frame.start_level, hip),
        days.long_day,
        days.quality_day,
    )
    planned = strength.planned_minutes(frame.start_level, hip)
    long_minutes = min(frame.goal_long_km * frame.easy_pace / 60.0, long_cap_min(request))
    if minutes[days.long_day] - planned < long_minutes:  # the long run's day: the run first
        allowed = [d for d in allowed if d != days.long_day]
    # a run given up for strength comes after the eve too
    allowed = [
        d for d in allowed if d not in days.run_days or minutes[d] - planned >= SHORT_RUN_MINUTES
    ]
    unused = [d for d in allowed if d not in days.strength_days and d != eve]
    assert not unused, f"strength on the long run's eve {eve} while {unused} are allowed"


def test_a_free_saturday_before_the_sunday_long_run_is_passed_over():
    # Saturday is free and roomy, yet the calves go elsewhere: not the long run's eve
    request = runner(
        goal=Goal(type="half", weeks=12),
        availability=Availability({"mon": 60, "tue": 60, "thu": 60, "sat": 60, "sun": 120}),
        current=CurrentLoad(25, 10, 3),
        tests=Tests(heel_raise_reps=SidePair(25, 25)),
    )
    plan = build_plan(request)
    longs = {s.date for s in plan.sessions() if s.run_type == "long"}
    calves = [s.date for s in plan.sessions() if s.kind == "strength"]
    assert calves and longs
    assert not any(d + dt.timedelta(days=1) in longs for d in calves)
