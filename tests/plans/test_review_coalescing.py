"""Plan reviews are coalesced per athlete: one waiting review at a time, however many saves."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tagalong.plans import hooks, tasks
from tagalong.plans.models import PendingReview
from tagalong.symptoms.services import log_symptoms
from tests.factories import make_athlete

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _reviews_queued() -> int:
    return DBTaskResult.objects.filter(task_path__endswith="review_plan", status="READY").count()


def _log(athlete, day: dt.date) -> None:  # type: ignore[no-untyped-def]
    log_symptoms(athlete=athlete, by=athlete.user, day=day, scores={"calf_pain_left_during": 2})


@pytest.mark.django_db(transaction=True)
def test_many_symptom_saves_queue_one_review_per_athlete(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    reviewed: list[int] = []
    monkeypatch.setattr(
        tasks, "review_athlete", lambda *, athlete, source: reviewed.append(athlete.pk) or []
    )
    first, second = make_athlete(), make_athlete()
    today = timezone.now().date()
    with override_settings(TASKS=DB_TASKS):
        for n in range(20):
            _log(first, today - dt.timedelta(days=n))
        _log(second, today)
        assert _reviews_queued() == 2
        call_command(
            "db_worker", queue_name="*", batch=True, reload=False, startup_delay=False, verbosity=0
        )
        assert sorted(reviewed) == sorted([first.pk, second.pk])
        assert not PendingReview.objects.exists()
        _log(first, today)  # new data after the review: a new one is queued
        assert _reviews_queued() == 1


@pytest.mark.django_db(transaction=True)
def test_a_review_lost_with_the_queue_does_not_hold_the_next_back() -> None:
    athlete = make_athlete()
    long_ago = timezone.now() - hooks.STALE_AFTER - dt.timedelta(minutes=1)
    PendingReview.objects.create(athlete=athlete, source="symptoms", queued_at=long_ago)
    with override_settings(TASKS=DB_TASKS):
        _log(athlete, timezone.now().date())
        assert _reviews_queued() == 1
