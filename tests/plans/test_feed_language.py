"""The plan's calendar feed is written in its runner's language: a calendar app asks with none."""

import datetime as dt

from tagalong.plans.models import Plan
from tagalong.plans.selectors.exports import feed_bytes
from tests.factories import World

NOW = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)


def _feed(world: World) -> str:
    return feed_bytes(world.athlete_a, now=NOW).decode().replace("\r\n ", "")


def test_a_german_runner_gets_a_german_feed(world: World, plan: Plan) -> None:
    world.athlete_a.user.language = "de"
    world.athlete_a.user.save(update_fields=["language"])
    feed = _feed(world)
    assert f"Trainingsplan · {world.athlete_a.name}" in feed
    assert "Lockerer Lauf · " in feed and "Training plan" not in feed


def test_an_english_runner_gets_an_english_feed(world: World, plan: Plan) -> None:
    feed = _feed(world)
    assert f"Training plan · {world.athlete_a.name}" in feed
    assert "Easy run · " in feed
