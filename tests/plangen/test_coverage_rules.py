"""Coverage rules: novice requests are planned the way published programmes plan them, and a
refusal is left only where a coach would refuse, with an alternative that builds."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tagalong.plangen import InfeasiblePlan, generate_plan
from tagalong.plangen.feasibility import longest_planned_km, with_walk_breaks
from tagalong.plangen.generator import build_plan
from tagalong.plangen.limits import SPIKE_MAX_RATIO, violations
from tagalong.plangen.longrun import LONG_CAP_MIN, WALK_BREAK_CAP_MIN
from tagalong.plangen.model import (
    Athlete,
    Availability,
    CurrentLoad,
    Goal,
    PlanRequest,
    RecentRace,
    SidePair,
    Tests,
)
from tagalong.plangen.steps import Repeat
from tagalong.plangen.workouts import hard_seconds, long_finish, long_run, resized

from .requests import MONDAY, runner


def _novice_marathon() -> PlanRequest:
    """20 km a week on three days, longest run 5.6 km, a marathon 17 weeks away."""
    return runner(
        goal=Goal(type="marathon", race_date=MONDAY + dt.timedelta(weeks=16, days=6)),
        availability=Availability({"tue": 90, "thu": 90, "sun": 210}),
        current=CurrentLoad(20, 5.6, 3),
    )


def _walks(workout) -> bool:
    return any(
        isinstance(item, Repeat) and any(s.note == "walk" for s in item.steps)
        for item in workout.steps
    )


def test_a_marathon_the_long_run_cannot_reach_for_racing_is_planned_as_a_finish_with_walks():
    request = _novice_marathon()
    plan = generate_plan(request)
    assert plan.notes[0].text.startswith("A finish goal with walk breaks")
    assert "10 %" in plan.notes[0].text  # the reason is stated, in the runner's words
    longs = [s for s in plan.sessions() if s.run_type == "long"]
    assert longs and all(_walks(s.workout) for s in longs)
    assert longest_planned_km(plan) >= 16.0
    assert plan.weeks[-1].phase == "taper"


def test_the_finish_plan_keeps_every_hard_limit_of_its_own_goal():
    request = _novice_marathon()
    plan = generate_plan(request)
    finish = replace(request, goal=replace(request.goal, walk_breaks=True))
    assert violations(plan, finish) == []
    assert violations(plan, request) == []  # and of the request it answers


def _day_rich_marathon() -> PlanRequest:
    """Found by the property test: a marathon in 9 weeks from a 16 km longest run, with one
    180-minute day. Its finish plan used to take the 180-minute walk-break cap the coach
    never chose, and planned long runs of 180 minutes against the request's 150."""
    return PlanRequest(
        athlete=Athlete(age=47, sex="female", body_mass_kg=70.0),
        goal=Goal(type="marathon", weeks=9),
        start=dt.date(2025, 7, 1),
        availability=Availability(
            {"mon": 75, "tue": 60, "wed": 45, "thu": 180, "fri": 60, "sat": 20, "sun": 45}
        ),
        current=CurrentLoad(80.0, 16.0, 3, RecentRace(5000.0, 2399.0)),
        tests=Tests(side_plank_s=SidePair(80.0, 60.0)),
    )


def test_a_finish_plan_the_generator_chooses_keeps_the_request_s_150_minute_cap():
    # At about 9:50/km, 150 minutes cover 15 km, short of the 16 km a marathon needs even
    # with walk breaks: the generator refuses rather than raise the cap itself, and offers
    # the walk-break finish (whose 180-minute cap the coach chooses by picking it).
    request = _day_rich_marathon()
    with pytest.raises(InfeasiblePlan) as refusal:
        generate_plan(request)
    walk = [alt for _, alt in refusal.value.alternatives if alt.goal.walk_breaks]
    assert walk and walk[0].goal.long_run_cap_min is None
    plan = generate_plan(walk[0])
    longs = [s.duration_min for s in plan.sessions() if s.run_type == "long"]
    assert LONG_CAP_MIN < max(longs) <= WALK_BREAK_CAP_MIN
    assert violations(plan, walk[0]) == []


def test_the_finish_the_generator_chooses_keeps_the_cap_the_request_has():
    request = _day_rich_marathon()
    assert with_walk_breaks(request, keep_cap=True).goal.long_run_cap_min == LONG_CAP_MIN
    assert with_walk_breaks(request, keep_cap=False).goal.long_run_cap_min is None
    coach = replace(request, goal=replace(request.goal, long_run_cap_min=170))
    assert with_walk_breaks(coach, keep_cap=True).goal.long_run_cap_min == 170


