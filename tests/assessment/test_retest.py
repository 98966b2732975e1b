import pytest

from tagalong.assessment import AssessmentError, BilateralTest, compare_retest


def test_heel_raise_change_of_7_reps_is_real_and_6_is_noise():
    result = compare_retest(
        BilateralTest("heel_raise", 20, 20), BilateralTest("heel_raise", 27, 26)
    )
    left, right = result.changes
    assert (left.change, left.exceeds_error) == (7, True)
    assert (right.change, right.exceeds_error) == (6, False)
    assert result.measurement_error == 7


def test_knee_to_wall_change_of_2_cm_is_real():
    result = compare_retest(
        BilateralTest("knee_to_wall", 10, 10), BilateralTest("knee_to_wall", 8, 11.5)
    )
    assert [c.exceeds_error for c in result.changes] == [True, False]


def test_tests_without_a_published_error_report_unknown():
    result = compare_retest(
        BilateralTest("single_leg_bridge", 10, 10), BilateralTest("single_leg_bridge", 30, 30)
    )
    assert all(change.exceeds_error is None for change in result.changes)


def test_a_changed_protocol_is_marked_not_comparable():
    result = compare_retest(
        BilateralTest("heel_raise", 20, 20, protocol_version="1"),
        BilateralTest("heel_raise", 28, 28, protocol_version="2"),
    )
    assert not result.comparable and result.notes


def test_different_tests_cannot_be_compared():
    with pytest.raises(AssessmentError, match=r"current\.test"):
        compare_retest(BilateralTest("heel_raise", 20, 20), BilateralTest("hop", 20, 20))
