"""A phrase's fixed-point numbers are rounded in every language, as the English sentence is."""

from django.utils import translation

from tagalong.wording import Phrase


def test_german_rounds_like_english_instead_of_cutting_digits_off():
    said = Phrase("{bpm:.0f} bpm, {km:.2f} km", bpm=84.7, km=12.349)
    assert said.english == "85 bpm, 12.35 km"
    with translation.override("de"):
        assert str(said) == "85 bpm, 12,35 km"


def test_grouped_numbers_use_the_language_separators():
    from django.utils import translation

    from tagalong.web.phrases import _LocalNumber

    with translation.override("de"):
        assert format(_LocalNumber(1234567), ",") == "1.234.567"
        assert format(_LocalNumber(1234.56), ",.1f") == "1.234,6"
    with translation.override("en-gb"):
        assert format(_LocalNumber(1234567), ",") == "1,234,567"
