"""Red flags from every source (intake, symptom log by page or API, calf check) pause
everything, including plan proposals made before the flag; the athlete page names the source."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import Client

from tagalong.assessments import services as assessments
from tagalong.attention.models import RedFlag
from tagalong.attention.red_flags import clear_red_flag, plan_pause
from tagalong.errors import DomainError
from tagalong.plans import proposals
from tagalong.plans.models import Plan, Proposal, ProposalStatus
from tests.attention.helpers import today
from tests.factories import World
from tests.plans.conftest import generate

pytestmark = pytest.mark.django_db


def _api_symptoms(client: Client, athlete_id: int, body: dict) -> object:  # type: ignore[type-arg]
    return client.post(
        f"/api/athletes/{athlete_id}/symptoms", json.dumps(body), content_type="application/json"
    )


def test_a_red_flag_in_the_symptoms_api_pauses_the_plan_and_says_so(world: World) -> None:
    client = Client()
    client.force_login(world.athlete_a.user)
    quiet = _api_symptoms(
        client, world.athlete_a.pk, {"day": today().isoformat(), "calf_pain_left_after": 2}
    )
    assert quiet.status_code == 201 and quiet.json()["training_paused"] is False  # type: ignore[attr-defined]
    response = _api_symptoms(
        client, world.athlete_a.pk, {"day": today().isoformat(), "red_flags": ["chest_pain"]}
    )
    assert response.status_code == 201  # type: ignore[attr-defined]
    out = response.json()  # type: ignore[attr-defined]
    assert out["training_paused"] is True and out["paused_because"].startswith("Training paused")
    flag = RedFlag.objects.get(athlete=world.athlete_a)
    assert flag.source == "symptoms" and flag.red_flags == ["chest_pain"]
    assert plan_pause(world.athlete_a) is not None


def test_an_unknown_red_flag_in_the_api_is_refused_naming_the_field(world: World) -> None:
    client = Client()
    client.force_login(world.athlete_a.user)
    response = _api_symptoms(
        client, world.athlete_a.pk, {"day": today().isoformat(), "red_flags": ["sore_toe"]}
    )
    assert response.status_code in (400, 422)  # type: ignore[attr-defined]
    error = response.json()["error"]  # type: ignore[attr-defined]
    assert error["field"] == "red_flags" and "sore_toe" in error["message"]
    assert not RedFlag.objects.exists()


def _open_proposal(plan: Plan) -> Proposal:
    # A run whose next day is free, so the move fits whatever weekday the suite runs on.
    runs = list(plan.sessions.filter(kind="run", date__gt=today()).order_by("date"))
    run_days = {run.date for run in runs}
    session = next(run for run in runs if run.date + dt.timedelta(days=1) not in run_days)
    change = {
        "kind": "move",
        "session_id": session.pk,
        "on": session.date.isoformat(),
        "text": "moves a day later",
        "reason": {"text": "Missed.", "evidence": ["coaching.missed_sessions.no_stacking"]},
        "to": (session.date + dt.timedelta(days=1)).isoformat(),
    }
    return Proposal.objects.create(
        plan=plan,
        trigger="missed",
        source="nightly",
        key="k",
        fingerprint="f",
        summary="Move the next run.",
        changes=[change],
        plan_version=plan.current_version,
    )


def test_a_proposal_made_before_the_red_flag_is_held_until_a_coach_clears_it(
    world: World,
) -> None:
    plan = generate(world, start=today() - dt.timedelta(days=today().weekday() + 7))
    proposal = _open_proposal(plan)
    assessments.run_calf_check(
        athlete=world.athlete_a,
        by=world.athlete_a.user,
        case={"red_flags": ["breathlessness"]},
        today=today(),
    )
    flag = RedFlag.objects.get()
    assert flag.source == "self_check"

    with pytest.raises(DomainError, match="paused by a red flag"):
        proposals.approve(proposal=proposal, by=world.coach_a)
    coach = Client()
    coach.force_login(world.coach_a)
    page = coach.get(f"/athletes/{world.athlete_a.pk}/plans/{plan.pk}/").content.decode()
    assert "Held: training is paused by a red flag" in page
    assert f"/proposals/{proposal.pk}/approve/" not in page
    api = coach.get(f"/api/athletes/{world.athlete_a.pk}/proposals").json()
    assert api[0]["id"] == proposal.pk and api[0]["held"] is True
    refused = coach.post(f"/api/athletes/{world.athlete_a.pk}/proposals/{proposal.pk}/approve")
    assert refused.status_code >= 400 and "paused by a red flag" in refused.content.decode()
    proposal.refresh_from_db()
    assert proposal.is_open and Plan.objects.get(pk=plan.pk).current_version == 1

    clear_red_flag(flag=flag, by=world.coach_a, seen_on=today(), note="GP: fine", today=today())
    approved = proposals.approve(proposal=proposal, by=world.coach_a)
    assert approved.status == ProposalStatus.APPROVED


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("intake", "Red flag reported in the intake"),
        ("symptoms", "Red flag reported in a symptom log"),
        ("self_check", "Red flag reported in the calf check"),
    ],
)
def test_the_athlete_page_names_where_the_red_flag_came_from(
    world: World, source: str, words: str
) -> None:
    RedFlag.objects.create(athlete=world.athlete_a, source=source, red_flags=["chest_pain"])
    coach = Client()
    coach.force_login(world.coach_a)
    page = coach.get(f"/athletes/{world.athlete_a.pk}/").content.decode()
    assert words in page
