"""Sections on the athlete pages: coming sessions, and the coach's shared advice."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from tagalong.bookings.models import HOLDING, Booking, SessionNote, SessionStatus
from tagalong.bookings.timefmt import span_label
from tagalong.exercises import LIBRARY

SHOWN = 5


def upcoming_sessions(request: HttpRequest, athlete: Any) -> dict[str, Any] | None:
    """The runner sees all their coming sessions; a coach sees only those with them."""
    is_self = request.user.pk == athlete.user_id
    bookings = (
        Booking.objects.filter(
            athlete=athlete,
            status__in=HOLDING,
            session__status=SessionStatus.SCHEDULED,
            session__end__gt=timezone.now(),
        )
        .select_related("session__session_type", "session__coach")
        .order_by("session__start")
    )
    if not is_self:
        bookings = bookings.filter(session__coach_id=request.user.pk)
    rows = list(bookings[:SHOWN])
    if not rows and not is_self:
        return None

    def when(booking: Booking) -> str:
        tz = athlete.time_zone if is_self else booking.session.tz_name
        return span_label(booking.session.start, booking.session.end, tz)

    return {"rows": [(b, when(b)) for b in rows], "is_self": is_self}


def session_advice(request: HttpRequest, athlete: Any) -> dict[str, Any] | None:
    notes = (
        SessionNote.objects.filter(athlete=athlete)
        .exclude(shared_advice="")
        .select_related("session__session_type", "session__coach")
        .order_by("-session__start")[:SHOWN]
    )
    if not notes:
        return None
    return {
        "advice": [
            (note, [LIBRARY[s] for s in note.exercise_slugs if s in LIBRARY]) for note in notes
        ]
    }
