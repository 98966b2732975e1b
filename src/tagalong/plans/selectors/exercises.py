"""A session's exercises with the name and page of each, as the viewer may see them."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext, ngettext

from tagalong.access.policy import AnyUser, visible_custom_exercises
from tagalong.assessments.exercise_selectors import custom_url, library_url
from tagalong.assessments.models import custom_id
from tagalong.exercises import LIBRARY
from tagalong.plans.models import PlanSession


@dataclasses.dataclass(frozen=True)
class ExerciseRef:
    name: str
    url: str | None  # None where the viewer may not open it (or it was deleted)


# A coach's exercise the viewer may not see (another practice, or deleted): no name, no link.
UNAVAILABLE = ExerciseRef("Coach's exercise (no longer available)", None)


def exercise_refs(sessions: Iterable[PlanSession], viewer: AnyUser) -> dict[str, ExerciseRef]:
    """Name and page of each exercise in these sessions: the library's, and the coaches' own
    that ``viewer`` may see (``tagalong.access.policy``), in one query."""
    slugs = {str(item.get("slug", "")) for s in sessions for item in s.exercises}
    refs = {
        slug: ExerciseRef(LIBRARY[slug].name, library_url(slug)) for slug in slugs & LIBRARY.keys()
    }
    ids = [number for number in map(custom_id, slugs) if number is not None]
    if ids:
        for exercise in visible_custom_exercises(viewer).filter(pk__in=ids):
            refs[exercise.slug] = ExerciseRef(exercise.name, custom_url(exercise))
    return refs


def exercise_rows(session: PlanSession, refs: dict[str, ExerciseRef]) -> list[dict[str, Any]]:
    """The session's exercises with the name and page (``url``) of each, from ``exercise_refs``."""
    rows = []
    for item in session.exercises:
        slug = str(item.get("slug", ""))
        ref = refs.get(slug) or (
            UNAVAILABLE if custom_id(slug) is not None else ExerciseRef(slug, None)
        )
        rows.append({**item, "name": ref.name, "url": ref.url})
    return rows


def exercise_rows_by_session(
    sessions: Iterable[PlanSession], viewer: AnyUser
) -> dict[int, list[dict[str, Any]]]:
    sessions = list(sessions)
    refs = exercise_refs(sessions, viewer)
    return {s.pk: exercise_rows(s, refs) for s in sessions}


def dose_text(item: dict[str, Any]) -> str:
    parts = [f"{item.get('sets') or 1} ×"]
    if item.get("reps"):
        reps = item["reps"]
        parts.append(ngettext("%(count)s rep", "%(count)s reps", reps) % {"count": reps})
    if item.get("hold_s"):
        parts.append(gettext("%(seconds)s s hold") % {"seconds": item["hold_s"]})
    if item.get("load"):
        # the generator's loads are stored in English; a coach's own stays as typed
        parts.append(f"({gettext(item['load'])})")
    return " ".join(parts)
