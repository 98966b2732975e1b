"""Pages of the plan builder: add a session, copy one, and build a run's workout from steps."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect, HttpResponseClientRefresh

from tagalong.access import rules
from tagalong.athletes.models import AthleteProfile
from tagalong.errors import DomainError
from tagalong.plans import builder, selectors, workout_form, workouts
from tagalong.plans.forms import AddSessionForm, CopySessionForm
from tagalong.plans.models import Plan, PlanSession
from tagalong.plans.views import coach_for, session_context, user_of


def _field_error(form: Any, error: DomainError) -> None:
    name = {"pace": "pace_fast"}.get(error.field or "", error.field)
    form.add_error(name if name in form.fields else None, error.message)


def _add_context(athlete: AthleteProfile, plan: Plan, form: AddSessionForm) -> dict[str, Any]:
    return {"athlete": athlete, "plan": plan, "form": form}


@rules.athlete_scoped
def add_session(request: HttpRequest, athlete_id: int, plan_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    plan = selectors.plan_for(athlete, plan_id)
    day = request.GET.get("date") or plan.start.isoformat()
    initial = {"date": day, "kind": "run", "run_type": "easy", "duration_min": 40}
    form = AddSessionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            session = builder.add_session(plan=plan, by=user_of(request), **form.service_args())
        except DomainError as error:
            _field_error(form, error)
        else:
            messages.success(request, f"Added {session.label.lower()} on {session.date:%a %-d %b}.")
            url = reverse("plans:detail", kwargs={"athlete_id": athlete.pk, "plan_id": plan.pk})
            return redirect(f"{url}#day-{session.date.isoformat()}")
    status = 400 if request.method == "POST" else 200
    return render(
        request, "plans/add_session.html", _add_context(athlete, plan, form), status=status
    )


@rules.athlete_scoped
@require_POST
def copy_session(request: HttpRequest, athlete_id: int, session_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    session = selectors.session_for(athlete, session_id)
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
            messages.success(request, f"Copied to {copy.date:%a %-d %b}.")
            return redirect("plans:session", athlete_id=athlete.pk, session_id=copy.pk)
    if request.htmx:  # type: ignore[attr-defined]
        messages.error(request, "; ".join(e for es in form.errors.values() for e in es))
        return HttpResponseClientRefresh()
    context = session_context(request, athlete, session, copy_form=form)
    return render(request, "plans/session.html", context, status=400)


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
    session = selectors.session_for(athlete, session_id)
    if session.kind != "run":
        messages.error(request, "Only runs have workout steps.")
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
            messages.success(request, "Workout saved. Download it for the watch below.")
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
    session = selectors.session_for(athlete, session_id)
    builder.clear_workout(session=session, by=user_of(request))
    messages.success(request, "Steps removed; the run keeps its time and pace.")
    return redirect("plans:session", athlete_id=athlete.pk, session_id=session.pk)
