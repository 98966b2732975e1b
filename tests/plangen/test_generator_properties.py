"""Acceptance: any request yields a clear input error, a refusal with an alternative that
builds, or a plan that passes every hard limit and has the structure of a coach's plan."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tagalong.plangen import InfeasiblePlan, PlanInputError, generate_plan
from tagalong.plangen.limits import violations
from tagalong.plangen.model import (
    WEEKDAYS,
    Athlete,
    Availability,
    CoachOverride,
    CurrentLoad,
    Finding,
    Goal,
    Plan,
    PlanRequest,
    RecentRace,
    Session,
    SidePair,
    Week,
)
from tagalong.plangen.model import (
    Tests as AthleteTests,
)
from tagalong.plangen.quality import RACE_SPECIFIC_NAME, WORK_CAP_BY_NAME
from tagalong.plangen.steps import describe, work_seconds
from tagalong.plangen.workouts import long_finish

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


# The long runs published programmes build to (Higdon: 20 miles for the marathon).
LONG_RUN_UPPER_KM = {"5k": 10.0, "10k": 14.0, "half": 19.0, "marathon": 32.0}
PHASE_ORDER = {"base": 0, "build": 1, "peak": 2, "taper": 3}


def _phase_problems(plan: Plan, race: bool) -> list[str]:
    """Phases run base → build → peak → taper (lighter weeks anywhere); a race plan of 8 weeks
    or more has all four."""
    order = [PHASE_ORDER[w.phase] for w in plan.weeks if w.phase in PHASE_ORDER]
    out = [] if order == sorted(order) else [f"phases out of order: {order}"]
    if race and len(plan.weeks) >= 8 and set(order) != {0, 1, 2, 3}:
        out.append(f"race plan without all four phases: {[w.phase for w in plan.weeks]}")
    return out


def _cap_problems(plan: Plan) -> list[str]:
    """Each quality session's work within its Daniels cap of the week's running time."""
    out = []
    for week in plan.weeks:
        runs = [s for s in week.runs() if s.run_type != "race"]
        total = sum(s.duration_min for s in runs)
        for s in runs:
            share = WORK_CAP_BY_NAME.get(s.workout.name) if s.workout else None
            if s.workout is not None and share is not None:
                work = work_seconds(s.workout) / 60.0
                if work > share * total + 0.06:
                    out.append(f"{s.date}: {work:.0f} min of work > {share:.0%} of {total:.0f}")
    return out


def structure_problems(plan: Plan, request: PlanRequest) -> list[str]:
    out = []
    for s in plan.sessions():
        if not s.is_run:
            continue
        if s.workout is None:
            out.append(f"{s.date}: run without steps")
        elif s.run_type != "race" and not s.why[0].text.startswith(describe(s.workout)):
            out.append(f"{s.date}: text does not match the steps")
        elif abs(s.workout.total_seconds() / 60.0 - s.duration_min) > 0.06:
            out.append(f"{s.date}: steps add up to {s.workout.total_seconds() / 60:.1f} min")
    race = request.goal.type in ("5k", "10k", "half", "marathon")
    if race and plan.weeks and plan.weeks[-1].phase != "taper":
        out.append("race plan without a taper")
    out += _phase_problems(plan, race)
    out += _cap_problems(plan)
    upper = LONG_RUN_UPPER_KM.get(request.goal.type)
    longest = max(
        (s.distance_km or 0.0 for s in plan.sessions() if s.run_type == "long"), default=0
    )
    if upper is not None and longest > upper:
        out.append(f"long run of {longest:.1f} km past the goal's {upper:g} km")
    longest = 0.0
    for week in plan.weeks:  # the long run never shrinks in a loading week
        if week.phase in ("base", "build", "peak"):
            longs = [s.distance_km or 0.0 for s in week.runs() if s.run_type == "long"]
            if longs and max(longs) < longest - 0.05 and week.index > 1:
                out.append(f"week {week.index}: long run shrank in a loading week")
            longest = max([longest, *longs])
    return out


def _plan_or_reason(request: PlanRequest) -> Plan | None:
    try:
        return generate_plan(request)
    except PlanInputError as exc:
        assert exc.field and exc.problem
    except InfeasiblePlan as exc:
        assert exc.reason and exc.suggestion
        if exc.alternative is not None:
            alternative = generate_plan(exc.alternative)
            assert violations(alternative, exc.alternative) == []
    return None


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(requests())
def test_every_request_gets_a_clear_error_a_refusal_with_an_alternative_or_a_sound_plan(request):
    plan = _plan_or_reason(request)
    if plan is None:
        return
    assert violations(plan, request) == []
    assert structure_problems(plan, request) == []


@settings(max_examples=25, deadline=None)
@given(requests())
def test_generator_is_deterministic(request):
    try:
        first = generate_plan(request)
    except (InfeasiblePlan, PlanInputError):
        return
    assert generate_plan(request) == first


def _last_block(plan: Plan) -> list[Week]:
    """The weeks before the taper: the last three (a lighter week may be one of them)."""
    return [w for w in plan.weeks if w.phase != "taper"][-3:]


def _race_specific(session: Session, goal: str) -> bool:
    workout = session.workout
    if workout is None:
        return False
    return workout.name == RACE_SPECIFIC_NAME[goal] or long_finish(workout) is not None


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(requests())
def test_every_racing_plan_s_last_block_holds_a_race_specific_session(request):
    goal = request.goal.type
    if goal not in RACE_SPECIFIC_NAME or request.goal.race_date is None:
        return  # a distance to build to in so many weeks has no race day to be specific for
    try:
        plan = generate_plan(request)
    except (InfeasiblePlan, PlanInputError):
        return
    block = _last_block(plan)
    runs = [s for w in block for s in w.runs()]
    # a runner who can run one: continuous running, an hour or more in a week of the block
    able = runs and all(s.run_type != "walk_run" for s in runs)
    if not able or max(w.running_minutes() for w in block) < 60:
        return
    assert any(_race_specific(s, goal) for s in runs), [
        [(s.run_type, s.duration_min) for s in w.runs()] for w in block
    ]
