import json
import math
from dataclasses import replace

import numpy as np
import pytest

from tagalong.physiology.heart_rate import friel_lthr_zones
from tagalong.trainingload.activity_metrics import HISTOGRAM_EDGES, activity_metrics

from .factories import make_activity


def _alternating(a: float, b: float, n: int) -> np.ndarray:
    return np.where(np.arange(n) % 2 == 0, a, b).astype(float)


def test_averages_are_time_weighted():
    # Smart recording: each 150 bpm sample lasts 1 s, each 170 bpm sample 3 s; the last sample
    # closes the activity and lasts 0 s.
    time_s = [0, 1, 4, 5, 8, 9, 12]
    hr = [150, 170, 150, 170, 150, 170, 150]
    activity = make_activity(time_s=time_s, heart_rate_bpm=hr)
    assert activity_metrics(activity).avg_heart_rate_bpm == pytest.approx((150 * 3 + 170 * 9) / 12)


def test_gait_averages_ignore_standing_samples_and_zero_cadence():
    speed = np.r_[np.full(300, 3.0), np.zeros(301)]
    cadence = np.r_[np.full(300, 170.0), np.zeros(301)]
    metrics = activity_metrics(make_activity(seconds=600, speed_m_s=speed, cadence_spm=cadence))
    assert metrics.avg_cadence_spm == pytest.approx(170.0)
    assert metrics.avg_speed_m_s == pytest.approx(3.0)
    assert metrics.avg_pace_s_per_km == pytest.approx(1000 / 3)


def test_missing_values_do_not_poison_averages():
    hr = np.full(601, 150.0)
    hr[::7] = np.nan
    metrics = activity_metrics(make_activity(seconds=600, heart_rate_bpm=hr))
    assert metrics.avg_heart_rate_bpm == pytest.approx(150.0)
    assert metrics.max_heart_rate_bpm == pytest.approx(150.0)


def test_absent_streams_give_none_and_no_distribution():
    metrics = activity_metrics(make_activity(seconds=60, heart_rate_bpm=140.0))
    assert metrics.avg_cadence_spm is None
    assert metrics.avg_power_w is None
    assert metrics.ground_contact_time_ms is None
    assert set(metrics.distributions) == {"heart_rate_bpm"}


def test_cadence_histogram_has_fixed_bins_and_time_in_each():
    cadence = _alternating(162.0, 171.0, 601)
    metrics = activity_metrics(make_activity(seconds=600, speed_m_s=3.0, cadence_spm=cadence))
    hist = metrics.distributions["cadence_spm"]
    assert hist.edges == HISTOGRAM_EDGES["cadence_spm"]
    seconds = dict(zip(hist.edges, hist.seconds, strict=False))
    assert seconds[160.0] == pytest.approx(300.0)
    assert seconds[170.0] == pytest.approx(300.0)
    assert sum(hist.seconds) + hist.below_s + hist.above_s == pytest.approx(600.0)


def test_values_outside_the_bins_are_counted_below_and_above():
    hr = np.r_[np.full(100, 50.0), np.full(501, 215.0)]
    hist = activity_metrics(make_activity(seconds=600, heart_rate_bpm=hr)).distributions[
        "heart_rate_bpm"
    ]
    assert (hist.below_s, hist.above_s) == (100.0, 500.0)


def test_time_in_hr_zones_sums_seconds_per_zone():
    hr = np.r_[np.full(300, 130.0), np.full(301, 150.0)]
    metrics = activity_metrics(
        make_activity(seconds=600, heart_rate_bpm=hr), hr_zones=friel_lthr_zones(160)
    )
    times = {zone.zone: zone.seconds for zone in metrics.time_in_hr_zones}
    assert times == {"Z1": 300.0, "Z2": 0.0, "Z3": 300.0, "Z4": 0.0, "Z5": 0.0}


def test_time_in_zones_is_none_without_zones():
    assert (
        activity_metrics(make_activity(seconds=60, heart_rate_bpm=140.0)).time_in_hr_zones is None
    )


