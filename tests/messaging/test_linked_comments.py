from __future__ import annotations

import datetime as dt

import pytest

from tagalong.messaging.models import Message
from tagalong.plans.models import Plan, PlanSession
from tests.factories import World

pytestmark = pytest.mark.django_db


def test_a_plan_session_comment_appears_in_the_thread_with_a_link_back(
    world: World, client_for
) -> None:
    start = dt.date(2026, 3, 2)
    plan = Plan.objects.create(
        athlete=world.athlete_a,
        title="10K",
        goal_type="10k",
        start=start,
        end=start + dt.timedelta(days=27),
        created_by=world.coach_a,
    )
    session = PlanSession.objects.create(
        plan=plan, date=start + dt.timedelta(days=1), kind="run", run_type="easy", duration_min=40
    )
    url = f"/athletes/{world.athlete_a.pk}/sessions/{session.pk}/"
    client_for(world.athlete_a.user).post(url + "comments/", {"text": "Calf tight at 5 km."})
    message = Message.objects.get()
    assert message.thread.coach == world.coach_a
    assert (message.subject_kind, message.subject_url) == ("plan_session", url)
    assert message.subject_label == "Easy run, Tue 3 Mar"
    page = client_for(world.coach_a).get(f"/messages/{message.thread_id}/")
    assert f'href="{url}"'.encode() in page.content
