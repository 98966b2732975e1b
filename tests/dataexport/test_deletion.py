from __future__ import annotations

import os
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from tagalong.accounts.models import User
from tagalong.activities.models import Activity
from tagalong.athletes.models import AthleteProfile
from tagalong.audit.models import AuditEntry
from tagalong.dataexport.deletion import (
    GRACE,
    cancel_deletion,
    carry_out,
    confirm_deletion,
    request_deletion,
)
from tagalong.dataexport.models import DeletionRequest
from tagalong.errors import DomainError
from tagalong.messaging.files import check_file
from tagalong.messaging.models import FORMER_MEMBER, Attachment, Message, Thread
from tagalong.messaging.services import post_message
from tagalong.notifications.models import Notification
from tests.factories import World

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def _confirmed(user: User, django_capture_on_commit_callbacks) -> DeletionRequest:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        request = request_deletion(user=user)
    return confirm_deletion(request=request)


def test_asking_sends_a_link_that_confirms_and_starts_the_grace_period(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    user = world.athlete_a.user
    client = Client()
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/settings/data/delete/")
    [email] = mail.outbox
    assert email.to == [user.email] and "Confirm" in email.subject
    link = re.search(r"/settings/data/delete/[^/\s]+/", email.body)
    assert link is not None
    assert b"Yes, delete my account" in Client().get(link.group(0)).content
    Client().post(link.group(0))
    request = DeletionRequest.objects.get(user=user)
    assert request.scheduled_for is not None
    assert request.scheduled_for - request.confirmed_at == GRACE
    assert b"will be deleted on" in client.get("/settings/data/").content
    with pytest.raises(DomainError, match="already asked"):
        request_deletion(user=user)


def test_a_cancelled_deletion_never_happens(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    request = _confirmed(world.athlete_a.user, django_capture_on_commit_callbacks)
    cancel_deletion(user=world.athlete_a.user)
    assert not carry_out(request.pk, now=timezone.now() + GRACE + timedelta(days=1))
    assert User.objects.filter(pk=world.athlete_a.user_id).exists()
    assert AuditEntry.objects.filter(action="account.deletion_cancelled").exists()


def test_a_runner_s_account_goes_after_the_grace_period_and_the_coach_keeps_the_thread(
    world: World, django_capture_on_commit_callbacks, settings, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    runner = world.athlete_a
    thread = Thread.objects.get(athlete=runner)
    post_message(thread=thread, author=world.coach_a, text="How is the calf?")
    post_message(thread=thread, author=runner.user, text="Sore", files=[check_file("c.png", PNG)])
    file_path = Attachment.objects.get().file.path
    activity = Activity.objects.create(
        athlete=runner, start=timezone.now(), duration_s=60, moving_s=60, load_measure="duration"
    )
    from django.core.files.base import ContentFile

    activity.original.save("run.fit", ContentFile(b"fit bytes"))
    original_path = activity.original.path
    request = _confirmed(runner.user, django_capture_on_commit_callbacks)

    assert not carry_out(request.pk, now=timezone.now() + GRACE - timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert carry_out(request.pk, now=timezone.now() + GRACE + timedelta(minutes=1))
    assert not carry_out(request.pk, now=timezone.now() + GRACE + timedelta(hours=3))

    assert not User.objects.filter(pk=runner.user_id).exists()
    assert not AthleteProfile.objects.filter(pk=runner.pk).exists()
    assert not Activity.objects.exists()
    assert not os.path.exists(original_path) and not os.path.exists(file_path)
    thread.refresh_from_db()
    assert thread.athlete is None and thread.athlete_name == FORMER_MEMBER
    kept = Message.objects.get(text="How is the calf?")
    removed = Message.objects.exclude(pk=kept.pk).get()
    assert removed.removed and removed.text == "" and removed.author_name == FORMER_MEMBER
    assert Notification.objects.filter(user=world.coach_a, kind="account_deleted").exists()
    assert any(world.coach_a.email in m.to and "deleted" in m.subject for m in mail.outbox)
    entry = AuditEntry.objects.get(action="account.deleted")
    assert entry.data["account_id"] == request.user_ref and entry.data["role"] == "athlete"
    assert DeletionRequest.objects.get(pk=request.pk).completed_at is not None

    client = Client()
    client.force_login(world.coach_a)
    page = client.get(f"/messages/{thread.pk}/")
    assert page.status_code == 200 and FORMER_MEMBER.encode() in page.content


def test_a_coach_s_account_goes_and_their_runners_are_told_and_keep_their_data(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    runner = world.athlete_a
    thread = Thread.objects.get(athlete=runner)
    post_message(thread=thread, author=world.coach_a, text="Keep it easy this week.")
    Activity.objects.create(
        athlete=runner, start=timezone.now(), duration_s=60, moving_s=60, load_measure="duration"
    )
    request = _confirmed(world.coach_a, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        assert carry_out(request.pk, now=timezone.now() + GRACE + timedelta(minutes=1))
    assert not User.objects.filter(pk=world.coach_a.pk).exists()
    assert Activity.objects.filter(athlete=runner).count() == 1
    note = Notification.objects.get(user=runner.user, kind="account_deleted")
    assert "Your training record stays with you" in note.body
    message = Message.objects.get()
    assert message.text == "Keep it easy this week." and message.author_name == FORMER_MEMBER
    thread.refresh_from_db()
    assert thread.coach_name == FORMER_MEMBER


def test_a_forged_or_old_confirmation_link_is_refused(world: World) -> None:
    assert Client().get("/settings/data/delete/not-a-token/").status_code == 410
