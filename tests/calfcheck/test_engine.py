import dataclasses

import pytest

from tagalong.calfcheck import (
    CAUSES,
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
from tagalong.evidence import cite

from .cases import TODAY, healthy_case, steady_runs


def by_cause(case):
    return {f.cause: f for f in check_calves(case, today=TODAY).findings}


def test_a_healthy_runner_has_every_cause_unlikely():
    findings = by_cause(healthy_case())
    assert {f.verdict for f in findings.values()} == {"unlikely"}


def test_an_empty_case_is_unknown_everywhere_and_says_what_to_add():
    findings = by_cause(CalfCase())
    assert {f.verdict for f in findings.values()} == {"unknown"}
    assert all(f.missing for f in findings.values())
    assert any("heel_raise_reps" in m for m in findings["capacity_vs_load"].missing)


def test_every_cited_id_exists_in_the_registry():
    for case in (healthy_case(), CalfCase()):
        for finding in check_calves(case, today=TODAY).findings:
            for evidence_id in finding.citations:
                cite(evidence_id)
            for action in finding.actions:
                for evidence_id in action.citations:
                    cite(evidence_id)


def test_disclaimer_is_always_present():
    assert "not medical advice" in check_calves(CalfCase(), today=TODAY).disclaimer


def test_five_causes_sorted_by_score_ties_in_fixed_order():
    findings = check_calves(CalfCase(), today=TODAY).findings
    assert tuple(f.cause for f in findings) == CAUSES


# --- capacity vs load ---


def heel_raises(left, right, **athlete):
    case = healthy_case(
        tests=dataclasses.replace(healthy_case().tests, heel_raise_reps=LeftRight(left, right))
    )
    if athlete:
        case = dataclasses.replace(case, athlete=dataclasses.replace(case.athlete, **athlete))
    return by_cause(case)["capacity_vs_load"]


def test_heel_raises_below_the_age_norm_make_weak_calves_likely_on_their_own():
    # 35-year-old woman: median 26.0, lower limit 9.55; below it and below 25 reps: 45 + 15.
    finding = heel_raises(9, 9)
    assert finding.verdict == "likely"
    assert "capacity.weak_calves_alone.expert_target" in finding.citations
    assert heel_raises(20, 20).verdict == "possible"  # below the median only: 20 + 15
    assert "hret.norm.hebert_losier_2017" in finding.citations
    assert any(a.exercise == "single-leg-heel-raise" for a in finding.actions)


def test_exactly_25_reps_meets_the_return_to_run_target_and_24_does_not():
    # A 60-year-old man's median is 19.1, so only the 25-rep target changes the score.
    at_target = heel_raises(25, 25, age=60, sex="male")
    below = heel_raises(24, 24, age=60, sex="male")
    assert at_target.score == 0
    assert below.score == 15


def test_heel_raise_lsi_exactly_90_does_not_add_but_below_does():
    assert heel_raises(27, 30).score == heel_raises(30, 30).score
    assert heel_raises(26.9, 30).score > heel_raises(27, 30).score


def test_heel_raises_without_age_or_sex_still_judge_the_25_rep_target():
    finding = heel_raises(20, 20, age=None)
    assert finding.score == 15
    assert any("athlete.age" in m for m in finding.missing)


def spike_case(latest_km, longest_km=10.0):
    runs = (*steady_runs(longest_km)[1:], Run(TODAY, latest_km))
    return healthy_case(load=Load(weekly_km=(30, 30, 30), runs=runs))


@pytest.mark.parametrize(
    ("latest_km", "points"),
    [(11.0, 0), (11.01, 20), (13.0, 24.4), (15.5, 30), (20.0, 40), (20.01, 60)],
)
def test_single_run_spike_bands_follow_frandsen_2025(latest_km, points):
    finding = by_cause(spike_case(latest_km))["capacity_vs_load"]
    assert finding.score == points
    assert "capacity.single_run_spike.frandsen_2025" in finding.citations


def test_spike_uses_the_given_longest_run_of_30_days_for_the_latest_run():
    case = healthy_case(load=Load(longest_run_km_30d=14, runs=(Run(TODAY, 18),)))
    finding = by_cause(case)["capacity_vs_load"]
    assert finding.score == 24.1  # 28.6 % longer: 20 + 20 × 18.6/90
    assert any("14" in a.text for a in finding.actions if a.kind == "adjust_load")


def test_spikes_older_than_two_weeks_are_ignored():
    old = TODAY.replace(day=1)
    case = healthy_case(load=Load(runs=(Run(old.replace(month=2), 10), Run(old, 30))))
    assert by_cause(case)["capacity_vs_load"].score == 0


@pytest.mark.parametrize(("newest", "points"), [(39.0, 0), (39.1, 15)])
def test_weekly_distance_more_than_30_pct_above_the_previous_two_weeks(newest, points):
    case = healthy_case(load=Load(weekly_km=(30, 30, newest)))
    finding = by_cause(case)["capacity_vs_load"]
    assert finding.score == points
    assert "load.weekly_distance.nielsen_2014" in finding.citations


def test_weekly_distance_is_derived_from_runs_when_not_given():
    runs = (Run(TODAY.replace(day=1), 10), Run(TODAY.replace(day=5), 10), Run(TODAY, 30))
    case = healthy_case(load=Load(runs=runs, longest_run_km_30d=30))
    finding = by_cause(case)["capacity_vs_load"]
    assert finding.score == 25  # 10, 10, 30 km: 200 % up, the most a week scores


def test_next_morning_tightness_points_at_load():
    case = healthy_case(symptoms=Symptoms(during=2, after=4, next_morning=3))
    finding = by_cause(case)["capacity_vs_load"]
    assert finding.score == 15
    assert "rehab.pain_monitoring.silbernagel_2007" in finding.citations


# --- hips ---


def test_weak_asymmetric_bridge_and_short_side_plank_make_hips_likely_as_a_hypothesis():
    tests = dataclasses.replace(
        healthy_case().tests,
        single_leg_bridge_reps=LeftRight(15, 19),
        side_plank_s=LeftRight(30, 32),
    )
    finding = by_cause(healthy_case(tests=tests))["hip_glute_hamstring"]
    assert finding.verdict == "likely"
    assert "hips.calf_link.franettovich_smith_2014" in finding.citations
    assert any("hypothesis" in (e.note or "") for e in finding.evidence)


@pytest.mark.parametrize(("reps", "points"), [(20, 0), (19, 30)])
def test_bridge_below_20_reps_adds_points(reps, points):
    tests = dataclasses.replace(healthy_case().tests, single_leg_bridge_reps=LeftRight(reps, reps))
    assert by_cause(healthy_case(tests=tests))["hip_glute_hamstring"].score == points


def test_side_plank_above_norm_but_below_60_s_counts_a_little():
    tests = dataclasses.replace(healthy_case().tests, side_plank_s=LeftRight(50, 50))
    assert by_cause(healthy_case(tests=tests))["hip_glute_hamstring"].score == 10


# --- soft tissue ---


def test_tightness_that_eases_with_short_knee_to_wall_and_normal_capacity_is_soft_tissue():
    tests = dataclasses.replace(healthy_case().tests, knee_to_wall_cm=LeftRight(8, 11))
    case = healthy_case(tests=tests, symptoms=Symptoms(during=1, after=5, next_morning=0))
    finding = by_cause(case)["soft_tissue"]
    assert finding.verdict == "likely"
    rolling = [a for a in finding.actions if a.kind == "rolling"]
    assert rolling and "30–120 s" in (rolling[0].dosage or "")
    assert "never" in rolling[0].text
    assert "rolling.no_dorsiflexion.konrad_2022" in rolling[0].citations
    assert any(a.kind == "mobility" for a in finding.actions)


@pytest.mark.parametrize(("right", "points"), [(10.0, 20), (9.9, 45)])
def test_knee_to_wall_flags_below_10_cm(right, points):
    tests = dataclasses.replace(healthy_case().tests, knee_to_wall_cm=LeftRight(10, right))
    assert by_cause(healthy_case(tests=tests))["soft_tissue"].score == points


def test_knee_to_wall_asymmetry_flags_above_2_cm():
    tests = dataclasses.replace(healthy_case().tests, knee_to_wall_cm=LeftRight(12, 14))
    assert by_cause(healthy_case(tests=tests))["soft_tissue"].score == 20
    tests = dataclasses.replace(healthy_case().tests, knee_to_wall_cm=LeftRight(12, 14.5))
    assert by_cause(healthy_case(tests=tests))["soft_tissue"].score == 35


# --- technique ---


def technique(cadence, speed, strike="rearfoot", symptoms=None):
    case = healthy_case(technique=Technique(cadence, speed, strike))
    if symptoms is not None:
        case = dataclasses.replace(case, symptoms=symptoms)
    return by_cause(case)["technique"]


def test_cadence_is_judged_at_the_given_speed_not_against_180():
    assert technique(160, 2.9).score == 0
    assert technique(158, 2.6).score == 0
    assert technique(154, 2.9).verdict == "possible"  # 3.75 % under 160
    assert technique(150, 2.9).verdict == "likely"  # 6.25 % under 160


def test_the_cadence_action_gives_a_5_pct_step_with_a_metronome():
    finding = technique(160, 3.0, symptoms=Symptoms(after=4))
    action = next(a for a in finding.actions if a.kind == "cadence")
    assert "160 → 168 spm" in action.text


def test_cadence_far_outside_the_studied_speeds_is_not_judged():
    finding = technique(150, 5.0, strike="unknown")
    assert finding.verdict == "unknown"
    assert any("1.9 and 3.4 m/s" in m for m in finding.missing)


def test_forefoot_strike_with_calf_symptoms_points_at_technique():
    finding = technique(170, 2.8, "forefoot", Symptoms(after=5))
    assert finding.verdict == "possible"
    assert "foot_strike.achilles_load.almonroeder_2013" in finding.citations
    assert any(a.kind == "foot_strike" and "heel" in a.text for a in finding.actions)


# --- shoes ---


def shoes(*pairs):
    return by_cause(healthy_case(shoes=pairs))["shoes"]


@pytest.mark.parametrize(
    ("km", "verdict"), [(499, "unlikely"), (500, "possible"), (799, "possible"), (800, "likely")]
)
def test_shoe_nudges_at_500_and_800_km(km, verdict):
    finding = shoes(Shoe("a", km), Shoe("b", 0))
    assert finding.verdict == verdict
    assert "shoes.replace_km.expert_target" in finding.citations


def test_shoe_actions_say_replace_or_rotate_and_that_evidence_is_weak():
    finding = shoes(Shoe("Pegasus", 820))
    texts = " ".join(a.text for a in finding.actions)
    assert "Replace or rotate shoes" in texts and "weak" in texts
    assert any("shoes.rotation.malisoux_2015" in a.citations for a in finding.actions)


def test_a_pair_with_a_lower_retire_km_is_judged_against_it():
    assert shoes(Shoe("racer", 400, retire_km=400), Shoe("b", 0)).verdict == "likely"


def test_no_shoes_is_unknown():
    assert shoes().verdict == "unknown"


# --- red flags ---


def test_a_red_flag_stops_the_check_and_withholds_findings():
    result = check_calves(healthy_case(red_flags=("one_sided_calf_swelling",)), today=TODAY)
    assert result.stop and result.findings == ()
    assert result.message and "urgent" in result.message
    assert result.red_flags == ("one_sided_calf_swelling",)
    assert "not medical advice" in result.disclaimer


def test_travel_context_is_a_red_flag_too():
    result = check_calves(CalfCase(red_flags=("recent_long_travel",)), today=TODAY)
    assert result.stop and "travel" in (result.message or "")


def test_future_runs_are_ignored():
    case = healthy_case(load=Load(runs=(Run(TODAY.replace(day=20), 50),)))
    assert by_cause(case)["capacity_vs_load"].score == 0
    assert isinstance(CalfTests(), CalfTests)
