"""The coach's shared advice from sessions, shown on the runner's record."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from tagalong.bookings.models import SessionNote
from tagalong.exercises import LIBRARY


def session_advice(request: HttpRequest, athlete: Any) -> dict[str, Any] | None:
    notes = (
        SessionNote.objects.filter(athlete=athlete)
        .exclude(shared_advice="")
        .select_related("session__session_type", "session__coach")
        .order_by("-session__start")[:5]
    )
    if not notes:
        return None
    return {
        "advice": [
            (note, [LIBRARY[s] for s in note.exercise_slugs if s in LIBRARY]) for note in notes
        ]
    }
