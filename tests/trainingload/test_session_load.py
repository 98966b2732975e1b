import math

import numpy as np
import pytest

from tagalong.activityfile.model import Lap
from tagalong.evidence import REGISTRY
from tagalong.trainingload.grade import grade_adjusted_speed, running_cost_j_per_kg_m
from tagalong.trainingload.session_load import (
    TRIMP_WEIGHTING,
    HeartRateProfile,
    activity_rtss,
    activity_trimp,
    banister_trimp,
    banister_trimp_stream,
    choose_load,
    running_tss,
    session_rpe_load,
)

from .factories import START, make_activity

MAN = HeartRateProfile(hr_rest_bpm=60, hr_max_bpm=180, sex="male")
WOMAN = HeartRateProfile(hr_rest_bpm=60, hr_max_bpm=180, sex="female")


def test_session_rpe_is_rpe_times_minutes():
    assert session_rpe_load(rpe=5, minutes=60) == 300


def test_session_rpe_outside_cr10_scale_is_rejected():
    with pytest.raises(ValueError, match="CR-10"):
        session_rpe_load(rpe=11, minutes=60)


def test_trimp_for_men_uses_0_64_and_1_92():
    # 30 min at 140 bpm, HRr = 80/120 = 2/3: 30 × 2/3 × 0.64 × e^(1.28) = 46.04
    assert banister_trimp(minutes=30, hr_avg_bpm=140, profile=MAN) == pytest.approx(
        46.037, abs=1e-3
    )


def test_trimp_for_women_uses_0_86_and_1_67_not_the_mens_weighting():
    # 30 × 2/3 × 0.86 × e^(1.1133) = 52.37
    assert banister_trimp(minutes=30, hr_avg_bpm=140, profile=WOMAN) == pytest.approx(
        52.365, abs=1e-3
    )
    assert TRIMP_WEIGHTING["female"] == (0.86, 1.67)


def test_trimp_second_published_example_hr_150_rest_50_max_190():
    man = HeartRateProfile(hr_rest_bpm=50, hr_max_bpm=190, sex="male")
    woman = HeartRateProfile(hr_rest_bpm=50, hr_max_bpm=190, sex="female")
    assert banister_trimp(minutes=60, hr_avg_bpm=150, profile=man) == pytest.approx(
        108.10, abs=0.01
    )
    assert banister_trimp(minutes=60, hr_avg_bpm=150, profile=woman) == pytest.approx(
        121.50, abs=0.01
    )


def test_trimp_below_resting_heart_rate_adds_nothing():
    assert banister_trimp(minutes=30, hr_avg_bpm=50, profile=MAN) == 0.0


def test_stream_trimp_of_a_constant_heart_rate_matches_the_average_formula():
    activity = make_activity(seconds=1800, heart_rate_bpm=140.0)
    assert activity_trimp(activity, MAN) == pytest.approx(46.037, abs=1e-3)


def test_stream_trimp_skips_missing_readings_and_pauses():
    hr = np.full(1801, 140.0)
    hr[100:200] = np.nan
    time_s = np.arange(1801, dtype=float)
    time_s[1000:] += 600  # ten-minute auto-pause
    with_gaps = banister_trimp_stream(time_s, hr, MAN)
    assert with_gaps == pytest.approx(46.037 * (1800 - 100 - 1) / 1800, rel=1e-6)


def test_trimp_falls_back_to_lap_average_heart_rate():
    laps = (Lap(start=START, duration_s=1800, avg_hr=140),)
    activity = make_activity(seconds=1800, laps=laps)
    assert activity_trimp(activity, WOMAN) == pytest.approx(52.365, abs=1e-3)


def test_trimp_without_any_heart_rate_is_none():
    assert activity_trimp(make_activity(seconds=60), MAN) is None


def test_profile_with_rest_above_max_names_both_fields():
    with pytest.raises(ValueError, match="hr_rest_bpm"):
        HeartRateProfile(hr_rest_bpm=200, hr_max_bpm=180, sex="male")


