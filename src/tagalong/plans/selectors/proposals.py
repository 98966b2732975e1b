"""Reads of adaptation proposals: one of an athlete's, the open and made ones, rows to show."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile, CoachingLink
from tagalong.plans.models import AdaptationSetting, Plan, Proposal, ProposalStatus
from tagalong.plans.selectors.evidence import reason_entries, stored_text


def proposal_for(athlete: AthleteProfile, proposal_id: int) -> Proposal:
    proposal = (
        Proposal.objects.select_related("plan")
        .filter(plan__athlete=athlete, pk=proposal_id)
        .first()
    )
    if proposal is None:
        raise Http404("No such proposal")
    return proposal


def athlete_proposals(athlete: AthleteProfile, status: str | None = None) -> QuerySet[Proposal]:
    found = Proposal.objects.select_related("plan", "decided_by").filter(plan__athlete=athlete)
    return found.filter(status=status) if status else found


def open_proposals(plan: Plan) -> list[Proposal]:
    return list(plan.proposals.filter(status=ProposalStatus.PROPOSED))


def made_proposals(plan: Plan, limit: int = 20) -> list[Proposal]:
    made = (ProposalStatus.APPROVED, ProposalStatus.APPLIED)
    return list(plan.proposals.filter(status__in=made).order_by("-decided_at", "-pk")[:limit])


def coach_open_proposals(coach: User) -> list[Proposal]:
    """Open proposals for the athletes this coach looks after (and may change)."""
    mine = CoachingLink.objects.active().filter(coach=coach).values("athlete_id")
    return list(
        Proposal.objects.select_related("plan__athlete__user")
        .filter(status=ProposalStatus.PROPOSED, plan__athlete_id__in=mine)
        .order_by("-created_at", "-pk")
    )


def auto_apply_on(athlete: AthleteProfile) -> bool:
    return AdaptationSetting.objects.filter(athlete=athlete, auto_apply=True).exists()


def proposal_rows(proposals: Iterable[Proposal]) -> list[dict[str, Any]]:
    """For display: the proposal, its reasons with evidence, and one line per session."""
    proposals = list(proposals)
    paused = paused_athletes({p.plan.athlete_id for p in proposals if p.is_open})
    rows = []
    for p in proposals:
        lines = [stored_text(m) for m in (p.applied if p.made else p.changes)]
        held = p.is_open and p.plan.athlete_id in paused  # a red flag holds it
        rows.append({"p": p, "reasons": reason_entries(p.reasons), "changes": lines, "held": held})
    return rows


def paused_athletes(athlete_ids: set[int]) -> set[int]:
    """Of these athletes, those whose plan a red flag has paused (one query)."""
    if not athlete_ids:
        return set()
    from tagalong.attention.models import RedFlag

    open_flags = RedFlag.objects.filter(athlete_id__in=athlete_ids, cleared_at__isnull=True)
    return set(open_flags.values_list("athlete_id", flat=True))
