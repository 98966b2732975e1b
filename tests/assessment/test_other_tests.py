import pytest

from tagalong.assessment import (
    AssessmentError,
    BilateralTest,
    hop_test,
    knee_to_wall_test,
    seated_soleus_test,
    side_plank_norm,
    side_plank_test,
    single_leg_bridge_test,
    single_leg_squat_test,
)


def test_knee_to_wall_exactly_10_cm_is_typical_and_below_is_restricted():
    score = knee_to_wall_test(BilateralTest("knee_to_wall", 10.0, 9.9))
    assert score.left_band == "typical"
    assert score.right_band == "restricted"
    assert score.flags == ("right_below_10_cm",)


def test_knee_to_wall_asymmetry_flags_above_2_cm_only():
    assert (
        "asymmetry_above_2_cm"
        not in knee_to_wall_test(BilateralTest("knee_to_wall", 12.0, 10.0)).flags
    )
    assert (
        "asymmetry_above_2_cm" in knee_to_wall_test(BilateralTest("knee_to_wall", 12.5, 10.0)).flags
    )


def test_knee_to_wall_reports_degrees_at_3_6_per_cm():
    score = knee_to_wall_test(BilateralTest("knee_to_wall", 10.0, 12.0))
    assert "36°" in score.notes[0] and "43°" in score.notes[0]
    assert score.references[0].value == 12.0


@pytest.mark.parametrize(
    ("reps", "band"), [(19, "poor"), (20, "average"), (30, "average"), (31, "good")]
)
def test_bridge_bands_follow_the_20_and_30_rep_cutoffs(reps, band):
    assert single_leg_bridge_test(BilateralTest("single_leg_bridge", reps, reps)).left_band == band


def test_bridge_side_difference_above_10_pct_flags():
    assert (
        "side_difference_above_10_pct"
        not in single_leg_bridge_test(BilateralTest("single_leg_bridge", 27, 30)).flags
    )
    assert (
        "side_difference_above_10_pct"
        in single_leg_bridge_test(BilateralTest("single_leg_bridge", 26, 30)).flags
    )


@pytest.mark.parametrize(
    ("age", "sex", "seconds"),
    [(25, "male", 39), (35, "male", 34), (45, "female", 33), (59, "female", 29)],
)
def test_side_plank_norms_by_decade(age, sex, seconds):
    norm = side_plank_norm(age=age, sex=sex)
    assert norm is not None and norm.value == seconds


def test_side_plank_outside_20_to_59_is_judged_on_the_60_s_target_only():
    assert side_plank_norm(age=65, sex="male") is None
    score = side_plank_test(BilateralTest("side_plank", 59, 60), age=65, sex="male")
    assert (score.left_band, score.right_band) == ("below_target", "meets_target")


def test_side_plank_below_norm_flags():
    score = side_plank_test(BilateralTest("side_plank", 38, 39), age=25, sex="male")
    assert score.left_band == "below_norm"
    assert score.right_band == "at_or_above_norm"


def test_single_leg_squat_accepts_words_or_ratings_and_never_flags():
    score = single_leg_squat_test(left="good", right=1)
    assert (score.left, score.right) == (5.0, 1.0)
    assert (score.left_band, score.right_band) == ("good", "poor")
    assert score.flags == ()


def test_single_leg_squat_rejects_an_unknown_word():
    with pytest.raises(AssessmentError, match=r"single_leg_squat\.left"):
        single_leg_squat_test(left="great", right=3)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kg", "band"),
    [(104.9, "low"), (105, "developing"), (119, "target"), (140, "target"), (141, "above_target")],
)
def test_seated_soleus_bands_in_body_weights(kg, band):
    score = seated_soleus_test(BilateralTest("seated_soleus", kg, kg), body_mass_kg=70)
    assert score.left_band == band
    assert score.references[0].label == "expert target"


def test_seated_soleus_needs_a_plausible_body_mass():
    with pytest.raises(AssessmentError, match="body_mass_kg"):
        seated_soleus_test(BilateralTest("seated_soleus", 100, 100), body_mass_kg=0)


def test_hop_lsi_below_90_flags():
    assert hop_test(BilateralTest("hop", 150, 170)).flags == ("lsi_below_90",)
    assert hop_test(BilateralTest("hop", 153, 170)).flags == ()
