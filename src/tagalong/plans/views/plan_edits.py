"""Edits of a whole plan in the builder: add a session on a day, copy a week."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import dateformat
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.athletes.models import AthleteProfile
from tagalong.errors import DomainError
from tagalong.plans import builder
from tagalong.plans.forms import AddSessionForm, CopyWeekForm
from tagalong.plans.models import Plan
from tagalong.plans.selectors.lookups import plan_for
from tagalong.plans.services import edits
from tagalong.plans.views.common import coach_for, user_of


def _field_error(form: Any, error: DomainError) -> None:
    name = {"pace": "pace_fast"}.get(error.field or "", error.field)
    form.add_error(name if name in form.fields else None, error.message)


def _add_context(athlete: AthleteProfile, plan: Plan, form: AddSessionForm) -> dict[str, Any]:
    return {"athlete": athlete, "plan": plan, "form": form}


@rules.athlete_scoped
def add_session(request: HttpRequest, athlete_id: int, plan_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    plan = plan_for(athlete, plan_id)
    day = request.GET.get("date") or plan.start.isoformat()
    initial = {"date": day, "kind": "run", "run_type": "easy", "duration_min": 40}
    form = AddSessionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            session = builder.add_session(plan=plan, by=user_of(request), **form.service_args())
        except DomainError as error:
            _field_error(form, error)
        else:
            day = dateformat.format(session.date, "D j M")
            added = {"session": session.label.lower(), "day": day}
            messages.success(request, _("Added %(session)s on %(day)s.") % added)
            url = reverse("plans:detail", kwargs={"athlete_id": athlete.pk, "plan_id": plan.pk})
            return redirect(f"{url}#day-{session.date.isoformat()}")
    status = 400 if request.method == "POST" else 200
    return render(
        request, "plans/add_session.html", _add_context(athlete, plan, form), status=status
    )


@rules.athlete_scoped
@require_POST
def copy_week(request: HttpRequest, athlete_id: int, plan_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    plan = plan_for(athlete, plan_id)
    form = CopyWeekForm(request.POST)
    if form.is_valid():
        try:
            edits.copy_week(plan=plan, by=user_of(request), **form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Week copied."))
    else:
        messages.error(request, _("Pick the Monday of the week to copy onto."))
    return redirect("plans:detail", athlete_id=athlete.pk, plan_id=plan.pk)
