import pytest

from tagalong.assessment import limb_symmetry_index, symmetry


def test_lsi_is_involved_over_uninvolved():
    assert limb_symmetry_index(20, 25, "left") == pytest.approx(80.0)
    assert limb_symmetry_index(20, 25, "right") == pytest.approx(125.0)


def test_lsi_without_an_involved_side_is_weaker_over_stronger():
    assert limb_symmetry_index(30, 24) == pytest.approx(80.0)


def test_lsi_exactly_90_is_not_flagged_and_just_below_is():
    assert not symmetry(90, 100).flagged
    assert symmetry(89.9, 100).flagged


def test_lsi_is_undefined_when_the_reference_side_scored_zero():
    assert limb_symmetry_index(0, 0) is None
    assert not symmetry(0, 0).flagged
