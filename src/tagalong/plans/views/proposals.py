"""Adaptation proposals: the coach's list, approve, reject, and the auto-apply switch."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.athletes.models import AthleteProfile
from tagalong.errors import DomainError
from tagalong.plans import proposals as adaptation
from tagalong.plans.forms import AutoApplyForm, DecisionForm
from tagalong.plans.selectors.proposals import coach_open_proposals, proposal_for, proposal_rows
from tagalong.plans.views.common import coach_for, user_of


@rules.coach
def proposals(request: HttpRequest) -> HttpResponse:
    rows = proposal_rows(coach_open_proposals(user_of(request)))
    return render(request, "plans/proposals.html", {"rows": rows, "decision_form": DecisionForm()})


def _decided(request: HttpRequest, athlete: AthleteProfile, proposal: Any) -> HttpResponse:
    form = DecisionForm(request.POST)
    if form.is_valid() and form.cleaned_data.get("back") == "list":
        return redirect("plans:proposals")
    url = reverse("plans:detail", kwargs={"athlete_id": athlete.pk, "plan_id": proposal.plan_id})
    return redirect(f"{url}#proposals")


@rules.athlete_scoped
@require_POST
def approve_proposal(request: HttpRequest, athlete_id: int, proposal_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    proposal = proposal_for(athlete, proposal_id)
    try:
        adaptation.approve(proposal=proposal, by=user_of(request))
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Approved: the plan has changed and the athlete sees why."))
    return _decided(request, athlete, proposal)


@rules.athlete_scoped
@require_POST
def reject_proposal(request: HttpRequest, athlete_id: int, proposal_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    proposal = proposal_for(athlete, proposal_id)
    form = DecisionForm(request.POST)
    note = form.cleaned_data.get("note", "") if form.is_valid() else ""
    try:
        adaptation.reject(proposal=proposal, by=user_of(request), note=note)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Rejected: the plan stays as it is."))
    return _decided(request, athlete, proposal)


@rules.athlete_scoped
@require_POST
def auto_apply(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    form = AutoApplyForm(request.POST)
    enabled = bool(form.is_valid() and form.cleaned_data["auto_apply"])
    adaptation.set_auto_apply(athlete=athlete, by=user_of(request), enabled=enabled)
    if enabled:
        messages.success(request, _("Proposed changes for this athlete are now made at once."))
    else:
        messages.success(request, _("Proposed changes now wait for your approval."))
    return redirect("plans:index", athlete_id=athlete.pk)
