"""The coach's booking pages: sessions, availability, session types, group classes."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.accounts.models import User
from tagalong.bookings import selectors, services
from tagalong.bookings.forms import AvailabilityForm, ClassForm, ExceptionForm, SessionTypeForm
from tagalong.bookings.models import Availability, Session, SessionType
from tagalong.errors import DomainError
from tagalong.scheduling.zones import zone


def _coach(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _fail(form: BaseForm, error: DomainError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


def _by_local_day(sessions: list[Session], tz_name: str) -> list[tuple[date, list[Session]]]:
    tz = zone(tz_name)
    days: dict[date, list[Session]] = defaultdict(list)
    for session in sessions:
        days[session.start.astimezone(tz).date()].append(session)
    return sorted(days.items())


@rules.coach
def coach_sessions(request: HttpRequest) -> HttpResponse:
    coach = _coach(request)
    availability = services.ensure_coach_setup(coach=coach)
    now = timezone.now()
    upcoming = list(selectors.with_runners(selectors.upcoming_sessions(coach, now))[:300])
    context = {
        "tz_name": availability.time_zone,
        "days": _by_local_day(upcoming, availability.time_zone),
        "to_mark": selectors.sessions_to_mark(coach, now),
        "now": now,
    }
    return render(request, "bookings/coach_sessions.html", context)


# --- availability ----------------------------------------------------------------------------


def _availability_page(
    request: HttpRequest, availability: Availability, form: AvailabilityForm, **extra: Any
) -> HttpResponse:
    today = timezone.now().astimezone(zone(availability.time_zone)).date()
    context = {
        "form": form,
        "availability": availability,
        "exceptions": selectors.coming_exceptions(request.user, today),
        "exception_form": extra.pop("exception_form", ExceptionForm()),
        **extra,
    }
    status = 400 if form.errors else 200
    return render(request, "bookings/availability.html", context, status=status)


@rules.coach
def availability(request: HttpRequest) -> HttpResponse:
    coach = _coach(request)
    current = services.ensure_coach_setup(coach=coach)
    if request.method != "POST":
        return _availability_page(request, current, AvailabilityForm.for_availability(current))
    form = AvailabilityForm(request.POST)
    if form.is_valid():
        try:
            services.update_availability(coach=coach, by=coach, changes=form.changes())
        except DomainError as error:
            _fail(form, error)
        else:
            messages.success(request, gettext("Hours saved. Runners see the new free times now."))
            return redirect("bookings:availability")
    return _availability_page(request, current, form)


def _exceptions_changed(request: HttpRequest, form: ExceptionForm | None = None) -> HttpResponse:
    """The list of dates again (htmx swaps it in, errors included), else the whole page."""
    current = services.ensure_coach_setup(coach=_coach(request))
    if request.htmx:  # type: ignore[attr-defined]
        today = timezone.now().astimezone(zone(current.time_zone)).date()
        context = {
            "exceptions": selectors.coming_exceptions(request.user, today),
            "exception_form": form or ExceptionForm(),
        }
        return render(request, "bookings/_exceptions.html", context)
    if form is not None:
        page_form = AvailabilityForm.for_availability(current)
        response = _availability_page(request, current, page_form, exception_form=form)
        response.status_code = 400
        return response
    return redirect(reverse("bookings:availability") + "#dates")


def _day(day: date) -> str:
    """A date as "Mon 03 Mar 2026", in the page's language."""
    return date_format(day, "D d M Y")


def _saved(request: HttpRequest, text: str) -> None:
    """A message for a full page load; an htmx swap shows the change itself."""
    if not request.htmx:  # type: ignore[attr-defined]
        messages.success(request, text)


@rules.coach
@require_POST
def exception_add(request: HttpRequest) -> HttpResponse:
    coach = _coach(request)
    form = ExceptionForm(request.POST)
    if form.is_valid():
        try:
            services.add_exception(coach=coach, by=coach, **form.service_args())
        except DomainError as error:
            _fail(form, error)
        else:
            _saved(request, gettext("%(day)s saved.") % {"day": _day(form.cleaned_data["day"])})
            return _exceptions_changed(request)
    return _exceptions_changed(request, form)


