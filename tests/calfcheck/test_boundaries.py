"""Each rule at its threshold and just past it; dates carried into the evidence."""

import dataclasses
from datetime import timedelta

import pytest

from tagalong.calfcheck import LeftRight, Load, Run, Shoe, Symptoms, Technique, check_calves

from .cases import TODAY, healthy_case, steady_runs


def finding(case, cause):
    return next(f for f in check_calves(case, today=TODAY).findings if f.cause == cause)


def with_tests(**tests):
    return healthy_case(tests=dataclasses.replace(healthy_case().tests, **tests))


# --- capacity vs load ---


@pytest.mark.parametrize(
    ("reps", "points"),
    # 50-year-old man: median 23.8, lower limit 7.0; every value is below the 25-rep target (+15).
    [(23.8, 15), (23.7, 35), (7.0, 35), (6.9, 60)],
)
def test_heel_raises_exactly_at_the_median_or_lower_limit_are_not_below_it(reps, points):
    case = with_tests(heel_raise_reps=LeftRight(reps, reps))
    case = dataclasses.replace(case, athlete=dataclasses.replace(case.athlete, age=50, sex="male"))
    assert finding(case, "capacity_vs_load").score == points


def test_the_involved_side_sets_the_heel_raise_lsi_even_when_it_is_the_stronger():
    case = with_tests(heel_raise_reps=LeftRight(30, 26.9))
    right_sore = dataclasses.replace(case, symptoms=Symptoms(0, 0, 0, side="right"))
    left_sore = dataclasses.replace(case, symptoms=Symptoms(0, 0, 0, side="left"))
    assert finding(right_sore, "capacity_vs_load").score == 15  # 26.9 / 30 = 89.7 %
    assert finding(left_sore, "capacity_vs_load").score == 0  # 30 / 26.9 = 111.5 %


@pytest.mark.parametrize(("during", "points"), [(5.0, 0), (5.1, 10)])
def test_tightness_during_runs_counts_above_5_of_10_only(during, points):
    case = healthy_case(symptoms=Symptoms(during=during, after=0, next_morning=0))
    assert finding(case, "capacity_vs_load").score == points


@pytest.mark.parametrize(("next_morning", "points"), [(0.0, 0), (0.5, 15)])
def test_any_tightness_the_next_morning_counts(next_morning, points):
    case = healthy_case(symptoms=Symptoms(during=0, after=0, next_morning=next_morning))
    assert finding(case, "capacity_vs_load").score == points


def test_a_spike_of_exactly_100_pct_is_amber_not_red():
    runs = (Run(TODAY - timedelta(days=20), 10), Run(TODAY, 20))
    load = Load(weekly_km=(30, 30, 30), runs=runs)
    assert finding(healthy_case(load=load), "capacity_vs_load").score == 40


def test_a_run_more_than_twice_the_longest_makes_load_likely_on_its_own():
    runs = (Run(TODAY - timedelta(days=20), 10), Run(TODAY, 20.01))
    found = finding(healthy_case(load=Load(weekly_km=(30, 30, 30), runs=runs)), "capacity_vs_load")
    assert (found.score, found.verdict) == (60, "likely")
    assert "capacity.spike_grading.expert_target" in found.citations


def test_a_doubled_long_run_a_76_pct_week_and_next_morning_tightness_make_load_likely():
    runs = (Run(TODAY - timedelta(days=20), 10), Run(TODAY, 20))
    case = healthy_case(
        load=Load(weekly_km=(25, 25, 44), runs=runs),
        symptoms=Symptoms(during=0, after=0, next_morning=2),
    )
    found = finding(case, "capacity_vs_load")
    assert found.verdict == "likely"
    assert found.score == 40 + 21.6 + 15  # 76 % week: 15 + 10 × 46/70
    assert "load.weekly_grading.expert_target" in found.citations


def test_a_weekly_list_shorter_than_3_weeks_does_not_hide_the_runs():
    runs = (Run(TODAY.replace(day=1), 10), Run(TODAY.replace(day=5), 10), Run(TODAY, 30))
    case = healthy_case(load=Load(weekly_km=(30,), runs=runs, longest_run_km_30d=30))
    assert finding(case, "capacity_vs_load").score == 25  # 10, 10, 30 km: 200 % up


def test_runs_reaching_back_less_than_14_days_give_no_weekly_judgement():
    runs = (Run(TODAY - timedelta(days=13), 10), Run(TODAY, 30))
    case = healthy_case(load=Load(runs=runs, longest_run_km_30d=30))
    assert any("weekly_km" in m for m in finding(case, "capacity_vs_load").missing)


# --- hips ---


@pytest.mark.parametrize(("weaker", "points"), [(27.0, 0), (26.9, 20)])
def test_bridge_side_difference_counts_below_90_pct(weaker, points):
    case = with_tests(single_leg_bridge_reps=LeftRight(weaker, 30))
    assert finding(case, "hip_glute_hamstring").score == points


@pytest.mark.parametrize(
    ("seconds", "points"),
    # 35-year-old woman: norm 40 s; the expert target is 60 s.
    [(60.0, 0), (59.9, 10), (40.0, 10), (39.9, 25)],
)
def test_side_plank_at_the_60_s_target_and_at_the_norm(seconds, points):
    case = with_tests(side_plank_s=LeftRight(seconds, 65))
    assert finding(case, "hip_glute_hamstring").score == points


# --- soft tissue ---


