"""Writes for plan adaptation: review an athlete's plan, propose, approve, reject, auto-apply.

A review runs the pure rules (``tagalong.plangen.adapt.review``) on the active plan and the
athlete's recent data. Each proposal is stored once per trigger and data (``key``) and never
twice open with the same changes. Approving makes its changes as a new plan version, with the
changes that keep the hard limits, and an audit entry, in one transaction; with the athlete's
auto-apply switch on this happens at once. The coach is told of a proposal, the athlete of a
change to their plan.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from functools import reduce
from typing import Any

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile, CoachingLink
from tagalong.attention.red_flags import plan_pause
from tagalong.audit.services import record
from tagalong.errors import DomainError
from tagalong.notifications.services import notify
from tagalong.plangen import adapt
from tagalong.plangen.adapt_apply import apply_changes
from tagalong.plangen.adapt_change import change_text
from tagalong.plangen.adapt_model import Change
from tagalong.plangen.adapt_model import Proposal as Found
from tagalong.plangen.model import Session, reason_json
from tagalong.plans import review_inputs
from tagalong.plans.models import (
    AdaptationSetting,
    Plan,
    PlanSession,
    PlanStatus,
    Proposal,
    ProposalStatus,
    ProposalTrigger,
    ReviewSource,
)
from tagalong.plans.selectors.lookups import active_plan, athlete_today
from tagalong.plans.selectors.proposals import auto_apply_on
from tagalong.plans.services.versions import new_version
from tagalong.wording import Phrase, phrase_json

log = logging.getLogger(__name__)


HELD_WORDS = (
    "Training is paused by a red flag: plan changes wait until a coach records that the runner "
    "was seen and cleared."
)


def review_athlete(
    *, athlete: AthleteProfile, source: str, today: dt.date | None = None
) -> list[Proposal]:
    """Review the athlete's active plan; returns the proposals stored (new ones only)."""
    plan = active_plan(athlete)
    if plan is None or plan_pause(athlete) is not None:  # a red flag holds every change
        return []
    today = today or athlete_today(athlete)
    found = adapt.review(
        review_inputs.plan_view(plan),
        review_inputs.athlete_data(athlete, today),
        review_inputs.review_context(plan, today),
    )
    stored = [propose(plan=plan, found=f, source=source, today=today) for f in found]
    return [p for p in stored if p is not None]


def propose(*, plan: Plan, found: Found, source: str, today: dt.date) -> Proposal | None:
    """Store one proposal (None when the same data or the same changes are already there)."""
    fingerprint = adapt.fingerprint(found.changes)
    if Proposal.objects.filter(plan=plan, trigger=found.trigger, key=found.key).exists():
        return None
    try:
        with transaction.atomic():
            proposal = _create(plan, found, source, fingerprint)
    except IntegrityError:  # a review running at the same moment stored it first
        return None
    if proposal is None:
        return None
    if auto_apply_on(plan.athlete):
        return _auto_apply(proposal, today)
    _tell_coaches(proposal)
    return proposal


def _create(plan: Plan, found: Found, source: str, fingerprint: str) -> Proposal | None:
    open_ = Proposal.objects.select_for_update().filter(
        plan=plan, trigger=found.trigger, status=ProposalStatus.PROPOSED
    )
    if open_.filter(fingerprint=fingerprint).exists():
        return None
    open_.update(
        status=ProposalStatus.REJECTED,
        decided_at=timezone.now(),
        note="Replaced by a newer proposal from more recent data.",
    )
    proposal = Proposal.objects.create(
        plan=plan,
        trigger=found.trigger,
        source=source if source in ReviewSource.values else ReviewSource.NIGHTLY,
        key=found.key[:200],
        fingerprint=fingerprint,
        summary=found.summary[:300],
        reasons=[reason_json(r) for r in found.reasons],
        changes=[c.to_json() for c in found.changes],
        plan_version=plan.current_version,
    )
    record(
        actor=None,
        action="plan.proposal_created",
        target=proposal,
        athlete_id=plan.athlete_id,
        plan_id=plan.pk,
        trigger=found.trigger,
        source=proposal.source,
    )
    return proposal


def _auto_apply(proposal: Proposal, today: dt.date) -> Proposal:
    try:
        with transaction.atomic():
            return _decide(proposal.pk, by=None, status=ProposalStatus.APPLIED, today=today)
    except DomainError as error:  # the plan changed under it: leave it for the coach
        log.info("proposal %s not applied automatically: %s", proposal.pk, error.message)
        _tell_coaches(proposal)
        return proposal


@transaction.atomic
def approve(*, proposal: Proposal, by: User, today: dt.date | None = None) -> Proposal:
    """Make the proposal's changes as a new plan version (the coach approved them)."""
    day = today or athlete_today(proposal.plan.athlete)
    return _decide(proposal.pk, by=by, status=ProposalStatus.APPROVED, today=day)


@transaction.atomic
def reject(*, proposal: Proposal, by: User, note: str = "") -> Proposal:
    locked = _lock_open(proposal.pk)
    locked.status = ProposalStatus.REJECTED
    locked.decided_by, locked.decided_at = by, timezone.now()
    locked.note = note.strip()[:300]
    locked.save(update_fields=["status", "decided_by", "decided_at", "note"])
    record(
        actor=by,
        action="plan.proposal_rejected",
        target=locked,
        athlete_id=locked.plan.athlete_id,
        plan_id=locked.plan_id,
        trigger=locked.trigger,
    )
    return locked


