"""One reason an athlete needs attention, and the order reasons are worked through."""

from __future__ import annotations

from dataclasses import dataclass

# Most urgent first: a red flag always leads; then the body, then the load, then admin.
KINDS: tuple[tuple[str, str], ...] = (
    ("red_flag", "Red flag"),
    ("pain_rising", "Calf pain rising"),
    ("calf_check_worse", "Calf check worse"),
    ("load_spike", "Load jump"),
    ("acwr", "Acute:chronic out of band"),
    ("missed_key_session", "Missed long or quality run"),
    ("compliance", "Doing less than planned"),
    ("import_failed", "Import failed"),
    ("sync_broken", "Sync not working"),
    ("no_data", "No data"),
    ("unanswered_messages", "Message waiting"),
    ("worn_shoes", "Worn shoes"),
    ("cadence_drop", "Easy cadence dropping"),
    ("retest_overdue", "Retest due"),
    ("plan_ending", "Plan ending"),
    ("open_proposals", "Plan change to review"),
)
SEVERITY: dict[str, int] = {kind: rank for rank, (kind, _) in enumerate(KINDS)}
_LABELS = dict(KINDS)


def kind_label(kind: str) -> str:
    return _LABELS.get(kind, kind.replace("_", " ").capitalize())


@dataclass(frozen=True, slots=True)
class Finding:
    """``level`` grows as the problem gets worse: a snoozed or acknowledged signal reopens when
    a later finding of the same kind has a higher level. ``anchor`` says where its evidence is
    on the athlete's pages (the app turns it into a link)."""

    kind: str
    words: str
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
