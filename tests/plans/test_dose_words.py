"""A prescription's dose ("3 × 15 reps") in the reader's language, from the German catalogue."""

from django.utils import translation

from tagalong.plans.selectors.exercises import dose_text


def test_dose_reads_in_english_and_german():
    with translation.override("en-gb"):
        assert dose_text({"sets": 3, "reps": 15}) == "3 × 15 reps"
        assert dose_text({"sets": 2, "hold_s": 30}) == "2 × 30 s hold"
        assert dose_text({"sets": 1, "reps": 1}) == "1 × 1 rep"
    with translation.override("de"):
        assert dose_text({"sets": 3, "reps": 15}) == "3 × 15 Wdh."
        assert dose_text({"sets": 2, "hold_s": 30}) == "2 × 30 s halten"


def test_the_generator_load_is_translated_and_a_coach_load_stays_as_typed():
    with translation.override("de"):
        assert (
            dose_text({"sets": 5, "hold_s": 45, "load": "70 % of max effort"})
            == "5 × 45 s halten (70 % deiner Maximalkraft)"
        )
        assert (
            dose_text({"sets": 3, "reps": 8, "load": "mit Rucksack"}) == "3 × 8 Wdh. (mit Rucksack)"
        )
