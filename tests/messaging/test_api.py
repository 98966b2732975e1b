from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tagalong.messaging.models import Thread
from tests.factories import World, allow_colleague, make_athlete
from tests.messaging.conftest import PDF

pytestmark = pytest.mark.django_db


def test_a_conversation_through_the_api(world: World, thread: Thread, client_for) -> None:
    coach = client_for(world.coach_a)
    sent = coach.post(
        f"/api/threads/{thread.pk}/messages", {"text": "Hi"}, content_type="application/json"
    )
    assert sent.status_code == 201 and sent.json()["author_name"] == "Coach A"
    listed = client_for(world.athlete_a.user).get("/api/threads?folder=unread").json()
    assert [(t["id"], t["unread"]) for t in listed] == [(thread.pk, 1)]
    read = client_for(world.athlete_a.user).post(f"/api/threads/{thread.pk}/read")
    assert read.json() == {"marked": 1}
    detail = coach.get(f"/api/threads/{thread.pk}").json()
    assert detail["messages"][0]["read_at"] is not None and detail["can_write"] is True


def test_api_errors_name_the_field(world: World, thread: Thread, client_for) -> None:
    coach = client_for(world.coach_a)
    long = coach.post(
        f"/api/threads/{thread.pk}/messages", {"text": "x" * 6000}, content_type="application/json"
    )
    assert long.status_code == 400 and long.json()["error"]["field"] == "text"
    state = coach.post(
        f"/api/threads/{thread.pk}/state", {"folder": "bin"}, content_type="application/json"
    )
    assert state.status_code == 400 and state.json()["error"]["field"] == "folder"


def test_a_message_to_an_unlinked_athlete_is_refused(world: World, client_for) -> None:
    stranger = make_athlete(coach=world.colleague)
    allow_colleague(stranger, world.coach_a)  # coach_a may read the record, not coach them
    answer = client_for(world.coach_a).post(
        "/api/threads", {"athlete_id": stranger.pk}, content_type="application/json"
    )
    assert answer.status_code == 400
    assert "is not coached by Coach A" in answer.json()["error"]["message"]


def test_files_go_up_as_multipart(world: World, thread: Thread, client_for) -> None:
    client = client_for(world.athlete_a.user)
    pdf = SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf")
    sent = client.post(f"/api/threads/{thread.pk}/attachments", {"text": "My plan", "files": pdf})
    assert sent.status_code == 201
    [attachment] = sent.json()["attachments"]
    assert attachment["content_type"] == "application/pdf" and attachment["name"] == "plan.pdf"
    fake = SimpleUploadedFile("x.pdf", b"<html>", content_type="application/pdf")
    refused = client.post(f"/api/threads/{thread.pk}/attachments", {"files": fake})
    assert (
        refused.status_code == 400 and "x.pdf is not a photo" in refused.json()["error"]["message"]
    )


def test_notes_and_saved_replies_are_for_coaches(world: World, thread: Thread, client_for) -> None:
    coach = client_for(world.coach_a)
    coach.post(
        f"/api/threads/{thread.pk}/notes", {"text": "Private"}, content_type="application/json"
    )
    notes = client_for(world.colleague).get(f"/api/threads/{thread.pk}/notes").json()
    assert [n["text"] for n in notes] == ["Private"]
    assert (
        client_for(world.athlete_a.user).get(f"/api/threads/{thread.pk}/notes").status_code == 403
    )
    coach = client_for(world.coach_a)  # one test client: sign the coach in again
    made = coach.post(
        "/api/saved-replies", {"title": "Hi", "text": "Hello"}, content_type="application/json"
    )
    assert made.status_code == 201
    assert coach.delete(f"/api/saved-replies/{made.json()['id']}").json() == {"deleted": 1}
