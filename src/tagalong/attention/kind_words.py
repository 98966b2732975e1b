"""The reasons' names in the reader's language.

Signals store their kind (a code); `tagalong.triage` names each kind with a phrase, which says
itself in the active language when a page is drawn.
"""

from __future__ import annotations

from tagalong.triage import KINDS, kind_label

KIND_WORDS = dict(KINDS)  # the names by kind, as phrases


def kind_words(kind: str) -> str:
    """The kind's name in the active language (triage's English for a kind not listed here)."""
    return str(kind_label(kind))


def kinds_in_words() -> list[tuple[str, str]]:
    """`triage.KINDS` in the same order, named in the active language."""
    return [(kind, kind_words(kind)) for kind, _label in KINDS]