def test_easy_cadence_uses_only_samples_in_the_easy_speed_band():
    speed = np.r_[np.full(300, 2.8), np.full(301, 4.0)]
    cadence = np.r_[np.full(300, 164.0), np.full(301, 180.0)]
    activity = make_activity(seconds=600, speed_m_s=speed, cadence_spm=cadence)
    assert activity_metrics(activity, easy_speed_band=(2.5, 3.0)).easy_cadence_spm == 164.0
    assert activity_metrics(activity).easy_cadence_spm is None


def test_easy_band_the_wrong_way_round_is_rejected():
    activity = make_activity(seconds=60, speed_m_s=3.0, cadence_spm=170.0)
    with pytest.raises(ValueError, match="easy_speed_band"):
        activity_metrics(activity, easy_speed_band=(3.0, 2.5))


def test_ground_contact_time_from_stance_time():
    activity = make_activity(seconds=600, speed_m_s=3.0, stance_time_ms=250.0)
    assert activity_metrics(activity).ground_contact_time_ms == pytest.approx(250.0)


def test_ground_contact_time_from_a_pod_developer_field():
    activity = make_activity(seconds=600, speed_m_s=3.0, developer={"Contact Time": 240.0})
    assert activity_metrics(activity).ground_contact_time_ms == pytest.approx(240.0)


@pytest.mark.parametrize("field_name", ["Footstrike Type", "FS Type", "foot_strike_type"])
def test_foot_strike_is_read_from_tolerantly_named_pod_fields(field_name):
    activity = make_activity(seconds=600, speed_m_s=3.0, developer={field_name: 4.0})
    strike = activity_metrics(activity).foot_strike
    assert (strike.field, strike.median_value, strike.category) == (field_name, 4.0, "rearfoot")


@pytest.mark.parametrize(("value", "category"), [(5, "rearfoot"), (8, "midfoot"), (12, "forefoot")])
def test_runscribe_scale_categories(value, category):
    activity = make_activity(seconds=60, speed_m_s=3.0, developer={"Footstrike Type": value})
    assert activity_metrics(activity).foot_strike.category == category


@pytest.mark.parametrize(
    ("field_name", "value"),
    [("Foot Strike Angle", 25.0), ("Foot Strike Angle", 8.0), ("FS Type", 40.0)],
)
def test_foot_strike_on_an_unknown_scale_keeps_the_number_only(field_name, value):
    activity = make_activity(seconds=60, speed_m_s=3.0, developer={field_name: value})
    strike = activity_metrics(activity).foot_strike
    assert (strike.median_value, strike.category) == (value, None)


def test_no_pod_means_no_foot_strike():
    assert activity_metrics(make_activity(seconds=60, speed_m_s=3.0)).foot_strike is None


def test_to_dict_is_json_without_nan():
    hr = np.full(61, np.nan)
    activity = make_activity(
        seconds=60, speed_m_s=3.0, cadence_spm=170.0, heart_rate_bpm=hr, power_w=250.0
    )
    data = activity_metrics(activity, hr_zones=friel_lthr_zones(160)).to_dict()
    text = json.dumps(data, allow_nan=False)
    assert data["avg_heart_rate_bpm"] is None
    assert data["avg_cadence_spm"] == 170.0
    assert "NaN" not in text
    assert data["distributions"]["cadence_spm"]["edges"][0] == 120.0


def test_stream_length_mismatch_names_the_stream():
    activity = make_activity(seconds=10)
    broken = replace(activity.streams, heart_rate_bpm=np.full(5, 140.0))
    with pytest.raises(ValueError, match="heart_rate_bpm"):
        activity_metrics(replace(activity, streams=broken))


def test_all_nan_streams_are_treated_as_absent_measurements():
    nan = np.full(61, math.nan)
    metrics = activity_metrics(make_activity(seconds=60, speed_m_s=nan, cadence_spm=nan))
    assert metrics.avg_speed_m_s is None
    assert metrics.avg_cadence_spm is None
    assert metrics.avg_pace_s_per_km is None
