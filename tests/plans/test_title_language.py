"""A generated plan is named in its runner's language, whoever made it and in whatever
language their page was."""

from __future__ import annotations

import pytest
from django.utils import translation

from tests.factories import World
from tests.plans.conftest import generate

pytestmark = pytest.mark.django_db


def _runner_reads(world: World, language: str) -> None:
    world.athlete_a.user.language = language
    world.athlete_a.user.save(update_fields=["language"])


def test_a_german_runners_plan_is_named_in_german(world: World) -> None:
    _runner_reads(world, "de")
    with translation.override("en-gb"):  # the coach's page is in English
        assert generate(world, goal="10k").title == "10-km-Plan"


def test_an_english_runners_plan_keeps_its_english_name_on_a_german_page(world: World) -> None:
    _runner_reads(world, "en-gb")
    with translation.override("de"):
        assert generate(world, goal="10k").title == "10K plan"
