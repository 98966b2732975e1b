"""The runner's booking pages: what to book, free times, my sessions, cancel and move."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import groupby

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.access.policy import own_athlete_profile
from tagalong.access.sessions import session_to_join
from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile
from tagalong.bookings import selectors, services
from tagalong.bookings.forms import BookForm
from tagalong.bookings.models import Booking, BookingStatus, Session, SessionType
from tagalong.bookings.services import SlotRequest, ensure_coach_setup
from tagalong.bookings.slotpage import slot_page
from tagalong.bookings.timefmt import span_label
from tagalong.errors import DomainError
from tagalong.scheduling import can_cancel


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _week(request: HttpRequest) -> date | None:
    try:
        return date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        return None


@rules.athlete
def book_index(request: HttpRequest) -> HttpResponse:
    athlete = own_athlete_profile(request.user)
    types = selectors.bookable_types(athlete)
    by_coach = [(coach, list(rows)) for coach, rows in groupby(types, key=lambda t: t.coach)]
    return render(request, "bookings/book.html", {"by_coach": by_coach})


def _slots_page(
    request: HttpRequest,
    athlete: AthleteProfile,
    session_type: SessionType,
    *,
    token: str = "",
    moving: Booking | None = None,
) -> HttpResponse:
    """Free times on the viewer's clock: the runner's, or the coach's when they move a booking."""
    by_coach = session_type.coach_id == request.user.pk
    viewer_zone = _viewer_zone(request, athlete, session_type)
    page = slot_page(
        session_type=session_type,
        athlete=athlete,
        runner_zone=viewer_zone,
        first=_week(request),
        now=timezone.now(),
    )
    context = {
        "page": page,
        "token": token,
        "moving": moving,
        "athlete": athlete,
        "by_coach": by_coach,
    }
    if moving is not None:
        session = moving.session
        context["moving_when"] = span_label(session.start, session.end, viewer_zone)
    return render(request, "bookings/slots.html", context)


def _viewer_zone(request: HttpRequest, athlete: AthleteProfile, session_type: SessionType) -> str:
    """The runner's clock, or the coach's when the coach is the one choosing."""
    if session_type.coach_id == request.user.pk:
        return ensure_coach_setup(coach=session_type.coach).time_zone or athlete.time_zone
    return athlete.time_zone


def _review(
    request: HttpRequest,
    athlete: AthleteProfile,
    session_type: SessionType,
    form: BookForm,
    *,
    moving: Booking | None = None,
    token: str = "",
) -> HttpResponse:
    """The chosen time with what it commits to, and one button that books (or moves) it."""
    target = _target(session_type, form, athlete, token=token, moving=moving is not None)
    if isinstance(target, Session):
        start, end = target.start, target.end
    else:
        start, end = target.start, target.start + timedelta(minutes=session_type.duration_min)
    zone_name = _viewer_zone(request, athlete, session_type)
    coach_zone = ensure_coach_setup(coach=session_type.coach).time_zone or zone_name
    context = {
        "t": session_type,
        "athlete": athlete,
        "by_coach": session_type.coach_id == request.user.pk,
        "moving": moving,
        "your_time": span_label(start, end, zone_name),
        "coach_time": span_label(start, end, coach_zone) if coach_zone != zone_name else "",
        "full": isinstance(target, Session) and selectors.seats_left_in(target) == 0,
        "fields": {k: v for k, v in form.cleaned_data.items() if v and k != "confirm"},
        "back": request.get_full_path(),
    }
    if moving is not None:
        context["moving_when"] = span_label(moving.session.start, moving.session.end, zone_name)
    return render(request, "bookings/review.html", context)


def _target(
    session_type: SessionType,
    form: BookForm,
    athlete: AthleteProfile,
    *,
    token: str = "",
    moving: bool = False,
) -> Session | SlotRequest:
    """The class or free time picked. Someone else's session reads as one no longer on offer."""
    session_id = form.cleaned_data.get("session")
    if session_id:
        try:
            return session_to_join(
                athlete,
                session_id,
                link_token=token,
                type_id=session_type.pk,
                booked_type=session_type.pk if moving else None,
            )
        except Http404:
            raise DomainError(gettext("That class is not on offer any more.")) from None
    return SlotRequest(session_type=session_type, start=form.cleaned_data["start"])


def _booked_message(booking: Booking) -> str:
    if booking.status == BookingStatus.WAITLISTED:
        return gettext(
            "The class is full: you are number %(position)s on the waiting list. "
            "If a seat frees up you get it automatically, with an email."
        ) % {"position": booking.waitlist_position}
    return gettext("Booked. A calendar invitation is on its way to your email.")


