"""Acceptance: any request yields InfeasiblePlan or a plan that passes every hard limit."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tagalong.plangen import InfeasiblePlan, generate_plan
from tagalong.plangen.limits import violations
from tagalong.plangen.model import (
    WEEKDAYS,
    Athlete,
    Availability,
    CoachOverride,
    CurrentLoad,
    Finding,
    Goal,
    PlanRequest,
    RecentRace,
    SidePair,
)
from tagalong.plangen.model import (
    Tests as AthleteTests,
)

GOALS = ("5k", "10k", "half", "marathon", "endurance", "return_to_run", "postnatal")


def pairs(high: int) -> st.SearchStrategy[SidePair | None]:
    return st.none() | st.builds(
        SidePair, st.integers(0, high).map(float), st.integers(0, high).map(float)
    )


@st.composite
def requests(draw: st.DrawFn) -> PlanRequest:
    goal_type = draw(st.sampled_from(GOALS))
    start = dt.date(2025, 1, 1) + dt.timedelta(days=draw(st.integers(0, 365)))
    race_date = None
    weeks = draw(st.integers(4, 24))
    if goal_type in ("5k", "10k", "half", "marathon") and draw(st.booleans()):
        race_date = start + dt.timedelta(days=draw(st.integers(21, 24 * 7 - 1)))
        weeks = None
    few_days = st.lists(st.sampled_from(WEEKDAYS), unique=True, max_size=2)
    many_days = st.lists(st.sampled_from(WEEKDAYS), unique=True, min_size=3, max_size=7)
    days = draw(few_days if draw(st.integers(0, 9)) == 0 else many_days)
    short = st.sampled_from((15, 20, 30))
    long = st.sampled_from((45, 60, 75, 90, 120, 180))
    minutes = {d: draw(short if draw(st.integers(0, 7)) == 0 else long) for d in days}
    weekly = draw(st.sampled_from((0.0, 3.0, 10.0, 20.0, 35.0, 50.0, 80.0)))
    longest = min(weekly, draw(st.sampled_from((0.0, 2.0, 5.0, 10.0, 16.0, 25.0))))
    race = draw(
        st.none() | st.builds(RecentRace, st.just(5000.0), st.integers(15 * 60, 40 * 60).map(float))
    )
    goal = Goal(
        type=goal_type,
        race_date=race_date,
        weeks=weeks,
        weeks_postnatal=draw(st.integers(0, 40)) if goal_type == "postnatal" else None,
        return_tests_passed=draw(st.booleans()),
        coach_override=CoachOverride("pelvic health physio cleared her")
        if draw(st.booleans())
        else None,
    )
    return PlanRequest(
        athlete=Athlete(
            age=draw(st.integers(16, 80)),
            sex=draw(st.sampled_from(("female", "male"))),
            body_mass_kg=70.0,
        ),
        goal=goal,
        start=start,
        availability=Availability(minutes),
        current=CurrentLoad(weekly, longest, draw(st.integers(0, 7)), race),
        tests=AthleteTests(
            heel_raise_reps=draw(pairs(40)),
            knee_to_wall_cm=draw(pairs(16)),
            single_leg_bridge_reps=draw(pairs(40)),
            side_plank_s=draw(pairs(90)),
        ),
        findings=tuple(
            Finding(c, v)
            for c, v in draw(
                st.lists(
                    st.tuples(
                        st.sampled_from(("technique", "tension", "capacity", "shoes")),
                        st.sampled_from(("likely", "possible", "unlikely")),
                    ),
                    max_size=3,
                )
            )
        ),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(requests())
def test_generator_raises_infeasible_or_returns_a_plan_within_every_hard_limit(request):
    try:
        plan = generate_plan(request)
    except InfeasiblePlan as exc:
        assert exc.reason and exc.suggestion
        return
    assert violations(plan, request) == []


@settings(max_examples=25, deadline=None)
@given(requests())
def test_generator_is_deterministic(request):
    try:
        first = generate_plan(request)
    except InfeasiblePlan:
        return
    assert generate_plan(request) == first
