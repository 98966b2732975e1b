import pytest

from tagalong.assessment import AssessmentError, BilateralTest, heel_raise_norm, heel_raise_test
from tagalong.evidence import cite


@pytest.mark.parametrize(
    ("age", "sex", "median", "lower"),
    [
        (20, "male", 37.5, 16.2),
        (50, "male", 23.8, 7.0),
        (80, "male", 10.0, 0.0),
        (20, "female", 30.1, 13.4),
        (60, "female", 19.2, 3.2),
        (80, "female", 13.7, 0.0),
    ],
)
def test_norm_matches_hebert_losier_table_at_each_decade(age, sex, median, lower):
    norm = heel_raise_norm(age=age, sex=sex)
    assert norm.value == median
    assert norm.lower_limit == lower
    assert norm.label == "norm"


def test_norm_interpolates_between_decades():
    # Halfway between 32.9 (30) and 28.3 (40) for men.
    assert heel_raise_norm(age=35, sex="male").value == pytest.approx(30.6)
    assert heel_raise_norm(age=45, sex="female").lower_limit == pytest.approx(7.2, abs=0.05)


def test_ages_outside_the_study_take_the_nearest_decade_and_say_so():
    score = heel_raise_test(BilateralTest("heel_raise", 30, 30), age=17, sex="male")
    assert score.references[0].value == 37.5
    assert score.notes


def test_band_below_lower_limit_below_median_and_at_median():
    score = heel_raise_test(BilateralTest("heel_raise", 5, 24), age=50, sex="male")
    assert score.left_band == "below_lower_limit"
    assert score.right_band == "at_or_above_median"
    assert heel_raise_test(BilateralTest("heel_raise", 20, 20), age=50, sex="male").left_band == (
        "below_median"
    )


def test_exactly_25_reps_meets_the_return_to_run_target():
    score = heel_raise_test(BilateralTest("heel_raise", 25, 24), age=30, sex="female")
    assert "left_below_return_to_run_target" not in score.flags
    assert "right_below_return_to_run_target" in score.flags


def test_return_to_run_target_is_labelled_expert_target_with_its_evidence():
    score = heel_raise_test(BilateralTest("heel_raise", 30, 30), age=30, sex="female")
    target = score.references[1]
    assert target.label == "expert target"
    assert target.value == 25
    assert cite(target.evidence_id).expert_target
    for evidence_id in score.citations:
        cite(evidence_id)


def test_lsi_uses_involved_side_and_flags_below_90():
    score = heel_raise_test(
        BilateralTest("heel_raise", 27, 30, involved="left"), age=30, sex="male"
    )
    assert score.symmetry is not None
    assert score.symmetry.lsi_pct == pytest.approx(90.0)
    assert not score.symmetry.flagged
    score = heel_raise_test(BilateralTest("heel_raise", 26, 30), age=30, sex="male")
    assert score.symmetry is not None and score.symmetry.flagged


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"age": 30, "sex": "other"}, "sex"),
        ({"age": 130, "sex": "male"}, "age"),
    ],
)
def test_bad_athlete_details_name_the_field(kwargs, field):
    with pytest.raises(AssessmentError) as excinfo:
        heel_raise_test(BilateralTest("heel_raise", 20, 20), **kwargs)
    assert excinfo.value.field == field


def test_negative_reps_name_the_side_and_the_range():
    with pytest.raises(AssessmentError, match=r"heel_raise\.left: -1 reps is outside 0–200 reps"):
        BilateralTest("heel_raise", -1, 20)


def test_scoring_the_wrong_test_is_refused():
    with pytest.raises(AssessmentError, match="expected a heel_raise"):
        heel_raise_test(BilateralTest("hop", 100, 100), age=30, sex="male")
