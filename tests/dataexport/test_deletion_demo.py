"""Delete a demo runner and a demo coach for real (the whole demo record loaded), then look
through every table and every file for what is left of them."""

from __future__ import annotations

import json
import os
from datetime import timedelta

import pytest
from django.apps import apps
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client
from django.utils import timezone

from tagalong.accounts.models import Invitation, User
from tagalong.activities.models import Activity, DailyLoad
from tagalong.activities.services import start_import
from tagalong.assessments.models import CalfCheckRun, Intake, TestResult
from tagalong.athletes.models import AthleteProfile
from tagalong.audit.models import AuditEntry
from tagalong.bookings.models import FORMER_COACH, Booking, SessionNote
from tagalong.dataexport.deletion import GRACE, carry_out, confirm_deletion, request_deletion
from tagalong.dataexport.models import DataExport
from tagalong.dataexport.services import request_export
from tagalong.demo import load_demo
from tagalong.messaging.files import check_file
from tagalong.messaging.models import FORMER_MEMBER, Attachment, CoachNote, Message, Thread
from tagalong.messaging.services import post_message
from tagalong.notifications.models import Notification
from tagalong.plans.models import Plan, PlanSession
from tagalong.shoes.models import Shoe
from tagalong.symptoms.models import SymptomLog
from tests.dataexport.conftest import FENIX_RUN

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def _carried_out(user: User, capture) -> None:  # type: ignore[no-untyped-def]
    with capture(execute=True):
        request = request_deletion(user=user)
    confirm_deletion(request=request)
    with capture(execute=True):
        assert carry_out(request.pk, now=timezone.now() + GRACE + timedelta(minutes=1))


def _every_text_in_the_database(*, skip: tuple[type[models.Model], ...]) -> list[str]:
    """Every text and JSON value of every row of every table of ours, as one list."""
    found: list[str] = []
    for model in apps.get_models():
        if not model.__module__.startswith("tagalong.") or model in skip:
            continue
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
        ]
        for row in model.objects.values_list(*fields) if fields else []:
            found.extend(json.dumps(v) if not isinstance(v, str) else v for v in row)
    return found


