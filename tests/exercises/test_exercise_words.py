"""Everything the exercise library says to a runner is a Phrase, so it can be said in German."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tagalong.exercises import EQUIPMENT, EQUIPMENT_WORDS, LADDER_LEVELS, LIBRARY, Dosage
from tagalong.wording import Phrase

EXERCISES = list(LIBRARY.values())


def _texts(exercise) -> list[str]:
    dosage = exercise.dosage
    written = [t for t in (dosage.tempo, dosage.load, dosage.frequency) if t is not None]
    return [
        exercise.name,
        exercise.description,
        *exercise.cues,
        *exercise.common_mistakes,
        *exercise.muscles,
        *written,
        dosage.summary(),
    ]


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.slug)
def test_every_text_of_an_exercise_is_a_phrase(exercise) -> None:
    assert [t for t in _texts(exercise) if not isinstance(t, Phrase)] == []


def test_the_ladder_and_the_equipment_have_words() -> None:
    assert all(isinstance(words, Phrase) for words in LADDER_LEVELS.values())
    assert set(EQUIPMENT_WORDS) == set(EQUIPMENT)
    assert all(isinstance(words, Phrase) for words in EQUIPMENT_WORDS.values())


@given(
    sets=st.integers(1, 10),
    reps=st.none() | st.integers(1, 50),
    hold_s=st.none() | st.integers(1, 600),
    tempo=st.none() | st.just(Phrase("slow")),
    load=st.none() | st.just("body weight"),  # a coach's own exercise writes plain text
)
def test_a_dosage_summary_is_a_phrase_made_of_its_parts(sets, reps, hold_s, tempo, load) -> None:
    dosage = Dosage(sets, reps, hold_s, tempo, load, Phrase("daily"))
    summary = dosage.summary()
    assert isinstance(summary, Phrase)
    assert summary.values["details"][-1] == "daily"
    assert summary.startswith(f"{sets} x ")