def _lock_open(proposal_id: int) -> Proposal:
    locked = Proposal.objects.select_for_update().select_related("plan").get(pk=proposal_id)
    if not locked.is_open:
        raise DomainError(
            gettext("This proposal was already decided (%(get_status_display)s).")
            % {"get_status_display": locked.get_status_display()}
        )
    return locked


def _decide(proposal_id: int, *, by: User | None, status: str, today: dt.date) -> Proposal:
    proposal = _lock_open(proposal_id)
    plan = Plan.objects.select_for_update().get(pk=proposal.plan_id)
    if plan_pause(plan.athlete_id) is not None:  # proposals made before the red flag wait too
        raise DomainError(HELD_WORDS)
    if plan.status != PlanStatus.ACTIVE:
        raise DomainError(gettext("This plan is no longer active; the proposal cannot change it."))
    made = _make_changes(plan, proposal, by=by, today=today)
    proposal.status, proposal.decided_by, proposal.decided_at = status, by, timezone.now()
    proposal.applied, proposal.applied_version = made, plan.current_version
    proposal.save(
        update_fields=["status", "decided_by", "decided_at", "applied", "applied_version"]
    )
    record(
        actor=by,
        action="plan.proposal_approved" if by else "plan.proposal_applied",
        target=proposal,
        athlete_id=plan.athlete_id,
        plan_id=plan.pk,
        version=plan.current_version,
        sessions=[m["session_id"] for m in made],
    )
    _tell_athlete(proposal, plan)
    return proposal


def _make_changes(
    plan: Plan, proposal: Proposal, *, by: User | None, today: dt.date
) -> list[dict[str, Any]]:
    """Write the changed sessions (and the limit-keeping ones) and a new plan version."""
    view = review_inputs.plan_view(plan)
    changes = [Change.from_json(c) for c in proposal.changes]
    result = apply_changes(view, changes, review_inputs.review_context(plan, today))
    if result.skipped:
        skipped = reduce(
            lambda done, one: Phrase("{changes}; {change}", changes=done, change=one),
            result.skipped,
        )
        raise DomainError(
            Phrase(
                "The plan has changed since this proposal was made ({changes}). Reject it; the "
                "next review proposes from the plan as it is now.",
                changes=skipped,
            )
        )
    before = {slot.ref: slot.session for slot in view.slots}
    stored = {s.pk: s for s in plan.sessions.all()}
    made = []
    for slot in result.view.slots:
        if slot.session != before[slot.ref]:
            _store(stored[slot.ref], slot.session)
            text = change_text(before[slot.ref], slot.session)
            made.append({"session_id": slot.ref, "text": text, "phrase": phrase_json(text)})
    label = proposal.get_trigger_display()
    new_version(plan, by=by, reason=f"{label}: {proposal.summary}"[:300])
    return made


def _store(row: PlanSession, s: Session) -> None:
    row.date, row.run_type = s.date, s.run_type or ""
    row.duration_min, row.distance_km = s.duration_min, s.distance_km
    row.pace_fast_s_per_km, row.pace_slow_s_per_km = s.target_pace_s_per_km or (None, None)
    row.hr_zone, row.ladder_level = s.hr_zone or "", s.ladder_level
    row.exercises = [dataclasses.asdict(e) for e in s.exercises]
    row.why = [reason_json(r) for r in s.why]
    row.workout = s.workout.to_dict() if s.workout is not None else None
    row.ical_sequence += 1
    row.save()


# --- the auto-apply switch ---------------------------------------------------------------------


@transaction.atomic
def set_auto_apply(*, athlete: AthleteProfile, by: User, enabled: bool) -> AdaptationSetting:
    setting, _ = AdaptationSetting.objects.select_for_update().get_or_create(athlete=athlete)
    setting.auto_apply, setting.updated_by, setting.updated_at = enabled, by, timezone.now()
    setting.save()
    record(
        actor=by,
        action="plan.auto_apply_set",
        target=setting,
        athlete_id=athlete.pk,
        enabled=enabled,
    )
    return setting


# --- telling people ----------------------------------------------------------------------------


def _plan_url(plan: Plan) -> str:
    path = reverse("plans:detail", kwargs={"athlete_id": plan.athlete_id, "plan_id": plan.pk})
    return f"{path}#proposals"


def coaches_of(athlete: AthleteProfile) -> list[User]:
    links = CoachingLink.objects.active().filter(athlete=athlete).select_related("coach")
    return [link.coach for link in links]


def _trigger(proposal: Proposal) -> str:
    """What set the proposal off, said in the language of whoever reads the notice."""
    return ProposalTrigger(proposal.trigger).label


def _tell_coaches(proposal: Proposal) -> None:
    plan = proposal.plan
    for coach in coaches_of(plan.athlete):
        notify(
            coach,
            kind="plan.proposal",
            title=Phrase(
                "Plan change proposed for {name}: {change}",
                name=plan.athlete.name,
                change=_trigger(proposal),
            ),
            body=proposal.said_summary,
            url=_plan_url(plan),
        )


def _tell_athlete(proposal: Proposal, plan: Plan) -> None:
    notify(
        plan.athlete.user,
        kind="plan.changed",
        title=Phrase("Your plan changed: {change}", change=_trigger(proposal)),
        body=proposal.said_summary,
        url=_plan_url(plan),
    )
