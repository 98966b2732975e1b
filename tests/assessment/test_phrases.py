"""Every text a home-test score carries for a person (what it was judged against, its notes,
its bands and its errors) is a Phrase; a bare string fails here."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tagalong.assessment import (
    AssessmentError,
    BilateralTest,
    compare_retest,
    heel_raise_test,
    hop_test,
    knee_to_wall_test,
    model,
    seated_soleus_test,
    side_plank_test,
    single_leg_bridge_test,
    single_leg_squat_test,
)
from tagalong.assessment.words import BAND_WORDS, REFERENCE_LABELS
from tagalong.wording import Phrase

ages = st.integers(12, 100)
sexes = st.sampled_from(["female", "male"])


def scores(left: float, right: float, age: int, sex: str) -> list[model.TestScore]:
    pair = lambda test: BilateralTest(test, left, right)  # noqa: E731
    return [
        heel_raise_test(pair("heel_raise"), age=age, sex=sex),  # type: ignore[arg-type]
        knee_to_wall_test(BilateralTest("knee_to_wall", min(left, 30), min(right, 30))),
        single_leg_bridge_test(pair("single_leg_bridge")),
        side_plank_test(pair("side_plank"), age=age, sex=sex),  # type: ignore[arg-type]
        seated_soleus_test(pair("seated_soleus"), body_mass_kg=70),
        hop_test(pair("hop")),
        single_leg_squat_test(left=min(left, 5), right=min(right, 5)),
    ]


@given(st.floats(0, 200), st.floats(0, 200), ages, sexes)
def test_every_text_of_a_score_is_a_phrase_and_every_band_has_words(left, right, age, sex):
    for score in scores(left, right, age, sex):
        for ref in score.references:
            assert isinstance(ref.description, Phrase), (score.test, ref.description)
            assert ref.label in REFERENCE_LABELS
        assert all(isinstance(note, Phrase) for note in score.notes), score.notes
        for band in (score.left_band, score.right_band):
            assert band is None or band in BAND_WORDS, (score.test, band)


@given(st.floats(0, 30), st.floats(0, 30), st.sampled_from(["1", "2"]))
def test_retest_notes_are_phrases(left, right, version):
    before = BilateralTest("knee_to_wall", left, right)
    after = BilateralTest("knee_to_wall", right, left, protocol_version=version)
    assert all(isinstance(note, Phrase) for note in compare_retest(before, after).notes)


@given(
    st.sampled_from(
        [
            lambda: BilateralTest("heel_raise", -1, 3),
            lambda: BilateralTest("heel_raise", 3, 3, involved="up"),  # type: ignore[arg-type]
            lambda: heel_raise_test(BilateralTest("heel_raise", 3, 3), age=5, sex="female"),
            lambda: seated_soleus_test(BilateralTest("seated_soleus", 3, 3), body_mass_kg=5),
            lambda: single_leg_squat_test(left="great", right=3),  # type: ignore[arg-type]
            lambda: hop_test(BilateralTest("heel_raise", 3, 3)),
        ]
    )
)
def test_why_a_result_is_refused_is_a_phrase(make):
    try:
        make()
    except AssessmentError as error:
        assert isinstance(error.reason, Phrase) and isinstance(error.message, Phrase)
    else:
        raise AssertionError("should be refused")
