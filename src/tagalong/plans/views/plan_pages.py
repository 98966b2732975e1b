"""An athlete's plans, one plan in the builder, and its print page."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tagalong.access import rules
from tagalong.access.policy import athlete_for, own_athlete_profile
from tagalong.athletes.models import AthleteProfile
from tagalong.plans.forms import AutoApplyForm, TemplateForm
from tagalong.plans.selectors.done import compliance_by_session
from tagalong.plans.selectors.exercises import exercise_rows_by_session
from tagalong.plans.selectors.exports import live_feed_token
from tagalong.plans.selectors.limits import limit_warnings
from tagalong.plans.selectors.lookups import athlete_today, calendar_weeks, plan_for, weeks_of
from tagalong.plans.selectors.proposals import (
    auto_apply_on,
    made_proposals,
    open_proposals,
    proposal_rows,
)
from tagalong.plans.views.common import may_edit, may_plan


@rules.athlete_scoped
def plan_index(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id)
    context = {
        "athlete": athlete,
        "plans": athlete.plans.all(),
        "can_plan": may_plan(request, athlete),
        "can_edit": may_edit(request, athlete),
        "feed": live_feed_token(athlete),
        "auto_apply": AutoApplyForm(initial={"auto_apply": auto_apply_on(athlete)}),
    }
    return render(request, "plans/index.html", context)


@rules.athlete
def my_plan(request: HttpRequest) -> HttpResponse:
    athlete = own_athlete_profile(request.user)
    return redirect("plans:index", athlete_id=athlete.pk)


def _open_week(grid: list[Any], today: dt.date) -> int:
    """The week (counted from 1) that the plan page opens: this week, else the first or last."""
    for number, week in enumerate(grid, start=1):
        if week[0][0] <= today <= week[6][0]:
            return number
    return len(grid) if grid and today > grid[-1][6][0] else 1


def _builder_context(request: HttpRequest, athlete: AthleteProfile, plan: Any) -> dict[str, Any]:
    today = athlete_today(athlete)
    sessions = list(plan.sessions.all())
    can_plan = may_plan(request, athlete)
    grid = calendar_weeks(plan.start, plan.end, sessions)
    return {
        "athlete": athlete,
        "plan": plan,
        "grid": grid,
        "open_week": _open_week(grid, today),
        "today": today,
        "compliance": compliance_by_session(athlete, sessions, today),
        "can_plan": can_plan,
        "warnings": limit_warnings(plan) if can_plan else [],
        "versions": plan.versions.select_related("created_by")[:10],
        "exercise_rows": exercise_rows_by_session(sessions, request.user),
        "template_form": TemplateForm(initial={"name": plan.title}, coach=request.user),
        "open_proposals": proposal_rows(open_proposals(plan)),
        "made_proposals": proposal_rows(made_proposals(plan)),
    }


@rules.athlete_scoped
def plan_detail(request: HttpRequest, athlete_id: int, plan_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id)
    plan = plan_for(athlete, plan_id)
    return render(request, "plans/detail.html", _builder_context(request, athlete, plan))


@rules.athlete_scoped
def plan_print(request: HttpRequest, athlete_id: int, plan_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id)
    plan = plan_for(athlete, plan_id)
    context = {
        "athlete": athlete,
        "plan": plan,
        "weeks": weeks_of(plan),
        "exercise_rows": exercise_rows_by_session(plan.sessions.all(), request.user),
    }
    return render(request, "plans/print.html", context)
