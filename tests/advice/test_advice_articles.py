"""Advice articles: content contract, links into the library and the registry."""

from __future__ import annotations

import re

import pytest

from tagalong.advice import (
    ARTICLES,
    CAUSES,
    InvalidArticle,
    for_cause,
    get,
    parse_article,
)
from tagalong.evidence import REGISTRY
from tagalong.exercises import LIBRARY

REQUIRED_SLUGS = (
    "the-calf-muscle-pump",
    "moving-on-long-journeys",
    "tight-calves-after-running",
    "cadence",
    "when-to-replace-shoes",
    "pain-monitoring",
)
ARTICLE_SLUGS = sorted(ARTICLES)

GOOD = """---
title: A title: with a colon
slug: a-title
summary: Short.
citations: [rehab.alfredson_1998]
exercises: []
causes: [shoes, technique]
---
# Body
"""


def _words(markdown: str) -> int:
    return len(re.findall(r"[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*", markdown))


def test_at_least_six_articles_are_packaged() -> None:
    assert len(ARTICLES) >= 6


@pytest.mark.parametrize("slug", REQUIRED_SLUGS)
def test_required_article_is_present(slug: str) -> None:
    assert get(slug).slug == slug


@pytest.mark.parametrize("slug", ARTICLE_SLUGS)
def test_article_body_is_250_to_500_words(slug: str) -> None:
    assert 250 <= _words(get(slug).body_markdown) <= 500


@pytest.mark.parametrize("slug", ARTICLE_SLUGS)
def test_article_citations_exist_in_the_evidence_registry(slug: str) -> None:
    missing = [c for c in get(slug).citations if c not in REGISTRY]
    assert missing == [], f"{slug} cites evidence ids missing from the registry: {missing}"


@pytest.mark.parametrize("slug", ARTICLE_SLUGS)
def test_article_exercises_exist_in_the_library(slug: str) -> None:
    missing = [e for e in get(slug).exercises if e not in LIBRARY]
    assert missing == []


@pytest.mark.parametrize("slug", ARTICLE_SLUGS)
def test_article_is_written_in_the_second_person(slug: str) -> None:
    assert re.search(r"\byour?\b", get(slug).body_markdown, re.IGNORECASE)


@pytest.mark.parametrize("cause", CAUSES)
def test_every_calf_check_cause_has_an_article(cause: str) -> None:
    assert for_cause(cause)


def test_cause_names_match_the_calf_check() -> None:
    from tagalong.calfcheck.model import CAUSES as CALFCHECK_CAUSES

    assert tuple(CALFCHECK_CAUSES) == CAUSES


def test_tight_calves_article_covers_all_five_causes() -> None:
    assert set(get("tight-calves-after-running").causes) == set(CAUSES)


def test_travel_article_states_the_four_hour_and_hourly_rule_and_red_flags() -> None:
    body = get("moving-on-long-journeys").body_markdown
    for phrase in ("4 hours", "Every 60 minutes", "**20**", "Every 1–2 hours", "urgent"):
        assert phrase in body
    assert "not medical advice" in body


def test_cadence_article_asks_for_5_percent_at_fixed_pace_never_180() -> None:
    body = get("cadence").body_markdown
    assert "**5%**" in body and "**same pace**" in body and "Forget 180" in body
    assert "metronome" in body


def test_shoe_article_gives_500_and_800_km_and_calls_the_evidence_weak() -> None:
    body = get("when-to-replace-shoes").body_markdown
    assert "**500 km**" in body and "**800 km**" in body and "**39%**" in body
    assert "No study has followed runners" in body


def test_pain_article_states_the_0_to_10_rule() -> None:
    body = get("pain-monitoring").body_markdown
    for phrase in ("**0–3:**", "**4–5:**", "**Above 5:**", "settle by the next morning"):
        assert phrase in body


def test_rolling_article_never_replaces_loading() -> None:
    body = get("foam-rolling").body_markdown
    assert "**30–120 seconds**" in body and "never in" in body


def test_get_unknown_slug_names_the_slug() -> None:
    with pytest.raises(KeyError, match="no-such-article"):
        get("no-such-article")


def test_for_cause_rejects_an_unknown_cause() -> None:
    with pytest.raises(ValueError, match="unknown calf-check cause 'gravity'"):
        for_cause("gravity")


def test_parse_article_reads_text_and_list_fields() -> None:
    article = parse_article(GOOD, source="good.md")
    assert article.title == "A title: with a colon"
    assert article.exercises == ()
    assert article.causes == ("shoes", "technique")
    assert article.body_markdown == "# Body\n"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("# no front matter\n", "must start with a '---'"),
        ("---\ntitle: x\n", "not closed"),
        (GOOD.replace("summary: Short.\n", ""), "'summary'"),
        (GOOD.replace("causes: [shoes, technique]", "causes: [gravity]"), "unknown cause"),
        (GOOD.replace("exercises: []", "exercises: a, b"), "must be a list"),
        (GOOD.replace("exercises: []", "colour: red"), "line 6"),
        (GOOD.replace("citations: [rehab.alfredson_1998]", "citations: []"), "at least one"),
    ],
)
def test_parse_article_rejects_bad_front_matter_naming_the_file(text: str, reason: str) -> None:
    with pytest.raises(InvalidArticle, match=re.escape(reason)) as excinfo:
        parse_article(text, source="bad.md")
    assert str(excinfo.value).startswith("bad.md")