@rules.athlete
def book_type(request: HttpRequest, type_id: int) -> HttpResponse:
    athlete = own_athlete_profile(request.user)
    token = request.POST.get("token") or request.GET.get("token", "")
    session_type = selectors.type_to_book(request.user, type_id, link_token=token)
    if request.method != "POST":
        return _slots_page(request, athlete, session_type, token=token)
    form = BookForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("Pick one of the times shown."))
        return redirect(request.get_full_path())
    try:
        if not form.cleaned_data["confirm"]:
            return _review(request, athlete, session_type, form, token=token)
        booking = services.book(
            athlete=athlete,
            session_or_slot=_target(session_type, form, athlete, token=token),
            now=timezone.now(),
            link_token=token,
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(request.get_full_path())
    messages.success(request, _booked_message(booking))
    return redirect("bookings:session", session_id=booking.session_id)


@rules.public
def booking_link(request: HttpRequest, token: str) -> HttpResponse:
    """The address a coach shares: runners go on to the free times, others see what it is."""
    session_type = selectors.type_by_link(token)
    user = request.user
    if user.is_authenticated and getattr(user, "is_athlete", False):
        url = reverse("bookings:book_type", kwargs={"type_id": session_type.pk})
        return redirect(f"{url}?{urlencode({'token': token})}")
    context = {"session_type": session_type, "coach": session_type.coach}
    return render(request, "bookings/link.html", context)


@rules.athlete
def my_bookings(request: HttpRequest) -> HttpResponse:
    athlete = own_athlete_profile(request.user)
    now = timezone.now()
    rows = [
        (b, span_label(b.session.start, b.session.end, athlete.time_zone))
        for b in selectors.my_bookings(athlete)
    ]
    context = {
        "upcoming": [r for r in reversed(rows) if r[0].session.end > now and r[0].is_holding],
        "past": [r for r in rows if not (r[0].session.end > now and r[0].is_holding)][:50],
        "feed": selectors.feed_of(request.user),
    }
    return render(request, "bookings/mine.html", context)


def _after_change(booking: Booking) -> HttpResponse:
    return redirect("bookings:session", session_id=booking.session_id)


@rules.signed_in
@require_POST
def cancel(request: HttpRequest, booking_id: int) -> HttpResponse:
    booking = selectors.booking_for(request.user, booking_id, write=True)
    try:
        done = services.cancel(booking=booking, by=_user(request), now=timezone.now())
    except DomainError as error:
        messages.error(request, error.message)
        return _after_change(booking)
    if done.status == BookingStatus.LATE_CANCEL:
        hours = booking.session.session_type.cancel_cutoff_hours
        messages.warning(
            request,
            gettext(
                "Cancelled. It was less than %(hours)s h before the start, so it counts as a late "
                "cancellation."
            )
            % {"hours": hours},
        )
    else:
        messages.success(request, gettext("Cancelled. The calendar invitation has been withdrawn."))
    return _after_change(booking)


def _move_refusal(booking: Booking, user: User) -> str:
    """Why this person cannot move this booking now, or "" when they can."""
    session = booking.session
    now = timezone.now()
    if booking.status != BookingStatus.CONFIRMED:
        return gettext("Only a confirmed place can be moved.")
    if session.start <= now:
        return gettext("The session has already started.")
    if session.coach_id == user.pk:
        return ""
    decision = can_cancel(session.start, now, session.session_type.cancel_cutoff_hours)
    return "" if decision.allowed else decision.reason


@rules.signed_in
def reschedule(request: HttpRequest, booking_id: int) -> HttpResponse:
    booking = selectors.booking_for(request.user, booking_id, write=True)
    refusal = _move_refusal(booking, _user(request))
    if refusal:
        messages.error(request, refusal)
        return _after_change(booking)
    session_type = booking.session.session_type
    if request.method != "POST":
        return _slots_page(request, booking.athlete, session_type, moving=booking)
    form = BookForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("Pick one of the times shown."))
        return redirect(request.get_full_path())
    try:
        if not form.cleaned_data["confirm"]:
            return _review(request, booking.athlete, session_type, form, moving=booking)
        moved = services.reschedule(
            booking=booking,
            to=_target(session_type, form, booking.athlete, moving=True),
            by=_user(request),
            now=timezone.now(),
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(request.get_full_path())
    messages.success(request, gettext("Moved. An updated calendar invitation is on its way."))
    return redirect("bookings:session", session_id=moved.session_id)