@pytest.fixture
def demo(django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    assert load_demo()
    priya = AthleteProfile.objects.get(user__email="priya@demo.tagalong")
    with django_capture_on_commit_callbacks(execute=True):
        start_import(
            athlete=priya,
            by=priya.user,
            upload=[SimpleUploadedFile("morning-run.fit", FENIX_RUN.read_bytes())],
        )
        request_export(athlete=priya, by=priya.user)
    thread = Thread.objects.get(athlete=priya)
    post_message(
        thread=thread, author=priya.user, text="Calf photo", files=[check_file("c.png", PNG)]
    )
    return priya


def test_a_demo_runner_leaves_nothing_behind_but_the_coach_keeps_the_conversation(
    demo: AthleteProfile, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    priya, user = demo, demo.user
    email, name, profile_id = user.email, user.full_name, priya.pk
    coach = priya.links.get().coach
    Invitation.objects.create(
        email=email,
        coach=coach,
        practice=coach.coach_profile.practice,
        created_at=timezone.now(),
        expires_at=timezone.now() + timedelta(days=1),
        accepted_by=user,
    )
    files = [a.original.path for a in Activity.objects.filter(athlete=priya).exclude(original="")]
    files += [a.file.path for a in Attachment.objects.filter(message__author=user)]
    files += [e.file.path for e in DataExport.objects.filter(athlete=priya)]
    assert len(files) == 3 and all(os.path.exists(p) for p in files)
    others = [a.original.path for a in Activity.objects.exclude(athlete=priya).exclude(original="")]
    sam = AthleteProfile.objects.get(user__email="sam@demo.tagalong")
    sam_rows = (
        Activity.objects.filter(athlete=sam).count(),
        Plan.objects.filter(athlete=sam).count(),
    )
    thread = Thread.objects.get(athlete=priya)
    coach_lines = list(
        Message.objects.filter(thread=thread, author=coach).values_list("text", flat=True)
    )

    _carried_out(user, django_capture_on_commit_callbacks)

    assert not User.objects.filter(email=email).exists()
    assert not os.path.exists(files[0]) and not any(os.path.exists(p) for p in files)
    assert all(os.path.exists(p) for p in others)
    for model in (Activity, DailyLoad, SymptomLog, Shoe, Plan, Intake, CalfCheckRun):
        assert not model.objects.filter(athlete_id=profile_id).exists(), model.__name__
    assert not PlanSession.objects.filter(plan__athlete_id=profile_id).exists()
    assert not TestResult.objects.filter(session__athlete_id=profile_id).exists()
    # Her name and address are nowhere, except in the notice that told her coach she left.
    texts = _every_text_in_the_database(skip=(Notification,))
    assert not [t for t in texts if email in t], "her email address is still stored"
    assert not [t for t in texts if name in t], "her name is still stored"
    told = Notification.objects.get(user=coach, kind="account_deleted")
    assert name in told.title
    assert any(coach.email in m.to and "deleted" in m.subject for m in mail.outbox)
    assert AuditEntry.objects.filter(action="account.deleted").count() == 1

    thread.refresh_from_db()
    assert thread.athlete_name == FORMER_MEMBER
    assert (
        list(Message.objects.filter(thread=thread, author=coach).values_list("text", flat=True))
        == coach_lines
    )
    assert not Message.objects.filter(thread=thread, removed=False, author__isnull=True).exists()
    assert not CoachNote.objects.filter(thread=thread).exists()
    page = Client()
    page.force_login(coach)
    answer = page.get(f"/messages/{thread.pk}/")
    assert answer.status_code == 200 and FORMER_MEMBER.encode() in answer.content
    assert (
        Activity.objects.filter(athlete=sam).count(),
        Plan.objects.filter(athlete=sam).count(),
    ) == sam_rows


def _record_of(athlete: AthleteProfile) -> dict[str, int]:
    return {
        "activities": Activity.objects.filter(athlete=athlete).count(),
        "daily load": DailyLoad.objects.filter(athlete=athlete).count(),
        "symptoms": SymptomLog.objects.filter(athlete=athlete).count(),
        "shoes": Shoe.objects.filter(athlete=athlete).count(),
        "plans": Plan.objects.filter(athlete=athlete).count(),
        "plan sessions": PlanSession.objects.filter(plan__athlete=athlete).count(),
        "intake": Intake.objects.filter(athlete=athlete).count(),
        "tests": TestResult.objects.filter(session__athlete=athlete).count(),
        "calf checks": CalfCheckRun.objects.filter(athlete=athlete).count(),
        "messages": Message.objects.filter(thread__athlete=athlete).count(),
        "past bookings": Booking.objects.filter(
            athlete=athlete, session__start__lt=timezone.now()
        ).count(),
        "advice shared": SessionNote.objects.filter(athlete=athlete)
        .exclude(shared_advice="")
        .filter(session__start__lt=timezone.now())
        .count(),
    }


def test_a_demo_coach_goes_and_their_runners_are_told_and_keep_their_whole_record(
    demo: AthleteProfile, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    maya = User.objects.get(email="coach@demo.tagalong")
    runners = list(AthleteProfile.objects.filter(links__coach=maya).distinct())
    assert len(runners) == 3
    before = {r.pk: _record_of(r) for r in runners}
    assert all(sum(record.values()) for record in before.values())

    _carried_out(maya, django_capture_on_commit_callbacks)

    assert not User.objects.filter(email="coach@demo.tagalong").exists()
    for runner in runners:
        assert _record_of(runner) == before[runner.pk], runner.name
        note = Notification.objects.get(user=runner.user, kind="account_deleted")
        assert "Maya Okafor" in note.title and "stays with you" in note.body
        assert any(runner.user.email in m.to for m in mail.outbox)
        client = Client()
        client.force_login(runner.user)
        assert client.get(f"/athletes/{runner.pk}/plans/").status_code == 200
        assert client.get(f"/athletes/{runner.pk}/activities/").status_code == 200
        thread = Thread.objects.get(athlete=runner)
        assert thread.coach_name == FORMER_MEMBER
        assert client.get(f"/messages/{thread.pk}/").status_code == 200
        for booking in Booking.objects.filter(athlete=runner):
            page = client.get(f"/sessions/{booking.session_id}/")
            assert page.status_code == 200 and FORMER_COACH.encode() in page.content
        assert client.get("/me/sessions/").status_code == 200
        assert client.get("/api/bookings").status_code == 200
    assert not Booking.objects.filter(session__start__gte=timezone.now(), session__coach=None)
    assert not SessionNote.objects.filter(session__coach=None).exclude(private_note="").exists()
    assert sum(before[r.pk]["past bookings"] for r in runners), "the demo has past bookings"
    entry = AuditEntry.objects.get(action="account.deleted")
    assert entry.data["role"] == "coach"
