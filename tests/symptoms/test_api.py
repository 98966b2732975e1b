from __future__ import annotations

import json
from datetime import date

import pytest
from django.test import Client

from tagalong.symptoms.services import log_symptoms
from tests.factories import World

pytestmark = pytest.mark.django_db


def _post(client: Client, athlete_id: int, body: dict) -> object:  # type: ignore[type-arg]
    return client.post(
        f"/api/athletes/{athlete_id}/symptoms",
        data=json.dumps(body),
        content_type="application/json",
    )


def test_post_returns_201_with_the_log(world: World) -> None:
    client = Client()
    client.force_login(world.athlete_a.user)
    body = {
        "day": "2026-01-05",
        "calf_pain_left_after": 3,
        "other_regions": [{"region": "plantar_fascia", "side": "both", "pain": 1}],
    }
    response = _post(client, world.athlete_a.pk, body)
    assert response.status_code == 201  # type: ignore[attr-defined]
    out = response.json()  # type: ignore[attr-defined]
    assert (
        out["calf_pain_left_after"] == 3 and out["other_regions"][0]["region"] == "plantar_fascia"
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"day": "2026-01-05", "calf_pain_left_after": 11}, "calf_pain_left_after"),
        (
            {"day": "2026-01-05", "other_regions": [{"region": "neck", "side": "left", "pain": 1}]},
            "other_regions.0.region",
        ),
    ],
)
def test_invalid_values_are_422_naming_the_field(world: World, body: dict, field: str) -> None:  # type: ignore[type-arg]
    client = Client()
    client.force_login(world.athlete_a.user)
    response = _post(client, world.athlete_a.pk, body)
    assert response.status_code == 422  # type: ignore[attr-defined]
    assert response.json()["error"]["field"] == field  # type: ignore[attr-defined]


def test_list_filters_by_dates(world: World) -> None:
    for day in (date(2026, 1, 1), date(2026, 1, 10)):
        log_symptoms(athlete=world.athlete_a, by=None, day=day, scores={"calf_pain_left_after": 1})
    client = Client()
    client.force_login(world.coach_a)
    url = f"/api/athletes/{world.athlete_a.pk}/symptoms?since=2026-01-05"
    assert [log["day"] for log in client.get(url).json()] == ["2026-01-10"]
