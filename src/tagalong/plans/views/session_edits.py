"""Edits of one session, from its page or inline (htmx) in the builder."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import dateformat
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from tagalong import units
from tagalong.access import rules
from tagalong.athletes.models import AthleteProfile
from tagalong.errors import DomainError
from tagalong.plans import builder
from tagalong.plans.forms import ChangeForm, CopySessionForm, ExerciseForm, MoveForm
from tagalong.plans.models import PlanSession
from tagalong.plans.selectors.done import compliance_by_session
from tagalong.plans.selectors.exercises import exercise_rows_by_session
from tagalong.plans.selectors.limits import limit_warnings
from tagalong.plans.selectors.lookups import athlete_today, session_for
from tagalong.plans.services import edits
from tagalong.plans.views.common import coach_for, user_of
from tagalong.plans.views.session_page import session_context


def _card(
    request: HttpRequest, athlete: AthleteProfile, session: PlanSession, errors: list[str]
) -> HttpResponse:
    """The builder's card after an inline (htmx) edit, with the limit warnings swapped too."""
    session.refresh_from_db()
    today = athlete_today(athlete)
    context = {
        "athlete": athlete,
        "plan": session.plan,
        "s": session,
        "can_plan": True,
        "errors": errors,
        "compliance": compliance_by_session(athlete, [session], today),
        "exercise_rows": exercise_rows_by_session([session], request.user),
        "warnings": limit_warnings(session.plan),
    }
    return render(request, "plans/_session_card_htmx.html", context)


def _edited(
    request: HttpRequest,
    athlete: AthleteProfile,
    session: PlanSession,
    *,
    moved: bool = False,
    **forms: Any,
) -> HttpResponse:
    """After an edit: the card again for an inline (htmx) edit, else back to the session page.

    ``forms`` holds the form that failed, if any, so its errors are shown.
    """
    if request.htmx:  # type: ignore[attr-defined]
        errors = [str(e) for form in forms.values() for es in form.errors.values() for e in es]
        if moved and not errors:
            return HttpResponseClientRefresh()  # the card may now belong to another week
        return _card(request, athlete, session, errors)
    if forms:
        context = session_context(request, athlete, session, **forms)
        return render(request, "plans/session.html", context, status=400)
    messages.success(request, _("Saved. The calendar feed shows the change on its next refresh."))
    return redirect("plans:session", athlete_id=athlete.pk, session_id=session.pk)


@rules.athlete_scoped
@require_POST
def move(request: HttpRequest, athlete_id: int, session_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    session = session_for(athlete, session_id)
    form = MoveForm(request.POST)
    if form.is_valid():
        try:
            builder.move_session(session=session, to=form.cleaned_data["date"], by=user_of(request))
        except DomainError as error:
            form.add_error("date", error.message)
    failed = {"move_form": form} if form.errors else {}
    return _edited(request, athlete, session, moved=True, **failed)


@rules.athlete_scoped
@require_POST
def change(request: HttpRequest, athlete_id: int, session_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    session = session_for(athlete, session_id)
    form = ChangeForm(request.POST, units=units.units_of(request.user))
    if form.is_valid():
        try:
            builder.change_session(session=session, by=user_of(request), changes=form.changes())
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
    return _edited(request, athlete, session, **({"change_form": form} if form.errors else {}))


@rules.athlete_scoped
@require_POST
def add_exercise(request: HttpRequest, athlete_id: int, session_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    session = session_for(athlete, session_id)
    form = ExerciseForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            edits.add_exercise(session=session, by=user_of(request), **form.cleaned_data)
        except DomainError as error:
            form.add_error("slug", error.message)
    return _edited(request, athlete, session, **({"exercise_form": form} if form.errors else {}))


@rules.athlete_scoped
@require_POST
def copy_session(request: HttpRequest, athlete_id: int, session_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    session = session_for(athlete, session_id)
    form = CopySessionForm(request.POST)
    if form.is_valid():
        try:
            copy = builder.copy_session(
                session=session, to=form.cleaned_data["date"], by=user_of(request)
            )
        except DomainError as error:
            form.add_error("date", error.message)
        else:
            if request.htmx:  # type: ignore[attr-defined]
                return HttpResponseClientRefresh()
            day = dateformat.format(copy.date, "D j M")
            messages.success(request, _("Copied to %(day)s.") % {"day": day})
            return redirect("plans:session", athlete_id=athlete.pk, session_id=copy.pk)
    if request.htmx:  # type: ignore[attr-defined]
        messages.error(request, "; ".join(e for es in form.errors.values() for e in es))
        return HttpResponseClientRefresh()
    context = session_context(request, athlete, session, copy_form=form)
    return render(request, "plans/session.html", context, status=400)


@rules.athlete_scoped
@require_POST
def delete(request: HttpRequest, athlete_id: int, session_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    session = session_for(athlete, session_id)
    plan_id = session.plan_id
    edits.delete_session(session=session, by=user_of(request))
    messages.success(request, _("Session removed."))
    return redirect("plans:detail", athlete_id=athlete.pk, plan_id=plan_id)
