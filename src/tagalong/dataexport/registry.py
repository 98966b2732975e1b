"""What an export holds, area by area. Each app that keeps a runner's data registers a writer
here (in its AppConfig.ready()); the export task runs them in order into one zip.

A writer receives the athlete and an ``Archive`` and adds tables (written as JSON and CSV)
and files (original uploads, calendars, workouts)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tagalong.athletes.models import AthleteProfile
    from tagalong.dataexport.archive import Archive

Writer = Callable[["AthleteProfile", "Archive"], None]


@dataclass(frozen=True)
class Area:
    key: str  # the folder in the zip
    title: str  # in the runner's words, shown while the export is built
    write: Writer
    order: int


_AREAS: dict[str, Area] = {}


def register(key: str, *, title: str, write: Writer, order: int) -> None:
    _AREAS[key] = Area(key=key, title=title, write=write, order=order)


def areas() -> list[Area]:
    return sorted(_AREAS.values(), key=lambda area: (area.order, area.key))


def unregister(key: str) -> Any:
    return _AREAS.pop(key, None)
