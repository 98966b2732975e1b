"""Reviewing a plan, storing proposals once, approving, rejecting and auto-applying them."""

from __future__ import annotations

import datetime as dt

import pytest

from tagalong.audit.models import AuditEntry
from tagalong.errors import DomainError
from tagalong.notifications.models import Notification
from tagalong.plans import builder, proposals
from tagalong.plans.models import Plan, PlanSession, Proposal, ProposalStatus
from tagalong.symptoms.models import SymptomLog
from tests.factories import World
from tests.plans.conftest import START

TODAY = START + dt.timedelta(days=16)  # Wednesday of week 3


def sore(world: World, day: dt.date = TODAY, **scores: int) -> SymptomLog:
    return SymptomLog.objects.create(athlete=world.athlete_a, day=day, **scores)


def review(world: World, today: dt.date = TODAY) -> list[Proposal]:
    return proposals.review_athlete(athlete=world.athlete_a, source="symptoms", today=today)


def test_calf_pain_above_5_proposes_a_step_back_with_reasons_and_sources(
    world: World, plan: Plan, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    sore(world, calf_pain_left_during=6)
    with django_capture_on_commit_callbacks(execute=True):
        (proposal,) = review(world)
    assert proposal.trigger == "pain" and proposal.status == ProposalStatus.PROPOSED
    assert proposal.source == "symptoms" and proposal.plan_version == plan.current_version
    assert "6/10" in proposal.reasons[0]["text"]
    assert "rehab.pain_monitoring.silbernagel_2007" in proposal.reasons[0]["evidence"]
    assert proposal.changes and all(c["on"] > TODAY.isoformat() for c in proposal.changes)
    note = Notification.objects.get(user=world.coach_a)
    assert note.kind == "plan.proposal" and f"plans/{plan.pk}/" in note.url
    plan.refresh_from_db()
    assert plan.current_version == 1  # nothing changes before the coach approves


def test_the_same_data_never_proposes_twice(world: World, plan: Plan) -> None:
    sore(world, calf_pain_left_during=6)
    assert len(review(world)) == 1
    assert review(world) == []
    proposals.reject(proposal=Proposal.objects.get(), by=world.coach_a)
    assert review(world) == []  # a decided proposal is not raised again from the same data


def test_no_second_open_proposal_with_the_same_changes(world: World, plan: Plan) -> None:
    sore(world, calf_pain_left_during=6)
    review(world)
    sore(world, calf_pain_right_during=7)  # new data (another calf), the same response
    assert review(world) == []
    assert Proposal.objects.count() == 1


def test_a_newer_proposal_replaces_the_open_one(world: World, plan: Plan) -> None:
    sore(world, calf_pain_left_during=6)
    (first,) = review(world)
    sore(world, day=TODAY + dt.timedelta(days=1), calf_pain_left_during=7)
    (second,) = review(world, today=TODAY + dt.timedelta(days=1))
    first.refresh_from_db()
    assert first.status == ProposalStatus.REJECTED and "newer" in first.note
    assert second.is_open


def test_approving_changes_the_plan_as_a_new_version_and_tells_the_athlete(
    world: World, plan: Plan, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    sore(world, calf_pain_left_during=6)
    (proposal,) = review(world)
    first_change = proposal.changes[0]
    with django_capture_on_commit_callbacks(execute=True):
        proposals.approve(proposal=proposal, by=world.coach_a, today=TODAY)
    proposal.refresh_from_db()
    plan.refresh_from_db()
    assert proposal.status == ProposalStatus.APPROVED and proposal.decided_by == world.coach_a
    assert plan.current_version == 2 and proposal.applied_version == 2
    assert plan.versions.get(number=2).reason.startswith("Calf pain")
    changed = PlanSession.objects.get(pk=first_change["session_id"])
    assert changed.ical_sequence == 1
    assert any("pain" in r["text"].lower() for r in changed.why)
    assert {m["session_id"] for m in proposal.applied} >= {first_change["session_id"]}
    entry = AuditEntry.objects.get(action="plan.proposal_approved")
    assert entry.actor == world.coach_a and entry.data["version"] == 2
    assert Notification.objects.get(user=world.athlete_a.user).kind == "plan.changed"


def test_a_calf_session_steps_back_one_ladder_step(world: World, plan: Plan) -> None:
    sore(world, calf_pain_right_after=8)
    (proposal,) = review(world)
    strength = [c for c in proposal.changes if c["kind"] == "ladder_down"]
    before = {
        c["session_id"]: PlanSession.objects.get(pk=c["session_id"]).ladder_level for c in strength
    }
    proposals.approve(proposal=proposal, by=world.coach_a, today=TODAY)
    for session_id, level in before.items():
        session = PlanSession.objects.get(pk=session_id)
        assert session.ladder_level == level - 1
        assert session.why[0]["text"].startswith(f"Calf ladder step {level - 1} of 7")


def test_a_proposal_is_decided_once(world: World, plan: Plan) -> None:
    sore(world, calf_pain_left_during=6)
    (proposal,) = review(world)
    proposals.approve(proposal=proposal, by=world.coach_a, today=TODAY)
    with pytest.raises(DomainError, match="already decided"):
        proposals.reject(proposal=proposal, by=world.coach_a)


def test_rejecting_leaves_the_plan_as_it_is(world: World, plan: Plan) -> None:
    sore(world, calf_pain_left_during=6)
    (proposal,) = review(world)
    proposals.reject(proposal=proposal, by=world.coach_a, note="Her calf is fine, a cramp.")
    proposal.refresh_from_db()
    plan.refresh_from_db()
    assert proposal.status == ProposalStatus.REJECTED and proposal.note.startswith("Her calf")
    assert plan.current_version == 1
    assert AuditEntry.objects.filter(action="plan.proposal_rejected").exists()


def test_approving_after_the_plan_changed_under_a_move_fails_clearly(
    world: World, plan: Plan
) -> None:
    session = plan.sessions.filter(kind="run", date__gt=TODAY).order_by("date").first()
    assert session is not None
    change = {
        "kind": "move",
        "session_id": session.pk,
        "on": session.date.isoformat(),
        "text": "moves",
        "reason": {"text": "Missed.", "evidence": ["coaching.missed_sessions.no_stacking"]},
        "to": (session.date + dt.timedelta(days=1)).isoformat(),
    }
    proposal = Proposal.objects.create(
        plan=plan,
        trigger="missed",
        source="nightly",
        key="k",
        fingerprint="f",
        summary="Missed.",
        changes=[change],
        plan_version=1,
    )

    builder.move_session(session=session, to=session.date + dt.timedelta(days=2), by=world.coach_a)
    with pytest.raises(DomainError, match="changed since"):
        proposals.approve(proposal=proposal, by=world.coach_a, today=TODAY)
    proposal.refresh_from_db()
    assert proposal.is_open


def test_auto_apply_makes_the_changes_at_once(
    world: World, plan: Plan, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    proposals.set_auto_apply(athlete=world.athlete_a, by=world.coach_a, enabled=True)
    sore(world, calf_pain_left_during=6)
    with django_capture_on_commit_callbacks(execute=True):
        (proposal,) = review(world)
    plan.refresh_from_db()
    assert proposal.status == ProposalStatus.APPLIED and proposal.decided_by is None
    assert plan.current_version == 2
    assert AuditEntry.objects.filter(action="plan.proposal_applied").exists()
    assert AuditEntry.objects.get(action="plan.auto_apply_set").data == {"enabled": True}
    assert Notification.objects.filter(user=world.athlete_a.user, kind="plan.changed").exists()
    assert not Notification.objects.filter(user=world.coach_a).exists()


def test_no_active_plan_means_nothing_to_review(world: World) -> None:
    sore(world, calf_pain_left_during=9)
    assert review(world) == []
