from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tagalong.messaging.models import CoachNote, Message, SavedReply, Thread
from tagalong.messaging.services import post_message
from tests.factories import World
from tests.messaging.conftest import PNG

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_opening_a_thread_shows_messages_and_marks_them_read(
    world: World, thread: Thread, client_for
) -> None:
    post_message(thread=thread, author=world.coach_a, text="Easy run today")
    page = client_for(world.athlete_a.user).get(f"/messages/{thread.pk}/")
    assert page.status_code == 200 and b"Easy run today" in page.content
    assert b"Private notes" not in page.content  # never shown to the athlete
    assert Message.objects.get().read_at is not None


def test_posting_with_htmx_swaps_the_conversation_in_place(
    world: World, thread: Thread, client_for
) -> None:
    client = client_for(world.coach_a)
    answer = client.post(f"/messages/{thread.pk}/post/", {"text": "Hello Sam"}, **HTMX)
    assert answer.status_code == 200
    assert b"<html" not in answer.content and b"Hello Sam" in answer.content
    assert b'name="text"' in answer.content  # a fresh form to write the next one


def test_the_open_thread_polls_for_new_messages_and_gets_only_the_list(
    world: World, thread: Thread, client_for
) -> None:
    client = client_for(world.athlete_a.user)
    page = client.get(f"/messages/{thread.pk}/").content.decode()
    assert 'id="conversation-list"' in page and 'hx-trigger="every 10s"' in page
    post_message(thread=thread, author=world.coach_a, text="New while you watch")
    poll = client.get(
        f"/messages/{thread.pk}/", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="conversation-list"
    )
    assert poll.status_code == 200 and b"New while you watch" in poll.content
    assert b"<html" not in poll.content and b'name="text"' not in poll.content  # list only
    assert Message.objects.get().read_at is not None  # on screen: read


def test_a_bad_file_keeps_the_draft_and_names_the_file(
    world: World, thread: Thread, client_for
) -> None:
    client = client_for(world.athlete_a.user)
    bad = SimpleUploadedFile("calf.png", b"not really a picture", content_type="image/png")
    answer = client.post(
        f"/messages/{thread.pk}/post/", {"text": "See photo", "files": [bad]}, **HTMX
    )
    assert b"calf.png is not a photo" in answer.content
    assert b"See photo</textarea>" in answer.content
    assert not Message.objects.exists()
    plain = client.post(f"/messages/{thread.pk}/post/", {"text": ""})
    assert plain.status_code == 400 and b"Write a message or attach a file" in plain.content


def test_a_photo_is_sent_and_downloadable_by_the_thread_only(
    world: World, thread: Thread, client_for
) -> None:
    client = client_for(world.athlete_a.user)
    photo = SimpleUploadedFile("calf.png", PNG, content_type="image/png")
    client.post(f"/messages/{thread.pk}/post/", {"text": "", "files": [photo]})
    attachment = Message.objects.get().attachments.get()
    got = client.get(f"/messages/files/{attachment.pk}/")
    assert got.status_code == 200 and b"".join(got.streaming_content) == PNG
    assert (
        client_for(world.athlete_b.user).get(f"/messages/files/{attachment.pk}/").status_code == 404
    )


def test_filing_answers_htmx_with_the_folder_box(world: World, thread: Thread, client_for) -> None:
    answer = client_for(world.coach_a).post(
        f"/messages/{thread.pk}/file/", {"folder": "later"}, **HTMX
    )
    assert answer.status_code == 200 and b"Moved to Later" in answer.content
    inbox = client_for(world.coach_a).get("/messages/?folder=later")
    assert b"messages/%d/" % thread.pk in inbox.content


def test_a_coach_note_appears_in_place_and_never_for_the_athlete(
    world: World, thread: Thread, client_for
) -> None:
    answer = client_for(world.coach_a).post(
        f"/messages/{thread.pk}/notes/", {"text": "Check shoes next visit"}, **HTMX
    )
    assert b"Check shoes next visit" in answer.content
    assert CoachNote.objects.count() == 1
    page = client_for(world.athlete_a.user).get(f"/messages/{thread.pk}/")
    assert b"Check shoes" not in page.content


def test_saved_replies_page_lists_and_refuses_empty_ones(world: World, client_for) -> None:
    client = client_for(world.coach_a)
    bad = client.post("/coach/saved-replies/", {"title": "", "text": "x"})
    assert bad.status_code == 400 and b"short title" in bad.content
    client.post("/coach/saved-replies/", {"title": "Easy day", "text": "Keep it easy."})
    assert SavedReply.objects.get().title == "Easy day"
    thread = Thread.objects.get(coach=world.coach_a)
    page = client.get(f"/messages/{thread.pk}/")
    assert b"Easy day" in page.content  # offered above the message box


def test_the_athlete_page_link_leads_to_the_coach_s_thread(
    world: World, thread: Thread, client_for
) -> None:
    answer = client_for(world.coach_a).get(f"/athletes/{world.athlete_a.pk}/messages/")
    assert answer["Location"] == f"/messages/{thread.pk}/"
    colleague = client_for(world.colleague).get(f"/messages/{thread.pk}/")
    assert colleague.status_code == 200 and b"You can read this conversation" in colleague.content
