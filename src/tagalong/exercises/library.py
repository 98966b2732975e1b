"""The exercise library and its read functions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Literal

from tagalong.exercises.catalogue import ALL
from tagalong.exercises.model import CATEGORIES, LADDER_LEVELS, Exercise, InvalidExercise

# The calf ladder starts with the bent-knee hold: O'Neill 2018 tested isometrics with the knee bent.
LADDER_ROOT = "isometric-calf-hold-bent-knee"


def _index(exercises: Iterable[Exercise]) -> dict[str, Exercise]:
    index: dict[str, Exercise] = {}
    for exercise in exercises:
        if exercise.slug in index:
            raise InvalidExercise(f"duplicate exercise slug {exercise.slug!r}")
        index[exercise.slug] = exercise
    return index


Link = Literal["regression", "progression"]


def _target(exercise: Exercise, link: Link) -> str | None:
    return exercise.regression if link == "regression" else exercise.progression


def _follow(library: Mapping[str, Exercise], start: Exercise, link: Link) -> list[Exercise]:
    """Walk ``link`` from ``start``; refuse dangling links and loops."""
    chain = [start]
    seen = {start.slug}
    current = start
    while (target := _target(current, link)) is not None:
        if target not in library:
            raise InvalidExercise(f"exercise {current.slug!r}: {link} {target!r} does not exist")
        if target in seen:
            raise InvalidExercise(f"exercise {current.slug!r}: {link} chain loops at {target!r}")
        seen.add(target)
        current = library[target]
        chain.append(current)
    return chain


def check_links(library: Mapping[str, Exercise]) -> None:
    """Raise ``InvalidExercise`` unless every link resolves and no chain loops."""
    for exercise in library.values():
        _follow(library, exercise, "regression")
        _follow(library, exercise, "progression")


LIBRARY: Mapping[str, Exercise] = MappingProxyType(_index(ALL))
check_links(LIBRARY)


def get(slug: str) -> Exercise:
    try:
        return LIBRARY[slug]
    except KeyError:
        raise KeyError(f"no exercise with slug {slug!r} in the library") from None


def by_category(category: str) -> list[Exercise]:
    if category not in CATEGORIES:
        raise ValueError(f"unknown exercise category {category!r}; expected one of {CATEGORIES}")
    return [e for e in LIBRARY.values() if e.category == category]


def for_ladder_level(level: int) -> list[Exercise]:
    if level not in LADDER_LEVELS:
        raise ValueError(f"calf ladder level must be 1-10, got {level!r}")
    return [e for e in LIBRARY.values() if e.ladder_level == level]


def ladder_chain() -> list[Exercise]:
    """The main calf ladder, from the first isometric hold to walk-run, in progression order."""
    return _follow(LIBRARY, LIBRARY[LADDER_ROOT], "progression")


def search(text: str) -> list[Exercise]:
    """Exercises whose slug, name, muscles or description (English or the reader's language)
    contain every word of ``text``."""
    words = text.lower().split()
    if not words:
        return []
    return [e for e in LIBRARY.values() if all(w in _haystack(e) for w in words)]


def _haystack(exercise: Exercise) -> str:
    """The searchable words in English and, through `str`, in the reader's language."""
    words = (exercise.name, exercise.description, *exercise.muscles)
    english = " ".join(words)  # a phrase's str buffer is its English
    return " ".join((exercise.slug, english, *map(str, words))).lower()
