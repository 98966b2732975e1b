"""The coach decides proposals on the plan page or the list; the athlete sees what changed."""

from __future__ import annotations

import datetime as dt
import json

from django.urls import reverse

from tagalong.plans import proposals
from tagalong.plans.models import Plan, Proposal, ProposalStatus
from tagalong.plans.selectors.lookups import athlete_today, monday_of
from tagalong.plans.selectors.proposals import auto_apply_on
from tagalong.symptoms.models import SymptomLog
from tests.factories import World
from tests.plans.conftest import generate


def plan_with_proposal(world: World) -> tuple[Plan, Proposal]:
    """A plan under way (today inside it) and a pain proposal for it."""
    today = athlete_today(world.athlete_a)
    plan = generate(world, start=monday_of(today) - dt.timedelta(days=7))
    SymptomLog.objects.create(athlete=world.athlete_a, day=today, calf_pain_left_during=7)
    (proposal,) = proposals.review_athlete(athlete=world.athlete_a, source="symptoms")
    return plan, proposal


def detail(plan: Plan) -> str:
    return reverse("plans:detail", kwargs={"athlete_id": plan.athlete_id, "plan_id": plan.pk})


def test_the_coach_sees_and_approves_a_proposal_on_the_plan_page(world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    plan, proposal = plan_with_proposal(world)
    client = client_for(world.coach_a)
    page = client.get(detail(plan)).content.decode()
    assert "Proposed changes" in page and "7/10" in page and "Approve changes" in page
    url = reverse(
        "plans:approve", kwargs={"athlete_id": plan.athlete_id, "proposal_id": proposal.pk}
    )
    response = client.post(url, {"back": "plan"})
    assert response.status_code == 302 and response["Location"].endswith("#proposals")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.APPROVED


def test_the_athlete_sees_what_changed_and_why_but_cannot_decide(world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    plan, proposal = plan_with_proposal(world)
    athlete = client_for(world.athlete_a.user)
    page = athlete.get(detail(plan)).content.decode()
    assert "Approve changes" not in page and "What changed and why" not in page
    made = proposals.approve(proposal=proposal, by=world.coach_a)
    page = athlete.get(detail(plan)).content.decode()
    assert "What changed and why" in page and "7/10" in page
    assert made.applied and made.applied[0]["text"].split(":")[0] in page


def test_the_coach_rejects_from_the_list_with_a_note(world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    plan, proposal = plan_with_proposal(world)
    client = client_for(world.coach_a)
    listing = client.get(reverse("plans:proposals")).content.decode()
    assert world.athlete_a.name in listing and "Calf pain" in listing
    url = reverse(
        "plans:reject", kwargs={"athlete_id": plan.athlete_id, "proposal_id": proposal.pk}
    )
    response = client.post(url, {"back": "list", "note": "Cramp, not injury."})
    assert response["Location"] == reverse("plans:proposals")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.REJECTED and proposal.note == "Cramp, not injury."
    assert "Nothing to review" in client.get(reverse("plans:proposals")).content.decode()


def test_another_coach_sees_no_proposals_of_athletes_not_theirs(world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    plan_with_proposal(world)
    page = client_for(world.coach_other).get(reverse("plans:proposals")).content.decode()
    assert "Nothing to review" in page


def test_the_coach_switches_auto_apply_on_from_the_plans_page(world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(world.coach_a)
    url = reverse("plans:auto_apply", kwargs={"athlete_id": world.athlete_a.pk})
    assert client.post(url, {"auto_apply": "on"}).status_code == 302
    assert auto_apply_on(world.athlete_a)
    index = reverse("plans:index", kwargs={"athlete_id": world.athlete_a.pk})
    assert (
        'name="auto_apply" checked'
        in client.get(index).content.decode().replace("checked id", "checked")
        or "checked" in client.get(index).content.decode()
    )
    client.post(url, {})
    assert not auto_apply_on(world.athlete_a)


# --- API -------------------------------------------------------------------------------------


def test_api_lists_proposals_with_a_status_filter(world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    _plan, proposal = plan_with_proposal(world)
    client = client_for(world.athlete_a.user)
    base = f"/api/athletes/{world.athlete_a.pk}/proposals"
    (item,) = client.get(base).json()
    assert item["id"] == proposal.pk and item["status"] == "proposed" and item["changes"]
    assert client.get(base + "?status=approved").json() == []


def test_api_approves_once_and_then_answers_with_one_error_shape(world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    _plan, proposal = plan_with_proposal(world)
    client = client_for(world.coach_a)
    url = f"/api/athletes/{world.athlete_a.pk}/proposals/{proposal.pk}/approve"
    first = client.post(url)
    assert first.status_code == 200 and first.json()["status"] == "approved"
    assert first.json()["applied"]
    again = client.post(url)
    assert again.status_code == 400 and "already decided" in again.json()["error"]["message"]


def test_api_rejects_with_a_note_and_sets_auto_apply(world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    _plan, proposal = plan_with_proposal(world)
    client = client_for(world.coach_a)
    url = f"/api/athletes/{world.athlete_a.pk}/proposals/{proposal.pk}/reject"
    response = client.post(url, data=json.dumps({"note": "Fine"}), content_type="application/json")
    assert response.json()["status"] == "rejected" and response.json()["note"] == "Fine"
    switch = f"/api/athletes/{world.athlete_a.pk}/plan-adaptation"
    put = client.put(switch, data=json.dumps({"auto_apply": True}), content_type="application/json")
    assert put.json() == {"auto_apply": True}
    assert client.get(switch).json() == {"auto_apply": True}
