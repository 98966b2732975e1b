"""Evidence entries: hips (see shared/science.md)."""

from tagalong.evidence.model import Evidence

ENTRIES: tuple[Evidence, ...] = ()