def test_a_marathon_in_six_weeks_from_10_km_a_week_is_refused_with_a_plan_that_builds():
    request = runner(
        goal=Goal(type="marathon", race_date=MONDAY + dt.timedelta(weeks=5, days=6)),
        current=CurrentLoad(10, 4, 3),
    )
    with pytest.raises(InfeasiblePlan) as refusal:
        generate_plan(request)
    assert refusal.value.alternative is not None
    assert "choose" in refusal.value.suggestion
    alternative = generate_plan(refusal.value.alternative)
    assert violations(alternative, refusal.value.alternative) == []


def test_easy_runs_do_not_compound_within_a_week():
    """Each run stays within 10 % of the longest run before its week, so a week's runs do not
    step up one after another."""
    request = runner(
        goal=Goal(type="5k", weeks=10),
        availability=Availability({d: 60 for d in ("mon", "tue", "wed", "thu", "sat", "sun")}),
        current=CurrentLoad(11, 3.0, 5),
    )
    plan = generate_plan(request)
    weekly_longest: list[float] = []
    for week in plan.weeks:
        runs = [s for s in week.runs() if s.run_type != "race"]
        earlier = weekly_longest[-5:]  # at least the 30 days before the week
        if week.index < 5:
            earlier = [*earlier, request.current.longest_run_km_30d]
        for s in runs:
            assert (s.distance_km or 0.0) <= SPIKE_MAX_RATIO * max(earlier) + 1e-6
        weekly_longest.append(max((s.distance_km or 0.0) for s in runs) if runs else 0.0)


def test_a_runner_of_11_km_a_week_with_a_3_km_longest_run_gets_a_long_run_that_grows():
    request = runner(
        goal=Goal(type="half", weeks=16),
        availability=Availability({d: 60 for d in ("mon", "tue", "wed", "thu", "sat", "sun")}),
        current=CurrentLoad(11, 3.0, 5),
    )
    plan = build_plan(request)  # 16 weeks are too few for the half itself; the growth is the point
    longs = [max((s.distance_km or 0.0) for s in w.runs()) for w in plan.weeks[:10]]
    assert longs[-1] > 1.5 * longs[0]
    assert all(s.run_type != "walk_run" for s in plan.sessions())


def test_short_weekdays_put_the_race_specific_session_on_a_roomy_day():
    """30-minute weekdays cannot hold warm-up, work and cool-down: the peak's race-pace session
    goes on the weekend day that is not the long run's."""
    request = runner(
        goal=Goal(type="10k", race_date=MONDAY + dt.timedelta(weeks=13, days=6)),
        availability=Availability({"mon": 30, "tue": 30, "thu": 30, "sat": 150, "sun": 150}),
        current=CurrentLoad(30, 10, 5),
    )
    plan = generate_plan(request)
    peak = [s for w in plan.weeks if w.phase == "peak" for s in w.runs()]
    assert any(s.workout is not None and s.workout.name == "Race pace" for s in peak)


def _peak_runs(plan):  # type: ignore[no-untyped-def]
    return [s for w in plan.weeks if w.phase == "peak" for s in w.runs()]


def test_with_no_day_for_race_pace_work_the_peak_long_run_finishes_at_race_pace():
    """Three 30-minute weekdays and one long day: no weekday holds warm-up, work and
    cool-down, so the last block's long run ends at 10K pace (the race rehearsal)."""
    request = runner(
        goal=Goal(type="10k", race_date=MONDAY + dt.timedelta(weeks=15, days=6)),
        availability=Availability({"tue": 30, "wed": 30, "thu": 30, "sun": 165}),
        current=CurrentLoad(25, 8, 3),
    )
    plan = generate_plan(request)
    finishes = [long_finish(s.workout) for s in _peak_runs(plan) if s.run_type == "long"]
    assert finishes and all(f is not None and f[0] == "race" for f in finishes)
    for week in plan.weeks:  # the finish stays within the 80 % easy rule
        easy_fast = plan.paces["easy"][0]
        hard = sum(hard_seconds(s.workout, easy_fast) for s in week.runs() if s.workout)
        assert hard / 60 <= 0.2 * week.running_minutes() + 0.05
    assert violations(plan, request) == []


def test_a_walk_break_rehearsal_keeps_its_walk_breaks_and_its_finish_when_resized():
    paces = generate_plan(_novice_marathon()).paces
    rehearsal = long_run(paces, 120, "marathon", 30, walking=True)
    assert _walks(rehearsal) and long_finish(rehearsal) == ("marathon", 30)
    assert rehearsal.total_seconds() == 120 * 60
    shorter = resized(rehearsal, paces, 90)
    assert _walks(shorter) and long_finish(shorter) == ("marathon", 30)
    assert shorter.total_seconds() == 90 * 60
