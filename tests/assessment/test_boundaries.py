"""Thresholds of the home tests at their exact values."""

import pytest

from tagalong.assessment import (
    AssessmentError,
    BilateralTest,
    heel_raise_test,
    seated_soleus_test,
    side_plank_test,
    times_body_weight,
)


@pytest.mark.parametrize(
    ("reps", "band"),
    # 50-year-old man: median 23.8, lower limit 7.0.
    [
        (23.8, "at_or_above_median"),
        (23.7, "below_median"),
        (7.0, "below_median"),
        (6.9, "below_lower_limit"),
    ],
)
def test_heel_raise_bands_at_the_median_and_the_lower_limit(reps, band):
    score = heel_raise_test(BilateralTest("heel_raise", reps, reps), age=50, sex="male")
    assert score.left_band == band


@pytest.mark.parametrize(
    ("seconds", "band"),
    # 25-year-old man: norm 39 s; target 60 s.
    [
        (60, "meets_target"),
        (59.9, "at_or_above_norm"),
        (39, "at_or_above_norm"),
        (38.9, "below_norm"),
    ],
)
def test_side_plank_bands_at_the_norm_and_the_60_s_target(seconds, band):
    score = side_plank_test(BilateralTest("side_plank", seconds, seconds), age=25, sex="male")
    assert score.left_band == band


@pytest.mark.parametrize(
    ("mass", "allowed"), [(20, True), (250, True), (19.9, False), (250.1, False)]
)
def test_times_body_weight_takes_a_body_mass_of_20_to_250_kg(mass, allowed):
    if allowed:
        assert times_body_weight(100, body_mass_kg=mass) == pytest.approx(100 / mass)
    else:
        with pytest.raises(AssessmentError, match="body_mass_kg"):
            times_body_weight(100, body_mass_kg=mass)


def test_the_soleus_score_is_in_body_weights_and_notes_the_raw_kg():
    score = seated_soleus_test(BilateralTest("seated_soleus", 96, 90), body_mass_kg=60)
    assert (score.left, score.right, score.unit) == (1.6, 1.5, "x body weight")
    assert score.notes == ("96 kg / 90 kg (left/right) ÷ 60 kg body mass",)
    assert score.references[0].label == "expert target"
    assert score.references[0].evidence_id == "soleus.bands.expert_target"
    assert score.flags == ()
    assert seated_soleus_test(BilateralTest("seated_soleus", 89.9, 90), body_mass_kg=60).flags == (
        "left_low",
    )
