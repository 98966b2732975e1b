"""Evidence entries: heart_rate (see shared/science.md)."""

from tagalong.evidence.model import Evidence

ENTRIES: tuple[Evidence, ...] = ()
