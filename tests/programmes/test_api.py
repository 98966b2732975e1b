from __future__ import annotations

from django.test import Client
from django.utils import timezone

from tagalong.programmes.services import join
from tests.factories import World
from tests.programmes.helpers import programme


def test_the_public_facts_need_no_sign_in(world: World) -> None:
    p = programme(world.coach_a, capacity=4)
    join(programme=p, athlete=world.athlete_a, now=timezone.now())
    body = Client().get(f"/api/programmes/{p.slug}").json()
    assert body["title"] == p.title and body["places_left"] == 3 and body["weeks"] == 8
    assert len(body["group_sessions"]) == 8


def test_a_draft_is_not_found_and_the_coach_lists_only_their_own(world: World) -> None:
    draft = programme(world.coach_a, publish=False, clinic=False)
    assert Client().get(f"/api/programmes/{draft.slug}").status_code == 404
    programme(world.coach_other, clinic=False)
    client = Client()
    client.force_login(world.coach_a)
    assert [p["slug"] for p in client.get("/api/coaches/me/programmes").json()] == [draft.slug]
