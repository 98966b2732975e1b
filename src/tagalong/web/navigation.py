"""Navigation entries, registered by each app in its AppConfig.ready() so no app edits another."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NavEntry:
    label: str
    url_name: str
    roles: frozenset[str]  # "coach", "athlete", "staff"
    order: int


_ENTRIES: list[NavEntry] = []


def register(label: str, url_name: str, *, roles: set[str], order: int) -> None:
    entry = NavEntry(label, url_name, frozenset(roles), order)
    if entry not in _ENTRIES:
        _ENTRIES.append(entry)


def entries_for(role: str) -> list[NavEntry]:
    return sorted((e for e in _ENTRIES if role in e.roles), key=lambda e: (e.order, e.label))
