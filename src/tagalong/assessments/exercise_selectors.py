"""Reads for the exercise pages: the library together with the coaches' own exercises."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from tagalong import exercises
from tagalong.access.policy import (
    Access,
    AnyUser,
    access_to_custom_exercise,
    visible_custom_exercises,
)
from tagalong.assessments.forms import CATEGORY_LABELS
from tagalong.assessments.models import CustomExercise, custom_id


@dataclass(frozen=True)
class ExerciseRow:
    name: str
    url: str
    by: str | None  # the author of a coach's exercise; None for the library


@dataclass(frozen=True)
class CategoryGroup:
    label: str
    rows: list[ExerciseRow]


def custom_url(exercise: CustomExercise) -> str:
    return reverse("assessments:custom_exercise", kwargs={"exercise_id": exercise.pk})


def library_url(slug: str) -> str:
    return reverse("assessments:exercise", kwargs={"slug": slug})


def exercise_groups(user: AnyUser) -> list[CategoryGroup]:
    """Per category, the library's exercises then the custom ones this user may see."""
    custom = list(visible_custom_exercises(user))
    groups = []
    for category in exercises.CATEGORIES:
        rows = [
            ExerciseRow(e.name, library_url(e.slug), None) for e in exercises.by_category(category)
        ]
        rows += [
            ExerciseRow(c.name, custom_url(c), c.author_name)
            for c in custom
            if c.category == category
        ]
        groups.append(CategoryGroup(CATEGORY_LABELS.get(category, category), rows))
    return groups


def link_choices(practice_id: int | None, *, exclude: int | None = None) -> list[tuple[str, str]]:
    """Regression and progression choices: the library, then the practice's own exercises."""
    library = sorted(
        ((e.slug, e.name) for e in exercises.LIBRARY.values()),
        key=lambda c: str(c[1]),  # in the reader's language, as the names are shown
    )
    own = CustomExercise.objects.filter(practice_id=practice_id).exclude(pk=exclude)
    return library + [(c.slug, f"{c.name} (by {c.author_name})") for c in own]


def linked(slug: str, *, practice_id: int, user: AnyUser) -> ExerciseRow | None:
    """The exercise a regression or progression slug names: a library one, or one of the
    practice's that this user may see."""
    if slug in exercises.LIBRARY:
        return ExerciseRow(exercises.LIBRARY[slug].name, library_url(slug), None)
    number = custom_id(slug)
    if number is None:
        return None
    target = CustomExercise.objects.filter(pk=number, practice_id=practice_id).first()
    if target is None or access_to_custom_exercise(user, target) is Access.NONE:
        return None
    return ExerciseRow(target.name, custom_url(target), target.author_name)
