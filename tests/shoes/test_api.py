from __future__ import annotations

import json

import pytest
from django.test import Client

from tagalong.shoes.models import Shoe, ShoeUse
from tests.factories import World
from tests.shoes.helpers import make_run, make_shoe

pytestmark = pytest.mark.django_db


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def _send(client: Client, method: str, url: str, body: dict) -> object:  # type: ignore[type-arg]
    return getattr(client, method)(url, data=json.dumps(body), content_type="application/json")


def test_list_reports_mileage_and_alert(world: World) -> None:
    shoe = make_shoe(world.athlete_a, starting_km=495)
    assign = make_run(world.athlete_a, km=5)
    ShoeUse.objects.create(shoe=shoe, activity=assign)
    body = _client(world.coach_a).get(f"/api/athletes/{world.athlete_a.pk}/shoes").json()
    assert body[0]["mileage_km"] == 500.0 and body[0]["alert"] == "reminder"


def test_create_returns_201_and_the_shoe(world: World) -> None:
    client = _client(world.athlete_a.user)
    url = f"/api/athletes/{world.athlete_a.pk}/shoes"
    response = _send(client, "post", url, {"name": "Trail", "retire_km": 700, "remind_km": 450})
    assert response.status_code == 201  # type: ignore[attr-defined]
    assert response.json()["retire_km"] == 700  # type: ignore[attr-defined]


def test_create_with_reminder_after_retirement_is_a_400_naming_the_field(world: World) -> None:
    client = _client(world.athlete_a.user)
    url = f"/api/athletes/{world.athlete_a.pk}/shoes"
    response = _send(client, "post", url, {"name": "X", "remind_km": 900})
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert response.json()["error"]["field"] == "remind_km"  # type: ignore[attr-defined]


def test_patch_retires_and_brings_back(world: World) -> None:
    shoe = make_shoe(world.athlete_a)
    client = _client(world.athlete_a.user)
    url = f"/api/athletes/{world.athlete_a.pk}/shoes/{shoe.pk}"
    assert _send(client, "patch", url, {"retired": True}).json()["retired_at"]  # type: ignore[attr-defined]
    assert _send(client, "patch", url, {"retired": False}).json()["retired_at"] is None  # type: ignore[attr-defined]


def test_patch_of_another_athletes_shoe_is_404(world: World) -> None:
    other = make_shoe(world.athlete_b)
    client = _client(world.athlete_a.user)
    url = f"/api/athletes/{world.athlete_a.pk}/shoes/{other.pk}"
    assert _send(client, "patch", url, {"name": "Mine now"}).status_code == 404  # type: ignore[attr-defined]
    assert Shoe.objects.get(pk=other.pk).name == "Blue trainers"


def test_assign_shoe_to_activity(world: World) -> None:
    shoe, run = make_shoe(world.athlete_a), make_run(world.athlete_a)
    client = _client(world.coach_a)
    url = f"/api/athletes/{world.athlete_a.pk}/activities/{run.pk}/shoe"
    response = _send(client, "post", url, {"shoe_id": shoe.pk})
    assert response.json() == {  # type: ignore[attr-defined]
        **response.json(),  # type: ignore[attr-defined]
        "activity_id": run.pk,
        "shoe_id": shoe.pk,
        "how": "hand",
    }


def test_assign_with_another_athletes_shoe_is_404(world: World) -> None:
    run, theirs = make_run(world.athlete_a), make_shoe(world.athlete_b)
    client = _client(world.athlete_a.user)
    url = f"/api/athletes/{world.athlete_a.pk}/activities/{run.pk}/shoe"
    assert _send(client, "post", url, {"shoe_id": theirs.pk}).status_code == 404  # type: ignore[attr-defined]
