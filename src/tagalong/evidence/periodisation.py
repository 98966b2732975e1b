"""Evidence entries: periodisation (see shared/science.md)."""

from tagalong.evidence.model import Evidence

ENTRIES: tuple[Evidence, ...] = ()
