"""In-app notifications about bookings, for the runner and the coach.

Called inside the booking transaction: ``notify`` writes only when it commits.
"""

from __future__ import annotations

from django.urls import reverse

from tagalong.bookings.models import Booking, Session
from tagalong.bookings.timefmt import span_label
from tagalong.notifications.services import notify

# kind -> (title for the runner, title for the coach); {type}, {runner}, {coach} filled in.
WORDING = {
    "booking_confirmed": ("Booked: {type} with {coach}", "{runner} booked {type}"),
    "booking_cancelled": ("Cancelled: {type} with {coach}", "{runner} cancelled {type}"),
    "booking_rescheduled": ("Moved: {type} with {coach}", "{runner} moved {type}"),
    "booking_promoted": (
        "A seat freed up: you are in {type} with {coach}",
        "{runner} moved up from the waiting list of {type}",
    ),
    "booking_waitlisted": ("On the waiting list: {type} with {coach}", ""),
}


def session_url(session: Session) -> str:
    return reverse("bookings:session", kwargs={"session_id": session.pk})


def booking_url(booking: Booking) -> str:
    """A link that stays right when the booking moves: it opens the booking's current session."""
    return reverse("bookings:booking", kwargs={"booking_id": booking.pk})


def tell(booking: Booking, kind: str, *, coach_too: bool = True) -> None:
    """Notify the runner (in their zone) and, unless told not to, the coach (in theirs)."""
    session = booking.session
    runner = booking.athlete.user
    coach = session.coach
    words = {
        "type": session.session_type.name,
        "runner": runner.full_name,
        "coach": coach.full_name,
    }
    runner_title, coach_title = WORDING[kind]
    url = session_url(session)
    notify(
        runner,
        kind=kind,
        title=runner_title.format(**words),
        body=span_label(session.start, session.end, booking.athlete.time_zone),
        url=url,
    )
    if coach_too and coach_title:
        notify(
            coach,
            kind=kind,
            title=coach_title.format(**words),
            body=span_label(session.start, session.end, session.tz_name),
            url=url,
        )
