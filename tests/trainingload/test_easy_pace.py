import numpy as np
import pytest

from tagalong.evidence import REGISTRY
from tagalong.physiology.vdot import training_paces
from tagalong.trainingload.activity_metrics import HISTOGRAM_EDGES, Histogram, activity_metrics
from tagalong.trainingload.easy_pace import (
    EasySpeedBand,
    band_from_runs,
    band_from_threshold,
    describe,
    easy_cadence_from_joint,
)

from .factories import make_activity


def test_threshold_band_is_daniels_easy_range_for_the_same_vdot():
    paces = training_paces(50)
    band = band_from_threshold(1000 / paces.threshold)
    assert 1000 / band.high_m_s == pytest.approx(paces.easy_fast, abs=1.0)
    assert 1000 / band.low_m_s == pytest.approx(paces.easy_slow, abs=1.0)
    assert band.evidence_id in REGISTRY


def _speed_histogram(seconds_at: dict[float, float]) -> Histogram:
    edges = HISTOGRAM_EDGES["speed_m_s"]
    seconds = [0.0] * (len(edges) - 1)
    for speed, value in seconds_at.items():
        seconds[int(speed / 0.25)] += value
    return Histogram(edges, tuple(seconds), 0.0, 0.0)


def test_own_runs_band_is_the_10th_to_70th_centile_of_running_time():
    # 100 min spread evenly from 2.0 to 4.5 m/s: the centiles fall at 2.25 and 3.75 m/s.
    spread = {2.0 + 0.25 * i + 0.1: 600.0 for i in range(10)}
    band = band_from_runs([_speed_histogram(spread)])
    assert band is not None
    assert (band.low_m_s, band.high_m_s) == pytest.approx((2.25, 3.75))
    assert band.evidence_id == "cadence.easy_band.own_runs"
    assert REGISTRY[band.evidence_id].expert_target


def test_walking_and_too_little_running_give_no_band():
    assert band_from_runs([_speed_histogram({1.0: 7200.0})]) is None
    assert band_from_runs([_speed_histogram({3.0: 1200.0})]) is None
    assert band_from_runs([]) is None


def test_easy_cadence_from_the_stored_histogram_matches_the_stream_median():
    speed = np.r_[np.full(600, 2.6), np.full(600, 3.6)]
    cadence = np.r_[np.full(600, 162.0), np.full(600, 176.0)]
    run = make_activity(seconds=1199, speed_m_s=speed, cadence_spm=cadence)
    band = EasySpeedBand(2.4, 2.9, "own_runs", "cadence.easy_band.own_runs")
    metrics = activity_metrics(run, easy_speed_band=band.as_tuple)
    assert metrics.easy_cadence_spm == 162.0
    assert metrics.speed_cadence is not None
    assert easy_cadence_from_joint(metrics.speed_cadence, band) == pytest.approx(162.5, abs=0.5)


def test_band_reads_as_paces():
    assert describe(EasySpeedBand(2.5, 3.0, "own_runs", "x")) == "5:33–6:40 /km"
