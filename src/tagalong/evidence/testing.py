"""Evidence entries: testing (see shared/science.md)."""

from tagalong.evidence.model import Evidence

ENTRIES: tuple[Evidence, ...] = ()
