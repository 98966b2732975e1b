"""The reasons' names in the reader's language.

Signals store their kind (a code); `tagalong.triage` names each kind in English and has no
Django. This lists the same names for gettext and translates them when a page is drawn.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tagalong.triage import KINDS, kind_label

KIND_WORDS = {
    "red_flag": _("Red flag"),
    "pain_rising": _("Calf pain rising"),
    "calf_check_worse": _("Calf check worse"),
    "load_spike": _("Load jump"),
    "acwr": _("Acute:chronic out of band"),
    "missed_key_session": _("Missed long or quality run"),
    "compliance": _("Doing less than planned"),
    "import_failed": _("Import failed"),
    "sync_broken": _("Sync not working"),
    "no_data": _("No data"),
    "unanswered_messages": _("Message waiting"),
    "worn_shoes": _("Worn shoes"),
    "cadence_drop": _("Easy cadence dropping"),
    "retest_overdue": _("Retest due"),
    "plan_ending": _("Plan ending"),
    "open_proposals": _("Plan change to review"),
}


def kind_words(kind: str) -> str:
    """The kind's name in the active language (triage's English for a kind not listed here)."""
    words = KIND_WORDS.get(kind)
    return str(words) if words is not None else kind_label(kind)


def kinds_in_words() -> list[tuple[str, str]]:
    """`triage.KINDS` in the same order, named in the active language."""
    return [(kind, kind_words(kind)) for kind, _label in KINDS]
