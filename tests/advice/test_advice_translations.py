"""Translated articles: a file per language beside the English one, its lists the English ones."""

from __future__ import annotations

import re

import pytest

from tagalong.advice import (
    ARTICLES,
    TRANSLATIONS,
    InvalidArticle,
    for_cause,
    get,
    in_language,
    parse_translation,
)

TRANSLATED = [(lang, slug) for lang, articles in TRANSLATIONS.items() for slug in articles]


def _headings(markdown: str) -> list[str]:
    return re.findall(r"^#+ ", markdown, flags=re.MULTILINE)


def test_at_least_two_articles_are_in_german() -> None:
    assert len(TRANSLATIONS["de"]) >= 2


@pytest.mark.parametrize(("language", "slug"), TRANSLATED)
def test_a_translation_keeps_the_english_lists_and_shape(language: str, slug: str) -> None:
    english, translated = ARTICLES[slug], TRANSLATIONS[language][slug]
    assert translated.language == language
    assert (translated.citations, translated.exercises, translated.causes) == (
        english.citations,
        english.exercises,
        english.causes,
    )
    assert translated.title != english.title and translated.summary != english.summary
    assert _headings(translated.body_markdown) == _headings(english.body_markdown)
    assert translated.body_markdown.startswith(f"# {translated.title}\n")


def test_the_readers_language_picks_the_translation_or_falls_back_to_english() -> None:
    assert get("pain-monitoring", "de").title == "Schmerz im Blick: die 0–10-Regel"
    assert get("pain-monitoring", "de-AT").language == "de"
    assert get("pain-monitoring", "en-gb") is ARTICLES["pain-monitoring"]
    assert get("pain-monitoring") is ARTICLES["pain-monitoring"]
    assert in_language(ARTICLES["cadence"], "de") is ARTICLES["cadence"]  # not translated yet
    languages = {a.slug: a.language for a in for_cause("technique", "de")}
    assert languages["tight-calves-after-running"] == "de" and languages["cadence"] == "en"


def test_a_translation_may_not_carry_its_own_lists() -> None:
    text = "---\ntitle: T\nsummary: S\ncitations: [x]\n---\n# T\n"
    with pytest.raises(InvalidArticle, match="line 4"):
        parse_translation(text, source="de/x.md", english=ARTICLES["cadence"], language="de")
