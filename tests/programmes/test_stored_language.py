"""Words the programmes store for one reader are in that reader's language: a notice in the
runner's, an invitation's message in the language of whoever asked for the place."""

from __future__ import annotations

import pytest
from django.utils import timezone, translation

from tagalong.notifications.models import Notification
from tagalong.programmes.services import give_free_place, join, leave
from tests.factories import World
from tests.programmes.helpers import programme
from tests.web.test_phrases import german

pytestmark = pytest.mark.django_db


def test_a_german_runner_moved_up_from_the_waiting_list_is_told_in_german(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    runner = world.athlete_b.user
    runner.language = "de"
    runner.save(update_fields=["language"])
    p = programme(world.coach_a, capacity=1, clinic=False)
    first = join(programme=p, athlete=world.athlete_a, now=timezone.now())
    join(programme=p, athlete=world.athlete_b, now=timezone.now())
    with translation.override("en-gb"), django_capture_on_commit_callbacks(execute=True):
        leave(place=first, by=world.athlete_a.user, now=timezone.now())
    note = Notification.objects.get(user=runner, kind="programme_place")
    assert note.body == "Du warst auf der Warteliste; ein Platz ist frei geworden."


def test_a_free_place_given_from_a_german_page_is_offered_in_german(
    world: World, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    german(monkeypatch, {"A place in {title}": "Ein Platz in {title}"})
    p = programme(world.coach_a, capacity=3, clinic=False)
    with translation.override("de"):
        place = give_free_place(
            programme=p, by=world.coach_a, email="f@example.org", now=timezone.now()
        )
    assert place.invitation is not None
    assert place.invitation.message == f"Ein Platz in {p.title}"
