"""A run's workout built from steps, with and without htmx."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from tagalong.access import rules
from tagalong.athletes.models import AthleteProfile
from tagalong.errors import DomainError
from tagalong.plans import builder, workout_form, workouts
from tagalong.plans.models import PlanSession
from tagalong.plans.selectors.lookups import session_for
from tagalong.plans.views.common import coach_for, user_of


def _workout_context(
    athlete: AthleteProfile, session: PlanSession, rows: list[dict[str, Any]], *, bound: bool
) -> dict[str, Any]:
    name = session.label
    forms_ = workout_form.row_forms(rows, bound=True)
    built, problems = workout_form.build(forms_, name)
    totals = None
    if built is not None:
        try:
            totals = workouts.totals(workouts.parse_workout(built), workouts.fallback_pace(session))
        except DomainError as error:
            problems = [error.message]
    return {
        "athlete": athlete,
        "session": session,
        "rows": forms_ if bound else workout_form.row_forms(rows, bound=False),
        "row_count": len(rows),
        "problems": problems if bound else [],
        "totals": totals,
        "clock": workout_form.clock(totals.seconds) if totals else "",
        "built": built,
    }


def _render_workout(
    request: HttpRequest, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    template = "plans/_workout_form.html" if request.htmx else "plans/workout.html"  # type: ignore[attr-defined]
    return render(request, template, context, status=status)


@rules.athlete_scoped
def workout(request: HttpRequest, athlete_id: int, session_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    session = session_for(athlete, session_id)
    if session.kind != "run":
        messages.error(request, _("Only runs have workout steps."))
        return redirect("plans:session", athlete_id=athlete.pk, session_id=session.pk)
    if request.method != "POST":
        rows = workout_form.starting_rows(session)
        return _render_workout(request, _workout_context(athlete, session, rows, bound=False))
    rows = workout_form.raw_rows(request.POST)
    op = request.POST.get("op", "")
    if op != "save":
        rows = workout_form.apply_op(rows, op)
        return _render_workout(request, _workout_context(athlete, session, rows, bound=False))
    context = _workout_context(athlete, session, rows, bound=True)
    if context["built"] is not None and not context["problems"]:
        try:
            builder.set_workout(session=session, by=user_of(request), workout=context["built"])
        except DomainError as error:
            context["problems"] = [error.message]
        else:
            messages.success(request, _("Workout saved. Download it for the watch below."))
            url = reverse(
                "plans:session", kwargs={"athlete_id": athlete.pk, "session_id": session.pk}
            )
            if request.htmx:  # type: ignore[attr-defined]
                return HttpResponseClientRedirect(url)
            return redirect(url)
    return _render_workout(request, context, status=400)


@rules.athlete_scoped
@require_POST
def clear_workout(request: HttpRequest, athlete_id: int, session_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    session = session_for(athlete, session_id)
    builder.clear_workout(session=session, by=user_of(request))
    messages.success(request, _("Steps removed; the run keeps its time and pace."))
    return redirect("plans:session", athlete_id=athlete.pk, session_id=session.pk)
