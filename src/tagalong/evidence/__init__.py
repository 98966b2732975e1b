"""The evidence registry: every threshold, formula and dosage cites an entry here by id.

Entries live in one module per domain (``testing``, ``load``, ``technique`` ...); this package
collects them and refuses duplicate ids at import time.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import import_module

from tagalong.evidence.model import Evidence, Strength

DOMAIN_MODULES = (
    "testing",
    "hips",
    "load",
    "technique",
    "shoes",
    "circulation",
    "rehab",
    "rolling",
    "periodisation",
    "heart_rate",
    "coaching_tools",
    "scheduling",
    "attention",
    "activity_files",
)


def _collect(modules: Iterable[str]) -> dict[str, Evidence]:
    registry: dict[str, Evidence] = {}
    for name in modules:
        module = import_module(f"tagalong.evidence.{name}")
        for entry in getattr(module, "ENTRIES", ()):
            if entry.id in registry:
                raise ValueError(f"duplicate evidence id {entry.id!r} in evidence.{name}")
            registry[entry.id] = entry
    return registry


REGISTRY: dict[str, Evidence] = _collect(DOMAIN_MODULES)


class UnknownEvidence(KeyError):
    pass


def cite(evidence_id: str) -> Evidence:
    """Return the registry entry for ``evidence_id``; unknown ids are a programming error."""
    try:
        return REGISTRY[evidence_id]
    except KeyError as exc:
        raise UnknownEvidence(evidence_id) from exc


__all__ = ["REGISTRY", "Evidence", "Strength", "UnknownEvidence", "cite"]
