"""Acceptance properties of the calf check, over generated cases."""

import dataclasses
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tagalong.calfcheck import (
    RED_FLAG_LABELS,
    Athlete,
    CalfCase,
    CalfTests,
    LeftRight,
    Load,
    Run,
    Shoe,
    Symptoms,
    Technique,
    check_calves,
)

from .cases import TODAY

settings.register_profile("calfcheck", max_examples=60, deadline=None)
settings.load_profile("calfcheck")


def left_right(high: float):
    return st.builds(
        LeftRight,
        st.floats(0, high, allow_nan=False),
        st.floats(0, high, allow_nan=False),
    )


def optional(strategy):
    return st.none() | strategy


scores_0_10 = optional(st.floats(0, 10, allow_nan=False))
athletes = st.builds(
    Athlete,
    age=optional(st.integers(12, 100)),
    sex=optional(st.sampled_from(["female", "male"])),
    body_mass_kg=optional(st.floats(40, 120)),
)
calf_tests = st.builds(
    CalfTests,
    heel_raise_reps=optional(left_right(60)),
    knee_to_wall_cm=optional(left_right(20)),
    single_leg_bridge_reps=optional(left_right(60)),
    side_plank_s=optional(left_right(180)),
)
symptoms = st.builds(
    Symptoms,
    during=scores_0_10,
    after=scores_0_10,
    next_morning=scores_0_10,
    side=optional(st.sampled_from(["left", "right", "both"])),
)
runs = st.builds(
    Run,
    date=st.integers(0, 60).map(lambda d: TODAY - timedelta(days=d)),
    distance_km=st.floats(0.5, 60),
)
loads = st.builds(
    Load,
    weekly_km=st.lists(st.floats(0, 150), max_size=5).map(tuple),
    longest_run_km_30d=optional(st.floats(1, 50)),
    runs=st.lists(runs, max_size=12).map(tuple),
)
techniques = st.builds(
    Technique,
    cadence_spm=optional(st.floats(130, 220)),
    speed_m_s=optional(st.floats(1.5, 5.0)),
    foot_strike=st.sampled_from(["forefoot", "midfoot", "rearfoot", "unknown"]),
)
shoe_lists = st.lists(
    st.builds(Shoe, st.just("pair"), st.floats(0, 2000), st.floats(300, 1200)), max_size=3
).map(tuple)
cases = st.builds(
    CalfCase,
    athlete=athletes,
    tests=calf_tests,
    symptoms=symptoms,
    load=loads,
    technique=techniques,
    shoes=shoe_lists,
)


def score(case: CalfCase, cause: str) -> float:
    return next(f.score for f in check_calves(case, today=TODAY).findings if f.cause == cause)


def with_heel_raises(case: CalfCase, left: float, right: float) -> CalfCase:
    tests = dataclasses.replace(case.tests, heel_raise_reps=LeftRight(left, right))
    return dataclasses.replace(case, tests=tests)


@given(cases, left_right(60), st.floats(0, 40))
def test_more_heel_raises_on_both_sides_never_make_capacity_more_likely(case, reps, extra):
    before = with_heel_raises(case, reps.left, reps.right)
    after = with_heel_raises(case, reps.left + extra, reps.right + extra)
    assert score(after, "capacity_vs_load") <= score(before, "capacity_vs_load")


@given(cases, left_right(60), st.floats(0, 1))
def test_more_heel_raises_on_the_weaker_side_never_make_capacity_more_likely(case, reps, share):
    weaker, stronger = sorted((reps.left, reps.right))
    before = with_heel_raises(case, weaker, stronger)
    after = with_heel_raises(case, weaker + share * (stronger - weaker), stronger)
    assert score(after, "capacity_vs_load") <= score(before, "capacity_vs_load")


@given(cases, st.floats(0, 2000), st.floats(0, 2000))
def test_more_shoe_km_never_makes_shoes_less_likely(case, km, extra):
    shoes = (Shoe("main", km), *case.shoes)
    before = dataclasses.replace(case, shoes=shoes)
    after = dataclasses.replace(case, shoes=(Shoe("main", km + extra), *case.shoes))
    assert score(after, "shoes") >= score(before, "shoes")


@given(cases, st.floats(130, 220), st.floats(0, 30), st.floats(1.5, 5.0))
def test_higher_cadence_at_the_same_speed_never_makes_technique_more_likely(
    case, cadence, extra, speed
):
    def at(spm: float) -> CalfCase:
        technique = dataclasses.replace(case.technique, cadence_spm=spm, speed_m_s=speed)
        return dataclasses.replace(case, technique=technique)

    assert score(at(cadence + extra), "technique") <= score(at(cadence), "technique")


@given(cases, st.lists(st.sampled_from(sorted(RED_FLAG_LABELS)), min_size=1).map(tuple))
def test_any_red_flag_always_wins(case, flags):
    result = check_calves(dataclasses.replace(case, red_flags=flags), today=TODAY)
    assert result.stop
    assert result.findings == ()
    assert result.message and "urgent" in result.message
    assert "not medical advice" in result.disclaimer


@given(cases)
def test_findings_are_sorted_by_score_and_scores_stay_within_0_to_100(case):
    result = check_calves(case, today=TODAY)
    scores = [f.score for f in result.findings]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 100 for s in scores)
    assert len(result.findings) == 5
    assert all(f.missing for f in result.findings if f.verdict == "unknown")
