"""A phrase's fixed-point numbers are rounded in every language, as the English sentence is."""

from django.utils import translation

from tagalong.wording import Phrase


def test_german_rounds_like_english_instead_of_cutting_digits_off():
    said = Phrase("{bpm:.0f} bpm, {km:.2f} km", bpm=84.7, km=12.349)
    assert said.english == "85 bpm, 12.35 km"
    with translation.override("de"):
        assert str(said) == "85 bpm, 12,35 km"
