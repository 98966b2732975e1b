"""Sub-commands of ``tagalong`` that belong to the core tools and the data apps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def register_all(registry: list[Callable[[Any], None]]) -> None:
    if registry:
        return
