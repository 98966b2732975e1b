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
days = st.integers(-5, 120).map(lambda d: TODAY - timedelta(days=d))
shoe_lists = st.lists(
    st.builds(Shoe, st.just("pair"), st.floats(0, 2000), st.floats(300, 1200), optional(days)),
    max_size=3,
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


def with_symptoms(case: CalfCase, **changes) -> CalfCase:
    return dataclasses.replace(case, symptoms=dataclasses.replace(case.symptoms, **changes))


def with_tests(case: CalfCase, **changes) -> CalfCase:
    return dataclasses.replace(case, tests=dataclasses.replace(case.tests, **changes))


# --- capacity vs load ---


@given(cases, st.floats(0.5, 60), st.floats(0, 60))
def test_a_longer_latest_run_never_makes_capacity_less_likely(case, km, extra):
    def latest(distance: float) -> CalfCase:
        load = dataclasses.replace(case.load, runs=(*case.load.runs, Run(TODAY, distance)))
        return dataclasses.replace(case, load=load)

    assert score(latest(km + extra), "capacity_vs_load") >= score(latest(km), "capacity_vs_load")


@given(cases, st.floats(1, 50), st.floats(0, 50))
def test_a_longer_recent_longest_run_never_makes_capacity_more_likely(case, km, extra):
    def baseline(longest: float) -> CalfCase:
        return dataclasses.replace(
            case, load=dataclasses.replace(case.load, longest_run_km_30d=longest)
        )

    assert score(baseline(km + extra), "capacity_vs_load") <= score(
        baseline(km), "capacity_vs_load"
    )


@given(cases, st.lists(st.floats(0, 150), min_size=3, max_size=5), st.floats(0, 100))
def test_more_km_this_week_never_makes_capacity_less_likely(case, weeks, extra):
    def weekly(newest: float) -> CalfCase:
        load = dataclasses.replace(case.load, weekly_km=(*weeks[:-1], newest))
        return dataclasses.replace(case, load=load)

    newest = weeks[-1]
    assert score(weekly(newest + extra), "capacity_vs_load") >= score(
        weekly(newest), "capacity_vs_load"
    )


@given(cases, st.lists(st.floats(0, 150), min_size=3, max_size=5), st.floats(0, 100))
def test_more_km_in_the_weeks_before_never_makes_capacity_more_likely(case, weeks, extra):
    def weekly(before: list[float]) -> CalfCase:
        load = dataclasses.replace(case.load, weekly_km=(*before, weeks[-1]))
        return dataclasses.replace(case, load=load)

    more = [km + extra for km in weeks[:-1]]
    assert score(weekly(more), "capacity_vs_load") <= score(weekly(weeks[:-1]), "capacity_vs_load")


@given(cases, st.floats(0, 10), st.floats(0, 10), st.floats(0, 10))
def test_more_tightness_during_or_next_morning_never_makes_capacity_less_likely(
    case, value, extra_during, extra_morning
):
    low = with_symptoms(case, during=value, next_morning=value)
    high = with_symptoms(
        case, during=min(10, value + extra_during), next_morning=min(10, value + extra_morning)
    )
    assert score(high, "capacity_vs_load") >= score(low, "capacity_vs_load")


# --- hips ---


@given(cases, left_right(60), st.floats(0, 40))
def test_more_bridge_reps_on_both_sides_never_make_hips_more_likely(case, reps, extra):
    before = with_tests(case, single_leg_bridge_reps=reps)
    after = with_tests(
        case, single_leg_bridge_reps=LeftRight(reps.left + extra, reps.right + extra)
    )
    assert score(after, "hip_glute_hamstring") <= score(before, "hip_glute_hamstring")


@given(cases, left_right(180), st.floats(0, 120))
def test_a_longer_side_plank_never_makes_hips_more_likely(case, seconds, extra):
    before = with_tests(case, side_plank_s=seconds)
    after = with_tests(case, side_plank_s=LeftRight(seconds.left + extra, seconds.right + extra))
    assert score(after, "hip_glute_hamstring") <= score(before, "hip_glute_hamstring")


# --- soft tissue ---


@given(cases, left_right(20), st.floats(0, 10))
def test_more_ankle_range_on_both_sides_never_makes_soft_tissue_more_likely(case, cm, extra):
    before = with_tests(case, knee_to_wall_cm=cm)
    after = with_tests(case, knee_to_wall_cm=LeftRight(cm.left + extra, cm.right + extra))
    assert score(after, "soft_tissue") <= score(before, "soft_tissue")


@given(cases, st.floats(0, 10), st.floats(0.1, 10))
def test_tightness_that_eases_overnight_is_never_less_soft_tissue_than_tightness_that_stays(
    case, after, morning
):
    eases = with_symptoms(case, after=after, next_morning=0)
    stays = with_symptoms(case, after=after, next_morning=morning)
    assert score(eases, "soft_tissue") >= score(stays, "soft_tissue")


# --- technique ---


@given(cases, st.floats(0.1, 10))
def test_calf_symptoms_never_make_technique_less_likely(case, tightness):
    calm = with_symptoms(case, during=0, after=0, next_morning=0)
    sore = with_symptoms(case, during=0, after=tightness, next_morning=0)
    assert score(sore, "technique") >= score(calm, "technique")


@given(cases)
def test_cadence_and_foot_strike_together_never_score_above_75(case):
    assert score(case, "technique") <= 75


# --- shoes ---


@given(cases, st.integers(0, 60), st.integers(0, 60))
def test_an_older_first_run_in_a_pair_never_makes_shoes_more_likely(case, days_ago, older_by):
    def first_used(days: int) -> CalfCase:
        pair = Shoe("new", 0, first_used=TODAY - timedelta(days=days))
        return dataclasses.replace(case, shoes=(pair, *case.shoes))

    assert score(first_used(days_ago + older_by), "shoes") <= score(first_used(days_ago), "shoes")


@given(cases)
def test_shoes_never_score_above_75(case):
    assert score(case, "shoes") <= 75


# --- each alternative alone, graded by how far past its threshold (science.md §12) ---


@given(cases, st.floats(1.9, 3.4), st.floats(13, 40))
def test_a_cadence_13_spm_or_more_under_the_reference_makes_technique_likely_alone(
    case, speed, shortfall
):
    from tagalong.calfcheck.cadence import reference_cadence

    reference = reference_cadence(speed)
    assert reference is not None
    for strike in ("rearfoot", "midfoot", "unknown"):
        technique = Technique(reference - shortfall, speed, foot_strike=strike)
        found = check_calves(dataclasses.replace(case, technique=technique), today=TODAY)
        assert next(f.verdict for f in found.findings if f.cause == "technique") == "likely"


@given(cases, st.floats(1.9, 3.4), st.floats(0.1, 10), st.floats(1, 20))
def test_a_cadence_further_under_the_reference_weighs_more(case, speed, shortfall, further):
    from tagalong.calfcheck.cadence import reference_cadence

    reference = reference_cadence(speed)
    assert reference is not None

    def at(spm: float) -> float:
        technique = Technique(cadence_spm=spm, speed_m_s=speed, foot_strike="rearfoot")
        calm = dataclasses.replace(case, technique=technique, symptoms=Symptoms())
        return score(calm, "technique")

    if at(reference - shortfall) < 75:
        assert at(reference - shortfall - further) > at(reference - shortfall)


@given(cases, st.floats(3, 30), st.floats(5, 60), st.integers(15, 29), st.floats(0.1, 10))
def test_a_doubled_long_run_a_76_pct_week_and_next_morning_tightness_make_load_likely(
    case, longest, week_km, days_before, morning
):
    runs = (Run(TODAY - timedelta(days=days_before), longest), Run(TODAY, 2 * longest))
    load = Load(weekly_km=(week_km, week_km, week_km * 1.76), runs=runs)
    doubled = with_symptoms(dataclasses.replace(case, load=load), next_morning=morning)
    found = check_calves(doubled, today=TODAY)
    assert next(f.verdict for f in found.findings if f.cause == "capacity_vs_load") == "likely"


@given(cases, st.floats(3, 30), st.floats(0.11, 0.99), st.floats(0.01, 0.9))
def test_a_longer_spike_weighs_more_than_one_just_past_10_pct(case, longest, share, more):
    def spike(ratio: float) -> float:
        runs = (Run(TODAY - timedelta(days=20), longest), Run(TODAY, longest * (1 + ratio)))
        load = Load(weekly_km=(30, 30, 30), runs=runs)
        plain = dataclasses.replace(case, load=load, symptoms=Symptoms(), tests=CalfTests())
        return score(plain, "capacity_vs_load")

    assert spike(min(1.0, share + more)) > spike(share)
