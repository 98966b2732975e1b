"""VDOT against Daniels' published tables (3rd edition), within 2 s/km."""

import pytest

from tagalong.physiology import vdot as vd

TOLERANCE_S_PER_KM = 2.0


def _hms(text: str) -> float:
    parts = [int(p) for p in text.split(":")]
    seconds = 0
    for p in parts:
        seconds = seconds * 60 + p
    return float(seconds)


RACES = [
    (50, 5_000, "19:57"),
    (50, 10_000, "41:21"),
    (50, vd.HALF_MARATHON_M, "1:31:35"),
    (50, vd.MARATHON_M, "3:10:49"),
    (40, 5_000, "24:08"),
    (40, 10_000, "50:03"),
    (40, vd.MARATHON_M, "3:49:45"),
    (60, 5_000, "17:03"),
    (60, vd.MARATHON_M, "2:43:25"),
]


@pytest.mark.parametrize(("vdot", "distance_m", "published"), RACES)
def test_predicted_race_time_matches_daniels_table_within_2_s_per_km(vdot, distance_m, published):
    predicted = vd.predict_race_time(vdot, distance_m)
    per_km_error = abs(predicted - _hms(published)) / (distance_m / 1000.0)
    assert per_km_error <= TOLERANCE_S_PER_KM


@pytest.mark.parametrize(("vdot", "distance_m", "published"), RACES)
def test_vdot_from_a_table_race_returns_the_table_vdot(vdot, distance_m, published):
    assert vd.vdot_from_race(distance_m, _hms(published)) == pytest.approx(vdot, abs=0.3)


def test_training_paces_at_vdot_50_match_daniels_table():
    paces = vd.training_paces(50)
    assert paces.marathon == pytest.approx(_hms("4:31"), abs=TOLERANCE_S_PER_KM)
    assert paces.threshold == pytest.approx(_hms("4:15"), abs=TOLERANCE_S_PER_KM)
    assert paces.interval == pytest.approx(_hms("3:55"), abs=TOLERANCE_S_PER_KM)
    assert paces.repetition_per_400m() == pytest.approx(89, abs=TOLERANCE_S_PER_KM * 0.4)


def test_easy_range_at_vdot_50_is_slower_than_marathon_and_brackets_about_5_10_per_km():
    paces = vd.training_paces(50)
    assert paces.marathon < paces.easy_fast < _hms("5:10") < paces.easy_slow
    assert paces.easy_fast == pytest.approx(_hms("4:52"), abs=6)
    assert paces.easy_slow == pytest.approx(_hms("5:29"), abs=6)


def test_paces_get_faster_in_zone_order():
    p = vd.training_paces(45)
    assert p.easy_slow > p.easy_fast > p.marathon > p.threshold > p.interval > p.repetition


def test_oxygen_cost_and_its_inverse_roughly_agree():
    for speed in (150.0, 200.0, 250.0, 300.0):
        assert vd.speed_at_oxygen_cost(vd.oxygen_cost(speed)) == pytest.approx(speed, rel=0.01)


def test_riegel_scales_time_by_distance_ratio_to_the_1_06():
    assert vd.riegel_time(10_000, 2_400, 21_097.5) == pytest.approx(2_400 * 2.10975**1.06, rel=1e-9)


def test_bad_inputs_raise_vdot_error_naming_the_problem():
    with pytest.raises(vd.VdotError, match="distance"):
        vd.vdot_from_race(0, 1200)
    with pytest.raises(vd.VdotError, match="VDOT"):
        vd.predict_race_time(5, 5000)
