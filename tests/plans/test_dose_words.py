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
