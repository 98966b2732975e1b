"""One reason an athlete needs attention, and the order reasons are worked through."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tagalong.wording import Phrase

# Most urgent first: a red flag always leads; then the body, then the load, then admin.
KINDS: tuple[tuple[str, Phrase], ...] = (
    ("red_flag", Phrase("Red flag")),
    ("pain_rising", Phrase("Calf pain rising")),
    ("calf_check_worse", Phrase("Calf check worse")),
    ("load_spike", Phrase("Load jump")),
    ("acwr", Phrase("Acute:chronic out of band")),
    ("missed_key_session", Phrase("Missed long or quality run")),
    ("compliance", Phrase("Doing less than planned")),
    ("import_failed", Phrase("Import failed")),
    ("sync_broken", Phrase("Sync not working")),
    ("no_data", Phrase("No data")),
    ("unanswered_messages", Phrase("Message waiting")),
    ("worn_shoes", Phrase("Worn shoes")),
    ("cadence_drop", Phrase("Easy cadence dropping")),
    ("retest_overdue", Phrase("Retest due")),
    ("plan_ending", Phrase("Plan ending")),
    ("open_proposals", Phrase("Plan change to review")),
)
SEVERITY: dict[str, int] = {kind: rank for rank, (kind, _) in enumerate(KINDS)}
_LABELS = dict(KINDS)


def one_after_another(parts: Sequence[str]) -> str:
    """Reasons said in turn, "a; b; c": each stays a phrase of its own."""
    if len(parts) <= 1:
        return parts[0] if parts else ""
    return Phrase("{first}; {rest}", first=parts[0], rest=one_after_another(parts[1:]))


def kind_label(kind: str) -> str:
    return _LABELS.get(kind, kind.replace("_", " ").capitalize())


@dataclass(frozen=True, slots=True)
class Finding:
    """``level`` grows as the problem gets worse: a snoozed or acknowledged signal reopens when
    a later finding of the same kind has a higher level. ``anchor`` says where its evidence is
    on the athlete's pages (the app turns it into a link)."""

    kind: str
    words: str  # a Phrase: the shell stores it with the signal to say it in the coach's language
    evidence_id: str
    level: float = 1.0
    anchor: str = ""

    def __post_init__(self) -> None:
        if self.kind not in SEVERITY:
            raise ValueError(f"unknown attention kind {self.kind!r}")

    @property
    def severity(self) -> int:
        return SEVERITY[self.kind]

    @property
    def label(self) -> str:
        return kind_label(self.kind)
