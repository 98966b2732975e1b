import numpy as np
import pytest

from tagalong.trainingload.cadence_speed import (
    NotEnoughCadenceData,
    compare_with_novices,
    fit_cadence_speed,
    novice_cadence_at,
    running_pairs,
    speed_bins,
    theil_sen,
)

from .factories import make_activity


def _run(speed: float, cadence: float, n: int = 200):
    return np.full(n, speed), np.full(n, cadence)


def test_novice_reference_matches_van_oeveren_at_the_measured_speeds():
    assert [novice_cadence_at(s) for s in (2.4, 2.6, 2.9)] == [154.0, 158.0, 160.0]


def test_novice_reference_interpolates_between_speeds():
    assert novice_cadence_at(2.5) == pytest.approx(156.0)


def test_novice_reference_refuses_speeds_it_never_measured():
    with pytest.raises(ValueError, match=r"2\.4–2\.9 m/s"):
        novice_cadence_at(4.0)


def test_theil_sen_recovers_a_line_despite_an_outlier():
    x = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    y = np.array([152.0, 157.0, 162.0, 200.0, 172.0])  # 5 spm per m/s, one wild point
    slope, intercept = theil_sen(x, y)
    assert slope == pytest.approx(5.0)
    assert intercept == pytest.approx(147.0)


def test_fit_pools_runs_and_gives_cadence_at_any_speed():
    runs = [_run(2.7, 160.0), _run(3.2, 165.0), _run(3.7, 170.0)]
    line = fit_cadence_speed(runs)
    assert line.slope_spm_per_m_s == pytest.approx(10.0)
    assert line.cadence_at(3.0) == pytest.approx(163.0)


def test_sparse_bins_are_dropped():
    speed = np.r_[np.full(50, 3.0), np.full(5, 4.2)]
    cadence = np.r_[np.full(50, 165.0), np.full(5, 175.0)]
    assert [b.speed_m_s for b in speed_bins(speed, cadence)] == [3.0]


def test_one_speed_only_is_not_enough_for_a_line():
    with pytest.raises(NotEnoughCadenceData, match="two speeds"):
        fit_cadence_speed([_run(3.0, 165.0)])


def test_no_runs_is_not_enough_for_a_line():
    with pytest.raises(NotEnoughCadenceData):
        fit_cadence_speed([])


def test_walking_and_stopped_samples_are_not_running_pairs():
    speed = np.array([0.0, 1.2, 3.0, np.nan, 3.1])
    cadence = np.array([0.0, 110.0, 168.0, 170.0, 60.0])
    activity = make_activity(time_s=np.arange(5.0), speed_m_s=speed, cadence_spm=cadence)
    kept_speed, kept_cadence = running_pairs(activity)
    assert kept_speed.tolist() == [3.0]
    assert kept_cadence.tolist() == [168.0]


def test_activity_without_cadence_gives_no_pairs():
    speed, cadence = running_pairs(make_activity(seconds=10, speed_m_s=3.0))
    assert speed.size == cadence.size == 0


def test_comparison_at_a_given_speed_reports_the_difference():
    line = fit_cadence_speed([_run(2.4, 160.0), _run(2.9, 165.0)])
    result = compare_with_novices(line, speed_m_s=2.6)
    assert result.novice_cadence_spm == pytest.approx(158.0)
    assert result.athlete_cadence_spm == pytest.approx(162.0)
    assert result.difference_spm == pytest.approx(4.0)
    assert not result.extrapolated


def test_comparison_defaults_to_the_athletes_easiest_speed_within_the_reference():
    line = fit_cadence_speed([_run(3.2, 168.0), _run(3.8, 174.0)])
    result = compare_with_novices(line)
    assert result.speed_m_s == pytest.approx(2.9)
    assert result.extrapolated


def test_line_from_stored_histograms_recovers_the_athletes_slope():
    from tagalong.trainingload.activity_metrics import activity_metrics
    from tagalong.trainingload.cadence_speed import fit_speed_bins, pooled_speed_bins

    speeds = np.repeat([2.6, 3.1, 3.6, 4.1], 300)
    cadence = 120.0 + 12.0 * speeds  # 12 spm per m/s
    run = make_activity(seconds=speeds.size - 1, speed_m_s=speeds, cadence_spm=cadence)
    joint = activity_metrics(run).speed_cadence
    assert joint is not None
    fit = fit_speed_bins(pooled_speed_bins([joint, joint]))
    assert fit.slope_spm_per_m_s == pytest.approx(12.0, abs=1.0)
    assert fit.cadence_at(3.0) == pytest.approx(156.0, abs=1.5)
    assert fit.r_squared > 0.95


def test_one_speed_band_is_not_enough_for_a_line():
    from tagalong.trainingload.cadence_speed import SpeedCadencePoint, fit_speed_bins

    with pytest.raises(NotEnoughCadenceData, match="two or more speeds"):
        fit_speed_bins((SpeedCadencePoint(3.0, 165.0, 600.0),))
