"""The plan generator's page: the coach's answers in, a plan (or alternatives) out."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tagalong.access import rules
from tagalong.errors import DomainError
from tagalong.plans import intake
from tagalong.plans.forms import GeneratePlanForm
from tagalong.plans.selectors.lookups import athlete_today, monday_of
from tagalong.plans.services.generation import generate_for_athlete
from tagalong.plans.views.common import coach_for, user_of


@rules.athlete_scoped
def generate(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    today = athlete_today(athlete)
    start = monday_of(today) + dt.timedelta(days=7)
    inputs = intake.plan_inputs(athlete, today=today, start=start)
    alternatives: list[dict[str, Any]] = []
    form = GeneratePlanForm(
        request.POST or None, athlete=athlete, initial={"start": start, **inputs.initial}
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan = generate_for_athlete(
                athlete=athlete,
                by=user_of(request),
                inputs_used=intake.inputs_used(inputs, form.cleaned_data),
                **form.service_args(),
            )
        except DomainError as error:
            name = (error.field or "").rsplit(".", 1)[-1]
            form.add_error(name if name in form.fields else None, error.message)
            alternatives = _alternative_forms(request, error)
        else:
            messages.success(request, _("Plan ready. Review it and adjust anything you like."))
            return redirect("plans:detail", athlete_id=athlete.pk, plan_id=plan.pk)
    context = {"athlete": athlete, "form": form, "inputs": inputs, "alternatives": alternatives}
    return render(request, "plans/generate.html", context)


def _alternative_forms(request: HttpRequest, error: DomainError) -> list[dict[str, Any]]:
    """A refused request's alternatives, each as the same form with the goal changed: one
    click plans it."""
    found = error.details.get("alternatives", []) if isinstance(error.details, dict) else []
    posted = {k: v for k, v in request.POST.items() if k != "csrfmiddlewaretoken"}
    out = []
    for alt in found:
        fields = {**posted, "goal": alt["goal"], "race_date": alt["race_date"] or ""}
        fields["weeks"] = "" if alt["race_date"] else str(alt["weeks"] or "")
        fields.pop("walk_breaks", None)
        if alt["walk_breaks"]:
            fields["walk_breaks"] = "on"
        out.append({"label": alt["label"], "fields": sorted(fields.items())})
    return out
