from django.utils import translation

from tagalong.attention.kind_words import KIND_WORDS, kind_words, kinds_in_words
from tagalong.triage import KINDS


def test_every_triage_kind_has_words_for_gettext_and_they_read_as_triage_names_them():
    assert {kind: str(words) for kind, words in KIND_WORDS.items()} == dict(KINDS)


def test_kinds_in_words_keep_the_triage_order():
    assert [kind for kind, _ in kinds_in_words()] == [kind for kind, _ in KINDS]


def test_an_unknown_kind_falls_back_to_triage_wording():
    with translation.override("en"):
        assert kind_words("brand_new_kind") == "Brand new kind"
