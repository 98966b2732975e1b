"""The invitation email runs as a task on the database backend and on the Redis (RQ) backend."""

from __future__ import annotations

import os

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from tagalong.accounts.services import invite_athlete
from tagalong.notifications.tasks import send_invitation_email
from tests.factories import make_coach, make_invitation


def _redis_available(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.mark.django_db(transaction=True)
def test_invitation_email_is_queued_on_commit_and_sent_by_the_database_worker() -> None:
    coach = make_coach()
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        invite_athlete(coach=coach, email="runner@example.org", message="Hi", now=timezone.now())
        assert mail.outbox == []  # queued, not sent inside the request
        call_command(
            "db_worker", queue_name="*", batch=True, reload=False, startup_delay=False, verbosity=0
        )
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["runner@example.org"]
    assert "/invite/" in email.body
    assert coach.full_name in email.subject


@pytest.mark.django_db(transaction=True)
def test_invitation_email_runs_through_redis_backend(settings) -> None:  # type: ignore[no-untyped-def]
    url = settings.TEST_REDIS_URL
    if not _redis_available(url):
        if os.environ.get("CI") or os.environ.get("TAGALONG_TEST_TASKS") == "redis":
            pytest.fail(f"Redis is not reachable at {url}")
        pytest.skip("Redis not running")
    import django_rq
    from django_tasks_rq import Job
    from rq import SimpleWorker

    coach = make_coach()
    invitation = make_invitation(coach=coach)
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}},
        RQ_QUEUES={"default": {"URL": url}},
    ):
        queue = django_rq.get_queue("default", job_class=Job)
        queue.empty()
        result = send_invitation_email.enqueue(invitation.pk)
        assert mail.outbox == []
        worker = SimpleWorker([queue], connection=queue.connection, job_class=Job)
        worker.work(burst=True)
        result.refresh()
        assert result.status == "SUCCESSFUL"
        assert result.return_value == "sent"
    assert [m.to for m in mail.outbox] == [[invitation.email]]


@pytest.mark.django_db
def test_invitation_task_does_nothing_for_a_revoked_invitation() -> None:
    invitation = make_invitation(coach=make_coach())
    invitation.revoked_at = timezone.now()
    invitation.save()
    assert send_invitation_email.call(invitation.pk) == "revoked"
    assert mail.outbox == []


@pytest.mark.django_db
def test_invitation_task_tolerates_a_deleted_invitation() -> None:
    assert send_invitation_email.call(999_999) == "gone"
