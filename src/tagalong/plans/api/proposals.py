"""Adaptation proposal operations: list, approve, reject, and the auto-apply switch."""

import datetime as dt
from typing import Literal

from django.http import HttpRequest, HttpResponse
from ninja import Query, Schema
from pydantic import Field

from tagalong.access import rules
from tagalong.access.policy import athlete_for
from tagalong.api.pagination import PageQuery, one_page
from tagalong.api.schemas import ERRORS, Said
from tagalong.plans import proposals as adaptation
from tagalong.plans.api.router import coach_of, router
from tagalong.plans.models import Proposal
from tagalong.plans.selectors.evidence import said_rows
from tagalong.plans.selectors.proposals import (
    athlete_proposals,
    auto_apply_on,
    paused_athletes,
    proposal_for,
)

ProposalState = Literal["proposed", "approved", "rejected", "applied"]


class ProposalOut(Schema):
    id: int
    plan_id: int
    athlete_id: int
    trigger: str
    source: str
    status: str
    summary: Said
    reasons: list[dict]
    changes: list[dict]
    applied: list[dict]
    created_at: dt.datetime
    decided_at: dt.datetime | None
    note: str
    held: bool = Field(
        default=False, description="Open, but held: a red flag has paused the athlete's plan."
    )


class DecisionIn(Schema):
    note: str = Field(default="", max_length=300)


class AdaptationIO(Schema):
    auto_apply: bool


def proposal_out(p: Proposal, held: bool = False) -> ProposalOut:
    return ProposalOut(
        id=p.pk,
        plan_id=p.plan_id,
        athlete_id=p.plan.athlete_id,
        trigger=p.trigger,
        source=p.source,
        status=p.status,
        summary=str(p.said_summary),
        reasons=said_rows(p.reasons),
        changes=said_rows(p.changes),
        applied=said_rows(p.applied),
        created_at=p.created_at,
        decided_at=p.decided_at,
        note=p.note,
        held=held and p.is_open,
    )


@router.get(
    "/athletes/{athlete_id}/proposals",
    response={200: list[ProposalOut], **ERRORS},
    summary="Proposed and decided plan changes, newest first",
    operation_id="tagalong_plans_api_list_proposals",
)
@rules.athlete_scoped
def list_proposals(
    request: HttpRequest,
    athlete_id: int,
    response: HttpResponse,
    page: Query[PageQuery],
    status: ProposalState | None = None,
) -> list[ProposalOut]:
    athlete = athlete_for(request.user, athlete_id)
    found = athlete_proposals(athlete, status)
    held = bool(paused_athletes({athlete.pk}))
    return [proposal_out(p, held) for p in one_page(request, response, found, page)]


@router.post(
    "/athletes/{athlete_id}/proposals/{proposal_id}/approve",
    response={200: ProposalOut, **ERRORS},
    summary="Approve a proposal: its changes become a new plan version",
    operation_id="tagalong_plans_api_approve_proposal",
)
@rules.athlete_scoped
def approve_proposal(request: HttpRequest, athlete_id: int, proposal_id: int) -> ProposalOut:
    athlete = athlete_for(request.user, athlete_id, write=True)
    by = coach_of(request)
    proposal = proposal_for(athlete, proposal_id)
    return proposal_out(adaptation.approve(proposal=proposal, by=by))


@router.post(
    "/athletes/{athlete_id}/proposals/{proposal_id}/reject",
    response={200: ProposalOut, **ERRORS},
    summary="Reject a proposal: the plan stays as it is",
    operation_id="tagalong_plans_api_reject_proposal",
)
@rules.athlete_scoped
def reject_proposal(
    request: HttpRequest, athlete_id: int, proposal_id: int, payload: DecisionIn
) -> ProposalOut:
    athlete = athlete_for(request.user, athlete_id, write=True)
    by = coach_of(request)
    proposal = proposal_for(athlete, proposal_id)
    return proposal_out(adaptation.reject(proposal=proposal, by=by, note=payload.note))


@router.get(
    "/athletes/{athlete_id}/plan-adaptation",
    response={200: AdaptationIO, **ERRORS},
    summary="Whether proposed changes are made without approval",
    operation_id="tagalong_plans_api_get_adaptation",
)
@rules.athlete_scoped
def get_adaptation(request: HttpRequest, athlete_id: int) -> AdaptationIO:
    athlete = athlete_for(request.user, athlete_id)
    return AdaptationIO(auto_apply=auto_apply_on(athlete))


@router.put(
    "/athletes/{athlete_id}/plan-adaptation",
    response={200: AdaptationIO, **ERRORS},
    summary="Switch auto-apply of proposed changes on or off (the coach)",
    operation_id="tagalong_plans_api_put_adaptation",
)
@rules.athlete_scoped
def put_adaptation(request: HttpRequest, athlete_id: int, payload: AdaptationIO) -> AdaptationIO:
    athlete = athlete_for(request.user, athlete_id, write=True)
    by = coach_of(request)
    setting = adaptation.set_auto_apply(athlete=athlete, by=by, enabled=payload.auto_apply)
    return AdaptationIO(auto_apply=setting.auto_apply)