@rules.coach
@require_POST
def exception_remove(request: HttpRequest, exception_id: int) -> HttpResponse:
    exception = selectors.own_exception(request.user, exception_id)
    services.remove_exception(exception=exception, by=_coach(request))
    _saved(request, gettext("%(day)s back to your usual hours.") % {"day": _day(exception.day)})
    return _exceptions_changed(request)


# --- session types ---------------------------------------------------------------------------


@rules.coach
def session_types(request: HttpRequest) -> HttpResponse:
    coach = _coach(request)
    services.ensure_coach_setup(coach=coach)
    return render(request, "bookings/types.html", {"types": selectors.coach_types(coach)})


def _type_form(request: HttpRequest, session_type: SessionType | None) -> HttpResponse:
    coach = _coach(request)
    form = SessionTypeForm(request.POST or None, instance=session_type, coach=coach)
    if request.method == "POST" and form.is_valid():
        try:
            if session_type is None:
                services.create_session_type(coach=coach, by=coach, **form.changes())
            else:
                services.update_session_type(
                    session_type=session_type, by=coach, changes=form.changes()
                )
        except DomainError as error:
            _fail(form, error)
        else:
            messages.success(
                request, gettext("“%(name)s” saved.") % {"name": form.cleaned_data["name"]}
            )
            return redirect("bookings:types")
    status = 400 if form.errors else 200
    context = {"form": form, "session_type": session_type}
    return render(request, "bookings/type_form.html", context, status=status)


@rules.coach
def type_create(request: HttpRequest) -> HttpResponse:
    services.ensure_coach_setup(coach=_coach(request))
    return _type_form(request, None)


@rules.coach
def type_edit(request: HttpRequest, type_id: int) -> HttpResponse:
    return _type_form(request, selectors.own_type(request.user, type_id))


@rules.coach
@require_POST
def type_archive(request: HttpRequest, type_id: int) -> HttpResponse:
    session_type = selectors.own_type(request.user, type_id)
    services.set_session_type_active(session_type=session_type, by=_coach(request), active=False)
    messages.success(
        request,
        gettext("“%(name)s” archived: no new bookings; booked sessions go ahead.")
        % {"name": session_type.name},
    )
    return redirect("bookings:types")


@rules.coach
@require_POST
def type_restore(request: HttpRequest, type_id: int) -> HttpResponse:
    session_type = selectors.own_type(request.user, type_id)
    services.set_session_type_active(session_type=session_type, by=_coach(request), active=True)
    messages.success(
        request, gettext("“%(name)s” can be booked again.") % {"name": session_type.name}
    )
    return redirect("bookings:types")


@rules.coach
@require_POST
def type_new_link(request: HttpRequest, type_id: int) -> HttpResponse:
    session_type = selectors.own_type(request.user, type_id)
    services.new_booking_link(session_type=session_type, by=_coach(request))
    messages.success(
        request,
        gettext("New booking link for “%(name)s”; the old one stopped.")
        % {"name": session_type.name},
    )
    return redirect("bookings:types")


# --- group classes ---------------------------------------------------------------------------


@rules.coach
def class_create(request: HttpRequest) -> HttpResponse:
    coach = _coach(request)
    current = services.ensure_coach_setup(coach=coach)
    initial = {"session_type": request.GET.get("session_type")}
    form = ClassForm(request.POST or None, initial=initial, coach=coach, tz_name=current.time_zone)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.create_class(
                coach=coach,
                session_type=form.cleaned_data["session_type"],
                start=form.start(),
                tz_name=current.time_zone,
                now=timezone.now(),
                rrule=form.rule(),
            )
        except DomainError as error:
            _fail(form, error)
        else:
            count = len(created)
            messages.success(
                request,
                ngettext(
                    "%(count)d class scheduled. Runners can book seats now.",
                    "%(count)d classes scheduled. Runners can book seats now.",
                    count,
                )
                % {"count": count},
            )
            return redirect("bookings:coach_sessions")
    context = {"form": form, "availability": current}
    return render(request, "bookings/class_form.html", context, status=400 if form.errors else 200)