def test_one_hour_at_threshold_is_100_rtss():
    assert running_tss(duration_s=3600, ngp_m_s=4.0, threshold_m_s=4.0) == pytest.approx(100.0)


def test_rtss_uses_speeds_not_paces():
    # 80 % of threshold speed for an hour: IF 0.8, 64 rTSS (paces would give 1.25² × 100).
    assert running_tss(duration_s=3600, ngp_m_s=3.2, threshold_m_s=4.0) == pytest.approx(64.0)


def test_flat_run_rtss_uses_plain_speed():
    activity = make_activity(seconds=3600, speed_m_s=3.0)
    assert activity_rtss(activity, threshold_m_s=4.0) == pytest.approx(56.25, rel=1e-3)


def test_uphill_run_counts_more_than_the_same_speed_on_the_flat():
    seconds = 3600
    flat = make_activity(seconds=seconds, speed_m_s=3.0)
    hill = make_activity(
        seconds=seconds,
        speed_m_s=3.0,
        distance_m=np.arange(seconds + 1) * 3.0,
        altitude_m=np.arange(seconds + 1) * 3.0 * 0.05,  # 5 % grade
    )
    assert activity_rtss(hill, threshold_m_s=4.0) > activity_rtss(flat, threshold_m_s=4.0)


def test_minetti_cost_is_3_6_on_the_flat():
    assert running_cost_j_per_kg_m(np.zeros(1))[0] == pytest.approx(3.6)


def test_grade_adjusted_speed_without_altitude_is_speed():
    activity = make_activity(seconds=10, speed_m_s=3.0)
    assert np.array_equal(grade_adjusted_speed(activity.streams), activity.streams.speed_m_s)


def test_choose_load_prefers_session_rpe():
    activity = make_activity(seconds=1800, heart_rate_bpm=140.0, speed_m_s=3.0)
    load = choose_load(minutes=30, rpe=4, activity=activity, hr_profile=MAN, threshold_m_s=4.0)
    assert (load.measure, load.value) == ("srpe", 120)


def test_choose_load_uses_trimp_without_rpe():
    activity = make_activity(seconds=1800, heart_rate_bpm=140.0, speed_m_s=3.0)
    load = choose_load(minutes=30, activity=activity, hr_profile=MAN, threshold_m_s=4.0)
    assert load.measure == "trimp"


def test_choose_load_uses_rtss_without_heart_rate():
    activity = make_activity(seconds=1800, speed_m_s=3.0)
    load = choose_load(minutes=30, activity=activity, hr_profile=MAN, threshold_m_s=4.0)
    assert load.measure == "rtss"


def test_choose_load_falls_back_to_minutes_and_says_so():
    load = choose_load(minutes=45)
    assert (load.measure, load.value) == ("duration", 45)
    assert "minutes only" in load.note


def test_choose_load_respects_a_custom_order():
    activity = make_activity(seconds=1800, heart_rate_bpm=140.0, speed_m_s=3.0)
    load = choose_load(
        minutes=30, rpe=4, activity=activity, threshold_m_s=4.0, order=("rtss", "srpe")
    )
    assert load.measure == "rtss"


def test_rtss_is_not_used_for_a_bike_ride():
    ride = make_activity(seconds=1800, speed_m_s=8.0, sport="cycling")
    assert choose_load(minutes=30, activity=ride, threshold_m_s=4.0).measure == "duration"


def test_session_load_evidence_ids_exist():
    activity = make_activity(seconds=600, heart_rate_bpm=140.0, speed_m_s=3.0)
    for load in (
        choose_load(minutes=10, rpe=3),
        choose_load(minutes=10, activity=activity, hr_profile=MAN),
        choose_load(minutes=10, activity=activity, threshold_m_s=4.0),
    ):
        assert load.evidence_id in REGISTRY


def test_negative_minutes_are_rejected():
    with pytest.raises(ValueError, match="minutes"):
        choose_load(minutes=-1)


def test_nan_minutes_are_rejected():
    with pytest.raises(ValueError, match="minutes"):
        choose_load(minutes=math.nan)
