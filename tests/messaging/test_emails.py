from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.test import Client

from tagalong.messaging.models import Message, Thread
from tagalong.messaging.replylinks import read_token, reply_token
from tagalong.messaging.services import mark_read, post_message
from tagalong.messaging.tasks import send_waiting_emails
from tests.factories import World

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 7, 1, 11, 0, tzinfo=UTC)  # 12:00 in London


@pytest.fixture
def london(world: World) -> World:
    world.athlete_a.time_zone = "Europe/London"
    world.athlete_a.save()
    return world


def test_a_message_unread_for_15_minutes_is_emailed_once_per_thread(
    london: World, thread: Thread
) -> None:
    post_message(thread=thread, author=london.coach_a, text="How was it?", now=NOON)
    post_message(thread=thread, author=london.coach_a, text="And the calf?", now=NOON)
    assert send_waiting_emails(NOON + timedelta(minutes=14)) == 0
    assert send_waiting_emails(NOON + timedelta(minutes=15)) == 1
    [email] = mail.outbox
    assert email.to == [london.athlete_a.user.email]
    assert "Coach A sent you a message" in email.subject
    assert "How was it?" in email.body and "And the calf?" in email.body
    assert "/messages/reply/" in email.body
    # More messages while it still waits: no second email.
    post_message(thread=thread, author=london.coach_a, text="?", now=NOON + timedelta(minutes=20))
    assert send_waiting_emails(NOON + timedelta(hours=1)) == 0
    # Once read, a new message can be emailed again.
    mark_read(thread=thread, user=london.athlete_a.user, now=NOON + timedelta(hours=2))
    post_message(thread=thread, author=london.coach_a, text="New", now=NOON + timedelta(hours=3))
    assert send_waiting_emails(NOON + timedelta(hours=4)) == 1


def test_quiet_hours_hold_the_email_until_seven_in_the_recipient_s_morning(
    london: World, thread: Thread
) -> None:
    late = datetime(2026, 7, 1, 21, 0, tzinfo=UTC)  # 22:00 in London
    post_message(thread=thread, author=london.coach_a, text="Tomorrow: easy", now=late)
    assert send_waiting_emails(late + timedelta(minutes=30)) == 0
    assert send_waiting_emails(datetime(2026, 7, 2, 5, 59, tzinfo=UTC)) == 0
    assert send_waiting_emails(datetime(2026, 7, 2, 6, 0, tzinfo=UTC)) == 1


def test_a_coach_is_emailed_in_their_own_zone(world: World, thread: Thread) -> None:
    world.coach_a.time_zone = "Australia/Sydney"  # 11:00 UTC is 21:00 there
    world.coach_a.save()
    post_message(thread=thread, author=world.athlete_a.user, text="Calf sore", now=NOON)
    assert send_waiting_emails(NOON + timedelta(minutes=30)) == 1
    world.coach_a.refresh_from_db()
    assert mail.outbox[0].to == [world.coach_a.email]


def test_the_signed_link_posts_a_reply_without_signing_in(world: World, thread: Thread) -> None:
    post_message(thread=thread, author=world.coach_a, text="How was it?")
    token = reply_token(thread_id=thread.pk, user_id=world.athlete_a.user_id)
    client = Client()
    page = client.get(f"/messages/reply/{token}/")
    assert page.status_code == 200 and b"How was it?" in page.content
    answer = client.post(f"/messages/reply/{token}/", {"text": "Good, no pain."})
    assert answer.status_code == 200 and b"Sent." in answer.content
    reply = Message.objects.get(text="Good, no pain.")
    assert reply.author == world.athlete_a.user
    assert Message.objects.get(text="How was it?").read_at is not None
    empty = client.post(f"/messages/reply/{token}/", {"text": " "})
    assert empty.status_code == 400 and b"Write a message" in empty.content


def test_a_forged_expired_or_stale_link_is_refused(world: World, thread: Thread) -> None:
    token = reply_token(thread_id=thread.pk, user_id=world.athlete_a.user_id)
    client = Client()
    assert client.get(f"/messages/reply/{token[:-2]}xx/").status_code == 410
    assert read_token(token, max_age_s=-1) is None
    outsider = reply_token(thread_id=thread.pk, user_id=world.athlete_b.user_id)
    assert client.post(f"/messages/reply/{outsider}/", {"text": "hi"}).status_code == 410
    assert not Message.objects.exists()
