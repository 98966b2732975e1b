"""In-app notifications about bookings, for the runner and the coach.

Called inside the booking transaction: ``notify`` writes only when it commits.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext, gettext_noop

from tagalong.bookings.models import Booking, Session
from tagalong.bookings.timefmt import span_label
from tagalong.notifications.email import in_language_of
from tagalong.notifications.services import notify

# kind -> (title for the runner, title for the coach), translated in the reader's language
# when sent; %(type)s, %(runner)s, %(coach)s filled in.
WORDING = {
    "booking_confirmed": (
        gettext_noop("Booked: %(type)s with %(coach)s"),
        gettext_noop("%(runner)s booked %(type)s"),
    ),
    "booking_cancelled": (
        gettext_noop("Cancelled: %(type)s with %(coach)s"),
        gettext_noop("%(runner)s cancelled %(type)s"),
    ),
    "booking_rescheduled": (
        gettext_noop("Moved: %(type)s with %(coach)s"),
        gettext_noop("%(runner)s moved %(type)s"),
    ),
    "booking_promoted": (
        gettext_noop("A seat freed up: you are in %(type)s with %(coach)s"),
        gettext_noop("%(runner)s moved up from the waiting list of %(type)s"),
    ),
    "booking_waitlisted": (gettext_noop("On the waiting list: %(type)s with %(coach)s"), ""),
}


def _title(wording: str, reader: object, words: dict[str, str]) -> str:
    with in_language_of(reader):
        return gettext(wording) % words


def _when(session: Session, tz_name: str, reader: object) -> str:
    """The session's time on the reader's clock, in their language (the notice keeps text)."""
    with in_language_of(reader):
        return str(span_label(session.start, session.end, tz_name))


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
        title=_title(runner_title, runner, words),
        body=_when(session, booking.athlete.time_zone, runner),
        url=url,
    )
    if coach_too and coach_title:
        notify(
            coach,
            kind=kind,
            title=_title(coach_title, coach, words),
            body=_when(session, session.tz_name, coach),
            url=url,
        )
