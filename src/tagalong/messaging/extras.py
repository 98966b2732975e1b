"""Read-only items other apps show in the inbox beside the threads (e.g. a programme's
announcements), registered by each app so that messaging imports none of them.

A builder takes the signed-in person and returns their items, newest first; each item links to
where it lives, and nobody can answer it here (conversation stays in the threads)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from tagalong.accounts.models import User


@dataclass(frozen=True)
class InboxItem:
    heading: str  # who and where from, e.g. "Help Mom build her endurance, from Ana Coach"
    text: str
    at: datetime
    url: str
    unread: bool


Builder = Callable[[User], list[InboxItem]]
_BUILDERS: dict[str, Builder] = {}
LIMIT = 10


def register(key: str, build: Builder) -> None:
    _BUILDERS[key] = build


def items_for(user: User) -> list[InboxItem]:
    items = [item for build in _BUILDERS.values() for item in build(user)]
    return sorted(items, key=lambda i: i.at, reverse=True)[:LIMIT]
