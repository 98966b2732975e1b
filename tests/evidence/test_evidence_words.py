"""Every rule in the registry says its words as a Phrase, so a page can say them in German."""

from __future__ import annotations

import pytest

from tagalong.evidence import REGISTRY, Strength
from tagalong.wording import Phrase

ENTRIES = sorted(REGISTRY.values(), key=lambda e: e.id)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_a_rules_words_are_a_phrase(entry) -> None:
    assert isinstance(entry.statement, Phrase)
    assert isinstance(entry.label, Phrase)
    assert isinstance(entry.strength.words, Phrase)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_a_rules_template_is_its_english_sentence(entry) -> None:
    """No field to fill: a stray brace would break the sentence in every language."""
    assert entry.statement.template == str.__str__(entry.statement)
    assert entry.statement.values == {}


def test_the_citation_stays_as_published() -> None:
    assert not any(isinstance(entry.source, Phrase) for entry in ENTRIES)


def test_labels_read_as_before_in_english() -> None:
    assert {entry.label for entry in ENTRIES} == {"norm", "expert target"}
    assert [s.words for s in Strength] == ["verified", "secondary", "recalled"]
