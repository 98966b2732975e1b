"""Booking emails with their iCalendar attachment, and the 24 h / 1 h reminders."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django_tasks import task

from tagalong.bookings.models import Booking, BookingStatus, Kind, ReminderSent, SessionStatus
from tagalong.bookings.notices import booking_url
from tagalong.bookings.timefmt import span_label
from tagalong.calendars import Person, build_invitation
from tagalong.notifications.email import in_language_of, language_of, send_templated
from tagalong.scheduling import reminder_at

REMINDERS = (("24h", timedelta(hours=24)), ("1h", timedelta(hours=1)))
CANCELLED = (BookingStatus.CANCELLED, BookingStatus.LATE_CANCEL)


def invitation_for(booking: Booking, method: str, *, now: datetime) -> bytes:
    session = booking.session
    coach = session.coach
    athlete = booking.athlete.user
    return build_invitation(
        method=method,  # type: ignore[arg-type]
        uid=booking.ical_uid,
        sequence=booking.sequence,
        start=session.start,
        end=session.end,
        tz_name=session.tz_name,
        summary=gettext("%(name)s with %(coach)s")
        % {"name": session.session_type.name, "coach": coach.full_name},
        organizer=Person(coach.full_name, coach.email),
        attendees=[Person(athlete.full_name, athlete.email)],
        dtstamp=now,
        description=(
            gettext("Video room: %(url)s") % {"url": session.room_url}
            + "\n"
            + gettext("Session page: %(url)s") % {"url": settings.SITE_URL + booking_url(booking)}
        ),
        location=session.room_url,
        url=session.room_url,
    )


def _load(booking_id: int) -> Booking | None:
    return (
        Booking.objects.select_related("session__coach", "session__session_type", "athlete__user")
        .filter(pk=booking_id)
        .first()
    )


def email_context(booking: Booking) -> dict[str, Any]:
    """What every booking email shows: the time on the runner's clock and on the coach's."""
    session = booking.session
    return {
        "booking": booking,
        "session": session,
        "runner_time": span_label(session.start, session.end, booking.athlete.time_zone),
        "coach_time": span_label(session.start, session.end, session.tz_name),
        # The booking's own link follows it when it is moved (the session changes, not it).
        "path": booking_url(booking),
        "changed": booking.sequence > 0,
    }


@task()
def send_booking_email(booking_id: int, method: str) -> str:
    """REQUEST for a confirmed place (new or changed), CANCEL for a cancelled one. The runner
    always gets the invitation; for a one-on-one the coach gets the same event (same UID)."""
    booking = _load(booking_id)
    if booking is None:
        return "gone"
    # Re-check: by the time this runs the booking may have changed again.
    if method == "REQUEST" and booking.status != BookingStatus.CONFIRMED:
        return "stale"
    if method == "CANCEL" and booking.status not in CANCELLED:
        return "stale"
    context = {**email_context(booking), "method": method}
    runner, coach = booking.athlete.user, booking.session.coach
    recipients = [(runner, "booking_confirmed" if method == "REQUEST" else "booking_cancelled")]
    if booking.session.session_type.kind == Kind.ONE_ON_ONE:
        recipients.append((coach, "booking_coach"))
    for person, template in recipients:
        with in_language_of(person):
            ics = invitation_for(booking, method, now=timezone.now())
        send_templated(
            template=template,
            to=[person.email],
            context=context,
            attachments=[("invite.ics", ics, f"text/calendar; method={method}")],
            language=language_of(person),
        )
    return "sent"


def send_due_reminders(now: datetime) -> int:
    """Send the reminders that are due; safe to run as often as wanted (each is claimed once)."""
    sent = 0
    for kind, lead in REMINDERS:
        due = (
            Booking.objects.filter(
                status=BookingStatus.CONFIRMED,
                session__status=SessionStatus.SCHEDULED,
                session__start__gt=now,
                session__start__lte=now + lead,
            )
            .exclude(reminders__kind=kind)
            .select_related("session__coach", "session__session_type", "athlete__user")
        )
        for booking in due:
            if kind == "24h" and booking.session.start - now <= timedelta(hours=1):
                continue  # booked late: only the 1 h reminder is still useful
            if reminder_at(booking.session.start, lead) > now:
                continue
            try:
                with transaction.atomic():
                    ReminderSent.objects.create(booking=booking, kind=kind, sent_at=now)
            except IntegrityError:
                continue  # another run claimed it
            send_templated(
                template="booking_reminder",
                to=[booking.athlete.user.email],
                context={**email_context(booking), "lead": kind},
                language=language_of(booking.athlete.user),
            )
            sent += 1
    return sent


@task()
def send_reminders_now() -> int:
    """The periodic job (every 5 minutes): reminders due at the worker's current time."""
    return send_due_reminders(timezone.now())
