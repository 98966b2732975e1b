"""Properties of the home-test scoring: a better result never scores worse."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tagalong.assessment import (
    BilateralTest,
    compare_retest,
    heel_raise_test,
    knee_to_wall_test,
    limb_symmetry_index,
    seated_soleus_test,
    side_plank_test,
    single_leg_bridge_test,
)

settings.register_profile("assessment", max_examples=80, deadline=None)
settings.load_profile("assessment")

ages = st.floats(12, 100)
sexes = st.sampled_from(["female", "male"])
HEEL_RAISE_RANK = ["below_lower_limit", "below_median", "at_or_above_median"]
PLANK_RANK = ["below_norm", "below_target", "at_or_above_norm", "meets_target"]
BRIDGE_RANK = ["poor", "average", "good"]
SOLEUS_RANK = ["low", "developing", "target", "above_target"]


def pair(test, value):
    return BilateralTest(test, value, value)


@given(st.floats(0, 100), st.floats(0, 100), ages, sexes)
def test_more_heel_raises_never_give_a_worse_band(reps, extra, age, sex):
    def band(value):
        return heel_raise_test(pair("heel_raise", value), age=age, sex=sex).left_band

    assert HEEL_RAISE_RANK.index(band(reps + extra)) >= HEEL_RAISE_RANK.index(band(reps))


@given(st.floats(0, 200), st.floats(0.1, 200), st.floats(0, 1))
def test_lsi_without_an_involved_side_is_at_most_100_and_rises_with_the_weaker_side(
    weaker, stronger, share
):
    weaker, stronger = min(weaker, stronger), max(weaker, stronger)
    lsi = limb_symmetry_index(weaker, stronger)
    better = limb_symmetry_index(weaker + share * (stronger - weaker), stronger)
    assert lsi is not None and better is not None
    assert 0 <= lsi <= better <= 100.0 + 1e-9


@given(st.floats(0, 25), st.floats(0, 25), st.floats(0, 5))
def test_more_ankle_range_on_both_sides_never_adds_a_knee_to_wall_flag(left, right, extra):
    before = knee_to_wall_test(BilateralTest("knee_to_wall", left, right)).flags
    after = knee_to_wall_test(BilateralTest("knee_to_wall", left + extra, right + extra)).flags
    assert set(after) <= set(before)


@given(st.floats(0, 150), st.floats(0, 50))
def test_more_bridge_reps_never_give_a_worse_band(reps, extra):
    def band(value):
        return single_leg_bridge_test(pair("single_leg_bridge", value)).left_band

    assert BRIDGE_RANK.index(band(reps + extra)) >= BRIDGE_RANK.index(band(reps))


@given(st.floats(0, 500), st.floats(0, 100), ages, sexes)
def test_a_longer_side_plank_never_gives_a_worse_band(seconds, extra, age, sex):
    def band(value):
        return side_plank_test(pair("side_plank", value), age=age, sex=sex).left_band

    assert PLANK_RANK.index(band(seconds + extra)) >= PLANK_RANK.index(band(seconds))


@given(st.floats(0, 400), st.floats(0, 100), st.floats(20, 200), st.floats(0, 50))
def test_more_force_never_lowers_and_more_body_mass_never_raises_the_soleus_band(
    kg, extra_kg, mass, extra_mass
):
    def band(force, body_mass):
        return seated_soleus_test(pair("seated_soleus", force), body_mass_kg=body_mass).left_band

    assert SOLEUS_RANK.index(band(kg + extra_kg, mass)) >= SOLEUS_RANK.index(band(kg, mass))
    assert SOLEUS_RANK.index(band(kg, mass + extra_mass)) <= SOLEUS_RANK.index(band(kg, mass))


@given(
    st.sampled_from(["heel_raise", "knee_to_wall"]),
    st.floats(0, 30),
    st.floats(0, 30),
)
def test_retest_changes_are_judged_the_same_in_either_direction(test, before, after):
    forward = compare_retest(pair(test, before), pair(test, after))
    backward = compare_retest(pair(test, after), pair(test, before))
    assert forward.changes[0].exceeds_error == backward.changes[0].exceeds_error
    error = forward.measurement_error
    assert error is not None
    assert forward.changes[0].exceeds_error == (abs(after - before) >= error)
