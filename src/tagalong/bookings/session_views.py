"""One session: the page for the coach and for the runner, and what each may do there."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.access.sessions import attendee_for
from tagalong.accounts.models import User
from tagalong.bookings import selectors, services
from tagalong.bookings.facts import key_facts
from tagalong.bookings.forms import AttendanceForm, NoteForm
from tagalong.bookings.models import Booking, BookingStatus, Session, SessionNote
from tagalong.bookings.timefmt import span_label, time_label
from tagalong.errors import DomainError
from tagalong.exercises import LIBRARY
from tagalong.scheduling import can_cancel


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _note_form(note: SessionNote | None) -> NoteForm:
    if note is None:
        return NoteForm()
    return NoteForm(
        initial={
            "private_note": note.private_note,
            "shared_advice": note.shared_advice,
            "exercise_slugs": note.exercise_slugs,
        }
    )


def _attendee_rows(session: Session) -> list[dict[str, Any]]:
    notes = selectors.notes_by_athlete(session)
    return [
        {
            "booking": booking,
            "facts": key_facts(booking.athlete),
            "note": notes.get(booking.athlete_id),
            "note_form": _note_form(notes.get(booking.athlete_id)),
        }
        for booking in selectors.attendees(session)
    ]


def _coach_page(request: HttpRequest, session: Session) -> HttpResponse:
    now = timezone.now()
    context = {
        "session": session,
        "when": span_label(session.start, session.end, session.tz_name),
        "rows": _attendee_rows(session),
        "started": session.start <= now,
        "join": session.join_state(now),
        "now": now,
    }
    return render(request, "bookings/session_coach.html", context)


def _policy(session: Session, booking: Booking, now: Any, tz_name: str) -> dict[str, Any]:
    cutoff = session.session_type.cancel_cutoff_hours
    decision = can_cancel(session.start, now, cutoff)
    return {
        "can_change": booking.is_holding and session.start > now,
        "free_cancel": decision.allowed,
        "reason": decision.reason,
        "cutoff": cutoff,
        "free_until": time_label(session.start - timezone.timedelta(hours=cutoff), tz_name),
    }


def _runner_page(request: HttpRequest, session: Session, booking: Booking) -> HttpResponse:
    now = timezone.now()
    tz_name = booking.athlete.time_zone
    note = selectors.shared_note(session, booking.athlete)
    context = {
        "session": session,
        "booking": booking,
        "when": span_label(session.start, session.end, tz_name),
        "coach_when": span_label(session.start, session.end, session.tz_name),
        "join": session.join_state(now) if booking.status == BookingStatus.CONFIRMED else "none",
        "opens_at": time_label(session.join_opens_at, tz_name),
        "note": note,
        "exercises": [LIBRARY[s] for s in (note.exercise_slugs if note else []) if s in LIBRARY],
        **_policy(session, booking, now, tz_name),
    }
    return render(request, "bookings/session_runner.html", context)


@rules.signed_in
def session_detail(request: HttpRequest, session_id: int) -> HttpResponse:
    session, booking = selectors.visible_session(request.user, session_id)
    if booking is None:
        return _coach_page(request, session)
    return _runner_page(request, session, booking)


@rules.signed_in
def booking_detail(request: HttpRequest, booking_id: int) -> HttpResponse:
    """The link in booking emails: the session the booking is in now, wherever it moved."""
    booking = selectors.booking_for(request.user, booking_id)
    return redirect("bookings:session", session_id=booking.session_id)


@rules.coach
@require_POST
def session_cancel(request: HttpRequest, session_id: int) -> HttpResponse:
    session = selectors.own_session(request.user, session_id)
    try:
        services.cancel_session(session=session, by=_user(request), now=timezone.now())
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, gettext("Session cancelled. Everyone booked has been told by email.")
        )
    return redirect("bookings:session", session_id=session.pk)


def _coach_booking(request: HttpRequest, booking_id: int) -> Booking:
    booking = selectors.booking_for(request.user, booking_id, write=True)
    if booking.session.coach_id != request.user.pk:
        raise Http404("No such booking")
    return booking


def _row(request: HttpRequest, booking: Booking, **extra: Any) -> HttpResponse:
    """One attendee's card after an inline (htmx) change."""
    session = booking.session
    note = session.notes.filter(athlete_id=booking.athlete_id).first()
    row = {
        "booking": booking,
        "facts": key_facts(booking.athlete),
        "note": note,
        "note_form": extra.pop("note_form", _note_form(note)),
    }
    context = {"row": row, "session": session, "started": session.start <= timezone.now()}
    return render(request, "bookings/_attendee.html", {**context, **extra})


@rules.coach
@require_POST
def attendance(request: HttpRequest, booking_id: int) -> HttpResponse:
    booking = _coach_booking(request, booking_id)
    form = AttendanceForm(request.POST)
    error = gettext("Choose attended, no-show or late cancel.")
    if form.is_valid():
        try:
            booking = services.mark_attendance(
                booking=booking,
                by=_user(request),
                status=form.cleaned_data["status"],
                now=timezone.now(),
            )
            booking = selectors.booking_for(request.user, booking.pk)
            error = ""
        except DomainError as failure:
            error = failure.message
    if request.htmx:  # type: ignore[attr-defined]
        return _row(request, booking, attendance_error=error)
    if error:
        messages.error(request, error)
    else:
        messages.success(
            request,
            gettext("%(name)s: %(status)s.")
            % {"name": booking.athlete.name, "status": booking.get_status_display()},
        )
    return redirect("bookings:session", session_id=booking.session_id)


@rules.coach
@require_POST
def note(request: HttpRequest, session_id: int, athlete_id: int) -> HttpResponse:
    session = selectors.own_session(request.user, session_id)
    athlete = attendee_for(session, athlete_id)
    form = NoteForm(request.POST)
    saved = False
    if form.is_valid():
        try:
            services.save_note(
                session=session, athlete=athlete, by=_user(request), **form.cleaned_data
            )
            saved = True
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
    if request.htmx:  # type: ignore[attr-defined]
        booking = session.bookings.filter(athlete=athlete).order_by("-pk").first()
        assert booking is not None
        extra = {} if saved else {"note_form": form}
        return _row(request, booking, note_saved=saved, **extra)
    if saved:
        messages.success(request, gettext("Notes for %(name)s saved.") % {"name": athlete.name})
    else:
        messages.error(
            request,
            gettext("The notes were not saved: %(errors)s")
            % {"errors": " ".join(str(e) for errors in form.errors.values() for e in errors)},
        )
    return redirect("bookings:session", session_id=session.pk)