@pytest.mark.parametrize(
    ("after", "next_morning", "points"),
    [(0, 0, 20), (0.5, 0, 50), (5, None, 35), (5, 0.5, 25)],
)
def test_tightness_after_runs_that_eases_overnight_points_at_soft_tissue(
    after, next_morning, points
):
    # The healthy case has normal calf capacity: +20 on its own.
    case = healthy_case(symptoms=Symptoms(during=0, after=after, next_morning=next_morning))
    assert finding(case, "soft_tissue").score == points


@pytest.mark.parametrize(("reps", "points"), [(25.0, 20), (24.9, 0)])
def test_normal_calf_capacity_starts_at_25_reps_and_the_median(reps, points):
    case = with_tests(heel_raise_reps=LeftRight(reps, reps))
    case = dataclasses.replace(case, athlete=dataclasses.replace(case.athlete, age=60, sex="male"))
    assert finding(case, "soft_tissue").score == points


def test_heel_raises_alone_never_make_soft_tissue_known():
    case = dataclasses.replace(
        with_tests(knee_to_wall_cm=None), symptoms=Symptoms(), load=Load(), shoes=()
    )
    assert finding(case, "soft_tissue").verdict == "unknown"


# --- technique ---


def technique(cadence=None, speed=None, strike="unknown", complains=False, **dates):
    symptoms = Symptoms(after=3 if complains else 0)
    case = healthy_case(technique=Technique(cadence, speed, strike, **dates), symptoms=symptoms)
    return finding(case, "technique")


@pytest.mark.parametrize(
    ("cadence", "points", "verdict"),
    # Reference 160 spm at 2.9 m/s: 8 points per 1 % below up to 5 % (152 spm), then 60 + 3 per %.
    [
        (160.0, 0, "unlikely"),
        (159.0, 5, "unlikely"),
        (154.0, 30, "possible"),
        (152.0, 40, "possible"),
        (151.9, 60.2, "likely"),
        (147.0, 69.4, "likely"),
        (120, 75, "likely"),
    ],
)
def test_cadence_is_graded_by_its_shortfall_and_clearly_low_is_likely_alone(
    cadence, points, verdict
):
    found = technique(cadence, 2.9)
    assert (found.score, found.verdict) == (points, verdict)
    if points:
        assert "cadence.shortfall_grading.expert_target" in found.citations


@pytest.mark.parametrize(
    ("speed", "judged"), [(1.9, True), (3.4, True), (1.89, False), (3.41, False)]
)
def test_cadence_is_judged_from_1_9_to_3_4_m_s_only(speed, judged):
    assert (technique(150, speed).verdict != "unknown") is judged


@pytest.mark.parametrize(
    ("strike", "complains", "points"),
    [
        ("forefoot", True, 35),
        ("forefoot", False, 20),
        ("midfoot", True, 10),
        ("midfoot", False, 0),
        ("rearfoot", True, 0),
    ],
)
def test_foot_strike_points(strike, complains, points):
    assert technique(strike=strike, complains=complains).score == points


def test_technique_evidence_carries_the_dates_of_the_runs():
    found = technique(
        152,
        2.7,
        "forefoot",
        cadence_date=TODAY - timedelta(days=4),
        foot_strike_date=TODAY - timedelta(days=13),
    )
    dates = {e.label: e.date for e in found.evidence}
    assert dates == {
        "cadence at 2.7 m/s": TODAY - timedelta(days=4),
        "foot strike": TODAY - timedelta(days=13),
    }


# --- shoes ---


def shoes(*pairs):
    return finding(healthy_case(shoes=pairs), "shoes")


def test_a_single_pair_adds_5_points_and_a_rotation_nudge():
    assert shoes(Shoe("a", 0)).score == 5
    assert shoes(Shoe("a", 0), Shoe("b", 0)).score == 0


@pytest.mark.parametrize(("days_ago", "points"), [(0, 30), (27, 30), (28, 0), (-1, 0)])
def test_a_pair_first_run_in_less_than_4_weeks_ago_is_a_recent_change(days_ago, points):
    new = Shoe("new", 0, first_used=TODAY - timedelta(days=days_ago))
    found = shoes(new, Shoe("old", 0))
    assert found.score == points
    if points:
        assert "shoes.phase_in.expert_target" in found.citations
        assert "rehab.return_to_run.green_2022" in found.citations
        assert any("Phase in new" in a.text for a in found.actions)
        assert any(e.date == new.first_used for e in found.evidence)


def test_without_any_first_use_date_the_finding_says_what_would_settle_a_change():
    assert any("first_used" in m for m in shoes(Shoe("a", 100), Shoe("b", 0)).missing)
    dated = shoes(Shoe("a", 100, first_used=TODAY - timedelta(days=90)), Shoe("b", 0))
    assert dated.missing == ()


def test_shoes_never_score_above_75():
    worn_new = Shoe("a", 2000, retire_km=300, first_used=TODAY)
    assert shoes(worn_new).score == 75


# --- symptoms' dates ---


def test_symptom_evidence_carries_the_day_each_value_was_noted():
    symptoms = Symptoms(
        during=6,
        after=4,
        next_morning=0,
        during_date=TODAY - timedelta(days=1),
        after_date=TODAY - timedelta(days=2),
        next_morning_date=TODAY,
    )
    case = healthy_case(symptoms=symptoms, load=Load(runs=steady_runs()))
    dated = {
        (e.label, e.date)
        for cause in ("capacity_vs_load", "soft_tissue")
        for e in finding(case, cause).evidence
        if e.date is not None
    }
    assert {
        ("tightness during runs", TODAY - timedelta(days=1)),
        ("tightness after runs", TODAY - timedelta(days=2)),
        ("tightness next morning", TODAY),
    } <= dated
