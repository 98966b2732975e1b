"""A refused plan offers the plans that would work instead, each one click (or one request)."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from django.urls import reverse

from tagalong.plans.models import Plan
from tests.factories import World
from tests.plans.conftest import AVAILABILITY

TOO_SOON = {  # a marathon six weeks away from 10 km a week: a coach would refuse it
    "goal": "marathon",
    "start": "2026-03-02",
    "weeks": "6",
    "weekly_km": "10",
    "longest_run_km_30d": "4",
    "runs_per_week": "3",
    **{f"min_{day}": str(minutes) for day, minutes in AVAILABILITY.items()},
    "min_sun": "180",  # room for a marathon's long run
}


class _AlternativeForms(HTMLParser):
    """The hidden fields and button of each form in the "Plans that work instead" section."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.forms: list[tuple[dict[str, str], str]] = []
        self._fields: dict[str, str] | None = None
        self._button = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "section" and "plan-alternatives" in (a.get("class") or ""):
            self.inside = True
        elif self.inside and tag == "form":
            self._fields = {}
        elif self._fields is not None and tag == "input":
            self._fields[a["name"] or ""] = a.get("value") or ""
        elif self._fields is not None and tag == "button":
            self._button = True

    def handle_data(self, data: str) -> None:
        if self._button and self._fields is not None:
            self.forms.append((self._fields, data.strip()))
            self._button = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._fields = None
        elif tag == "section":
            self.inside = False


def test_a_refused_plan_offers_alternatives_and_one_click_builds_the_first(
    world: World,
    client_for,  # type: ignore[no-untyped-def]
) -> None:
    url = reverse("plans:generate", kwargs={"athlete_id": world.athlete_a.pk})
    client = client_for(world.coach_a)
    page = client.post(url, TOO_SOON).content.decode()
    assert "Plans that work instead" in page and not Plan.objects.exists()
    parser = _AlternativeForms()
    parser.feed(page)
    assert parser.forms, "no alternative offered"
    labels = [label for _, label in parser.forms]
    assert all(label.startswith("Plan ") for label in labels)
    fields, _ = parser.forms[0]
    assert fields.pop("csrfmiddlewaretoken")
    assert fields["weekly_km"] == "10" and fields["min_sun"] == "180"
    response = client.post(url, fields)
    assert response.status_code == 302
    plan = Plan.objects.get(athlete=world.athlete_a)
    assert plan.profile["goal"]["type"] == fields["goal"]


def test_every_alternative_offered_builds(world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    url = reverse("plans:generate", kwargs={"athlete_id": world.athlete_a.pk})
    client = client_for(world.coach_a)
    parser = _AlternativeForms()
    parser.feed(client.post(url, TOO_SOON).content.decode())
    assert len(parser.forms) >= 2  # a later date and a shorter race at least
    for fields, label in parser.forms:
        fields.pop("csrfmiddlewaretoken")
        assert client.post(url, fields).status_code == 302, label


def test_the_api_refusal_lists_alternatives_that_the_api_then_builds(
    world: World,
    client_for,  # type: ignore[no-untyped-def]
) -> None:
    url = f"/api/athletes/{world.athlete_a.pk}/plans"
    body = {
        "goal": "marathon",
        "start": "2026-03-02",
        "weeks": 6,
        "availability": {**AVAILABILITY, "sun": 180},
        "current": {"weekly_km": 10, "longest_run_km_30d": 4, "runs_per_week": 3},
    }
    client = client_for(world.coach_a)
    refused = client.post(url, data=json.dumps(body), content_type="application/json")
    assert refused.status_code == 400
    error = refused.json()["error"]
    assert error["code"] == "infeasible"
    alternatives = error["details"]["alternatives"]
    assert alternatives and {"label", "goal", "race_date", "weeks", "walk_breaks"} <= set(
        alternatives[0]
    )
    first = alternatives[0]
    retry = {**body, "goal": first["goal"], "walk_breaks": first["walk_breaks"]}
    retry.update({"race_date": first["race_date"], "weeks": first["weeks"]})
    built = client.post(url, data=json.dumps(retry), content_type="application/json")
    assert built.status_code == 201, built.json()


def test_a_finish_goal_with_walk_breaks_is_one_tick_in_the_form(world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    url = reverse("plans:generate", kwargs={"athlete_id": world.athlete_a.pk})
    form = {**TOO_SOON, "goal": "half", "weeks": "16", "weekly_km": "20", "walk_breaks": "on"}
    form["longest_run_km_30d"] = "8"
    response = client_for(world.coach_a).post(url, form)
    assert response.status_code == 302
    plan = Plan.objects.get(athlete=world.athlete_a)
    assert plan.profile["goal"]["walk_breaks"] is True
