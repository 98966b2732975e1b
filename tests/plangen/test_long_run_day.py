"""A long run held by its day's minutes: the refusal names the day (and the calf strength that
shares it), not the spike rule, and offers the same race with more minutes on that day."""

from __future__ import annotations

import datetime as dt

import pytest

from tagalong.plangen import InfeasiblePlan, generate_plan
from tagalong.plangen.feasibility import SPIKE_HELD, held_day, longest_planned_km, roomier_day
from tagalong.plangen.generator import build_plan
from tagalong.plangen.limits import violations
from tagalong.plangen.model import (
    Athlete,
    Availability,
    CurrentLoad,
    Goal,
    PlanRequest,
    SidePair,
    Tests,
)

START = dt.date(2026, 1, 5)


def _short_weekdays_half() -> PlanRequest:
    """Benchmark seed 3: a half 27 weeks out from 13 km a week, longest run 3.4 km, 30-min
    weekdays and 90-min weekend days; weak calves and hips put 33 min of strength on both
    weekend days, since no weekday has room for it."""
    return PlanRequest(
        athlete=Athlete(age=65, sex="female", body_mass_kg=81.0),
        goal=Goal(type="half", race_date=dt.date(2026, 7, 12)),
        start=START,
        availability=Availability(
            {"mon": 30, "tue": 30, "wed": 30, "thu": 30, "sat": 90, "sun": 90}
        ),
        current=CurrentLoad(13.0, 3.4, 6),
        tests=Tests(heel_raise_reps=SidePair(5, 9), single_leg_bridge_reps=SidePair(18, 10)),
    )


def test_the_long_run_grows_until_it_fills_what_strength_leaves_of_its_day():
    request = _short_weekdays_half()
    plan = build_plan(request)
    assert violations(plan, request) == []
    sundays = [s for s in plan.sessions() if s.date.weekday() == 6 and s.date < dt.date(2026, 7, 5)]
    longs = [s for s in sundays if s.run_type == "long"]
    strength = {s.date: s.duration_min for s in sundays if s.kind == "strength"}
    assert strength, "strength shares the long-run day"
    # no day holds more than its minutes, and the stalled long run fills what is left
    assert all(s.duration_min + strength.get(s.date, 0.0) <= 90 for s in longs)
    longest = max(longs, key=lambda s: s.duration_min)
    assert longest.duration_min + strength[longest.date] >= 89
    assert held_day(request, plan) == ("sun", strength[longest.date])


def test_the_refusal_names_the_day_and_the_minutes_that_would_build():
    request = _short_weekdays_half()
    found = roomier_day(request, build_plan(request), build_plan)
    assert found is not None
    text, roomier = found
    sunday = roomier.availability.minutes["sun"]
    assert sunday > 90 and text == f"{sunday} minutes on Sundays"
    assert roomier.goal == request.goal
    assert {**roomier.availability.minutes, "sun": 90} == dict(request.availability.minutes)
    plan = generate_plan(roomier)
    assert violations(plan, roomier) == []
    assert longest_planned_km(plan) > longest_planned_km(build_plan(request))
    with pytest.raises(InfeasiblePlan) as refusal:
        generate_plan(request)
    reason = refusal.value.reason
    assert SPIKE_HELD not in reason
    assert "Sunday's 90 minutes also hold the 33-min calf strength session" in reason
    assert f"With {sunday} minutes on Sundays the same race builds." in reason
    # the alternatives change the goal only: the app and the API repost the rest as it was
    assert all(alt.availability == request.availability for _, alt in refusal.value.alternatives)


def test_a_refusal_held_by_the_spike_rule_still_says_so():
    # 10 km a week and a 2.7 km longest run, a marathon 14 weeks out, 150-min Sundays
    request = PlanRequest(
        athlete=Athlete(age=40, sex="male", body_mass_kg=70.0),
        goal=Goal(type="marathon", race_date=START + dt.timedelta(weeks=13, days=6)),
        start=START,
        availability=Availability({"tue": 90, "thu": 90, "sun": 150}),
        current=CurrentLoad(10.0, 2.7, 3),
    )
    plan = build_plan(request)
    assert held_day(request, plan) is None
    with pytest.raises(InfeasiblePlan) as refusal:
        generate_plan(request)
    assert SPIKE_HELD in refusal.value.reason
    assert roomier_day(request, plan, build_plan) is None
