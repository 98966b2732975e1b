"""Evidence entries: rehab (see shared/science.md)."""

from tagalong.evidence.model import Evidence

ENTRIES: tuple[Evidence, ...] = ()
