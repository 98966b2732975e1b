"""What a comment is on ("Calf check, Thu 5 Mar") is shown in each reader's language, with the
day written their way; comments stored before the phrase was kept show their English label."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from tagalong.assessments.models import CalfCheckRun
from tagalong.messaging.models import Message
from tests.factories import World
from tests.web.test_phrases import german

pytestmark = pytest.mark.django_db


def _comment_on_a_calf_check(world: World, client_for) -> Message:  # type: ignore[no-untyped-def]
    run = CalfCheckRun.objects.create(
        athlete=world.athlete_a,
        by=world.athlete_a.user,
        case={},
        result={},
        created_at=dt.datetime(2026, 3, 5, 9, tzinfo=dt.UTC),
    )
    form = f"/athletes/{world.athlete_a.pk}/comments/calf_check/{run.pk}/"
    client_for(world.athlete_a.user).post(form, {"text": "Calf tight at 5 km."})
    return Message.objects.get()


def test_the_subject_is_said_in_the_readers_language(world: World, client_for, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    german(monkeypatch, {"Calf check, {day:%a %-d %b}": "Wadencheck vom {day:%a %-d. %b}"})
    message = _comment_on_a_calf_check(world, client_for)
    assert message.subject_label == "Calf check, Thu 5 Mar"
    world.coach_a.language = "de"
    world.coach_a.save(update_fields=["language"])
    coach = client_for(world.coach_a)
    page = coach.get(f"/messages/{message.thread_id}/").content.decode()
    assert "Wadencheck vom Do 5. Mär" in page
    with translation.override("en-gb"):
        assert str(Message.objects.get().subject) == "Calf check, Thu 5 Mar"


def test_a_subject_stored_before_the_phrase_shows_its_label(world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    message = _comment_on_a_calf_check(world, client_for)
    Message.objects.filter(pk=message.pk).update(subject_phrase=None, subject_label="Old label")
    message.refresh_from_db()
    with translation.override("de"):
        assert message.subject == "Old label"
    page = client_for(world.coach_a).get(f"/messages/{message.thread_id}/").content.decode()
    assert "Old label" in page
