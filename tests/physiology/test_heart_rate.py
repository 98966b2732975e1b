import math

import pytest

from tagalong.evidence import REGISTRY
from tagalong.physiology.heart_rate import (
    ESTIMATED_NOTE,
    friel_lthr_zones,
    heart_rate_zones,
    hr_max_gellish,
    hr_max_tanaka,
    karvonen_target,
    zone_for,
)


def test_tanaka_gives_180_at_age_40():
    assert hr_max_tanaka(40) == pytest.approx(180.0)


def test_gellish_gives_180_1_at_age_40():
    assert hr_max_gellish(40) == pytest.approx(180.1)


def test_age_outside_human_range_is_rejected_with_the_field_name():
    with pytest.raises(ValueError, match="age_years"):
        hr_max_tanaka(-3)


def test_karvonen_at_60_percent_of_reserve():
    # 60 + 0.6 × (180 − 60) = 132
    assert karvonen_target(hr_rest=60, hr_max=180, intensity=0.6) == pytest.approx(132.0)


def test_karvonen_rejects_rest_above_max():
    with pytest.raises(ValueError, match="hr_rest"):
        karvonen_target(hr_rest=190, hr_max=180, intensity=0.5)


def test_friel_zones_bounds_follow_percent_of_lthr():
    zones = friel_lthr_zones(160)
    bounds = [(z.name, z.low_bpm, z.high_bpm) for z in zones.zones]
    assert bounds == [
        ("Z1", None, pytest.approx(136.0)),
        ("Z2", pytest.approx(136.0), pytest.approx(144.0)),
        ("Z3", pytest.approx(144.0), pytest.approx(152.0)),
        ("Z4", pytest.approx(152.0), pytest.approx(160.0)),
        ("Z5", pytest.approx(160.0), None),
    ]
    assert zones.basis == "measured_lthr"
    assert not zones.estimated
    assert zones.note is None


def test_friel_zone_five_splits_into_a_b_c():
    zones = friel_lthr_zones(100, split_z5=True)
    assert [z.name for z in zones.zones] == ["Z1", "Z2", "Z3", "Z4", "Z5a", "Z5b", "Z5c"]
    assert zone_for(102.5, zones).name == "Z5a"
    assert zone_for(103, zones).name == "Z5b"
    assert zone_for(106.9, zones).name == "Z5b"
    assert zone_for(107, zones).name == "Z5c"


def test_zone_for_puts_boundary_in_the_upper_zone():
    zones = friel_lthr_zones(160)
    assert zone_for(135.9, zones).name == "Z1"
    assert zone_for(136, zones).name == "Z2"
    assert zone_for(160, zones).name == "Z5"


def test_zone_for_missing_reading_is_none():
    assert zone_for(math.nan, friel_lthr_zones(160)) is None


def test_lthr_is_preferred_over_hr_max_and_age():
    zones = heart_rate_zones(lthr_bpm=165, measured_hr_max_bpm=190, age_years=40)
    assert zones.basis == "measured_lthr"


def test_measured_hr_max_zones_are_not_estimated():
    zones = heart_rate_zones(measured_hr_max_bpm=190, age_years=40)
    assert zones.basis == "measured_hr_max"
    assert not zones.estimated
    assert zones.zone("Z5").low_bpm == pytest.approx(171.0)


def test_age_only_gives_tanaka_zones_marked_estimated():
    zones = heart_rate_zones(age_years=40)
    assert zones.basis == "estimated_tanaka"
    assert zones.estimated
    assert zones.note == ESTIMATED_NOTE == "estimated ±10 bpm"
    assert zones.zone("Z5").low_bpm == pytest.approx(0.9 * 180)


def test_zones_without_any_input_name_the_inputs():
    with pytest.raises(ValueError, match="lthr_bpm, measured_hr_max_bpm or age_years"):
        heart_rate_zones()


def test_every_cited_evidence_id_exists():
    for zones in (friel_lthr_zones(160), heart_rate_zones(age_years=30)):
        for evidence_id in zones.evidence_ids:
            assert evidence_id in REGISTRY
