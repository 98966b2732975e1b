"""Sections of the athlete pages, registered by each app so that no app edits another's views.

The athlete's home and the coach's view of an athlete render every registered section in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

ContextBuilder = Callable[[HttpRequest, Any], dict[str, Any] | None]


@dataclass(frozen=True)
class Section:
    key: str
    template: str
    build: ContextBuilder  # returns None to hide the section
    order: int


_SECTIONS: dict[str, Section] = {}


def register(key: str, *, template: str, build: ContextBuilder, order: int) -> None:
    _SECTIONS[key] = Section(key, template, build, order)


def render_context(request: HttpRequest, athlete: Any) -> list[tuple[str, dict[str, Any]]]:
    rendered = []
    for section in sorted(_SECTIONS.values(), key=lambda s: s.order):
        context = section.build(request, athlete)
        if context is not None:
            rendered.append((section.template, {"athlete": athlete, **context}))
    return rendered
