"""The core's phrases said in the reader's language, with dates and numbers in its format."""

import datetime as dt

from django.utils import translation

from tagalong.web import phrases
from tagalong.wording import Phrase, phrase_n


def german(monkeypatch, catalogue):
    """A catalogue for German only, standing in for the compiled one."""

    def lookup(message):
        return catalogue.get(message, message) if translation.get_language() == "de" else message

    monkeypatch.setattr(phrases, "gettext", lookup)
    monkeypatch.setattr(phrases, "ngettext", lambda one, many, n: lookup(one if n == 1 else many))


def test_english_reads_as_the_core_wrote_it():
    said = Phrase("Long run on {day:%a %-d %b}: {km:.1f} km", day=dt.date(2026, 3, 3), km=1234.5)
    with translation.override("en-gb"):
        assert str(said) == "Long run on Tue 3 Mar: 1234.5 km"


def test_german_translates_template_dates_and_numbers(monkeypatch):
    english = "Long run on {day:%a %-d %b}: {km:.1f} km"
    german(monkeypatch, {english: "Langer Lauf am {day:%a %-d. %b}: {km:.1f} km"})
    said = Phrase(english, day=dt.date(2026, 3, 3), km=12.5)
    with translation.override("de"):
        assert str(said) == "Langer Lauf am Di 3. Mär: 12,5 km"


def test_nested_phrases_are_translated_too(monkeypatch):
    german(monkeypatch, {"Do {what}": "Mach {what}", "calf raises": "Wadenheben"})
    with translation.override("de"):
        assert str(Phrase("Do {what}", what=Phrase("calf raises"))) == "Mach Wadenheben"
    with translation.override("en-gb"):
        assert str(Phrase("Do {what}", what=Phrase("calf raises"))) == "Do calf raises"


def test_plural_forms_follow_the_language(monkeypatch):
    german(monkeypatch, {"{count} run": "{count} Lauf", "{count} runs": "{count} Läufe"})
    with translation.override("de"):
        assert str(phrase_n("{count} run", "{count} runs", 1)) == "1 Lauf"
        assert str(phrase_n("{count} run", "{count} runs", 4)) == "4 Läufe"


def test_a_translation_that_breaks_its_fields_falls_back_to_english(monkeypatch):
    german(monkeypatch, {"{km:.1f} km": "{kilometres} km"})
    with translation.override("de"):
        assert str(Phrase("{km:.1f} km", km=3.0)) == "3.0 km"


def test_date_formats_escape_literal_letters():
    assert phrases._django_format("%a %-d %b at %H:%M") == r"D j M \a\t H:i"
