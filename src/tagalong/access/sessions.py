"""Booking sessions named by id in a request body (the booking form, ``POST /api/bookings``).

A runner may take a place only in a scheduled class they may book. Anything else, including
another runner's one-on-one session, answers exactly as a session that does not exist, so an id
in a body reveals nothing and joins nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from tagalong.athletes.models import AthleteProfile

if TYPE_CHECKING:
    from tagalong.bookings.models import Session

NO_SUCH_SESSION = "No such session"


def session_to_join(
    athlete: AthleteProfile,
    session_id: int,
    *,
    link_token: str = "",
    type_id: int | None = None,
    booked_type: int | None = None,
) -> Session:
    """A class this runner may take a place in (only of ``type_id`` when given); 404 otherwise.

    ``booked_type`` is the type of the place being moved: its other classes stay open to the
    runner even when they first came through a booking link."""
    from tagalong.bookings.models import Kind, Session
    from tagalong.bookings.services import may_book

    session = None
    if 0 < session_id < 2**63:
        session = (
            Session.objects.select_related("session_type", "coach").filter(pk=session_id).first()
        )
    if (
        session is None
        or session.session_type.kind != Kind.GROUP
        or (type_id is not None and session.session_type_id != type_id)
        or (
            session.session_type_id != booked_type
            and not may_book(athlete, session.session_type, link_token)
        )
    ):
        raise Http404(NO_SUCH_SESSION)
    return session


def attendee_for(session: Session, athlete_id: int) -> AthleteProfile:
    """A runner who booked this session (the coach writes notes for them); 404 otherwise."""
    athlete = (
        AthleteProfile.objects.select_related("user")
        .filter(pk=athlete_id, bookings__session=session)
        .distinct()
        .first()
        if 0 < athlete_id < 2**63
        else None
    )
    if athlete is None:
        raise Http404("This runner did not book this session")
    return athlete
