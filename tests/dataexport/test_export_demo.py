"""Export a demo athlete, open the zip, and check every area against the database."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tagalong.activities.models import Activity, DailyLoad
from tagalong.activities.services import start_import
from tagalong.assessments import selectors as assessment_selectors
from tagalong.assessments.models import CalfCheckRun, Intake, TestResult, TestSession
from tagalong.assessments.services import run_calf_check
from tagalong.athletes.models import AthleteProfile
from tagalong.bookings.models import Booking, SessionNote
from tagalong.dataexport import registry
from tagalong.dataexport.models import DataExport, ExportStatus
from tagalong.dataexport.services import request_export
from tagalong.demo import load_demo
from tagalong.messaging.files import check_file
from tagalong.messaging.models import Attachment, CoachNote, Message, Thread
from tagalong.messaging.services import add_note, post_message
from tagalong.notifications.models import Notification
from tagalong.plans.models import Plan, PlanSession
from tagalong.shoes.models import Shoe, ShoeUse
from tagalong.symptoms.models import SymptomLog
from tests.dataexport.conftest import FENIX_RUN, open_zip

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def _ids(rows: list[dict]) -> set[int]:  # type: ignore[type-arg]
    return {row["id"] for row in rows}


def _ids_of(queryset) -> set[int]:  # type: ignore[no-untyped-def]
    return set(queryset.values_list("pk", flat=True))


def _table(archive: zipfile.ZipFile, area: str, name: str) -> list[dict]:  # type: ignore[type-arg]
    rows = json.loads(archive.read(f"{area}/{name}.json"))
    with_csv = list(
        csv.DictReader(io.StringIO(archive.read(f"{area}/{name}.csv").decode("utf-8-sig")))
    )
    assert len(with_csv) == len(rows), f"{area}/{name}: CSV and JSON disagree"
    return rows


@pytest.fixture
def runner(django_capture_on_commit_callbacks) -> AthleteProfile:  # type: ignore[no-untyped-def]
    assert load_demo()
    # Priya's demo record has symptom logs, bookings, a coach's shared note and a plan.
    athlete = AthleteProfile.objects.get(user__email="priya@demo.tagalong")
    today = assessment_selectors.athlete_today(athlete)
    case = assessment_selectors.build_case(athlete, today=today)
    run_calf_check(athlete=athlete, by=athlete.user, case=case, today=today)
    with django_capture_on_commit_callbacks(execute=True):
        start_import(
            athlete=athlete,
            by=athlete.user,
            upload=[SimpleUploadedFile("morning-run.fit", FENIX_RUN.read_bytes())],
        )
    thread = Thread.objects.get(athlete=athlete)
    post_message(thread=thread, author=athlete.user, text="", files=[check_file("calf.png", PNG)])
    add_note(thread=thread, author=thread.coach, text="Private: ask about the new shoes")
    return athlete


def test_every_area_of_a_demo_athlete_is_in_the_zip(
    runner: AthleteProfile, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        export = request_export(athlete=runner, by=runner.user)
    export.refresh_from_db()
    assert export.status == ExportStatus.DONE and export.percent == 100
    assert export.areas_done == export.areas_total == len(registry.areas())
    archive = open_zip(export.file.read())

    [profile] = _table(archive, "profile", "profile")
    assert (profile["email"], profile["time_zone"]) == (runner.user.email, runner.time_zone)
    assert (
        len(_table(archive, "intake", "intake"))
        == Intake.objects.filter(athlete=runner).count()
        == 1
    )
    assert _ids(_table(archive, "tests", "sessions")) == _ids_of(
        TestSession.objects.filter(athlete=runner)
    )
    results = TestResult.objects.filter(session__athlete=runner)
    assert results.exists()
    assert _ids(_table(archive, "tests", "results")) == _ids_of(results)
    [permission] = _table(archive, "profile", "permissions")
    assert permission["colleague"] == "everyone at the practice"  # the demo: Priya allows all
    checks = _table(archive, "calf_checks", "calf_checks")
    assert len(checks) == CalfCheckRun.objects.filter(athlete=runner).count() == 1
    assert checks[0]["result"] == CalfCheckRun.objects.get(athlete=runner).result

    activities = {row["id"]: row for row in _table(archive, "activities", "activities")}
    assert set(activities) == set(
        Activity.objects.filter(athlete=runner).values_list("pk", flat=True)
    )
    imported = Activity.objects.get(athlete=runner, manual=False)
    assert activities[imported.pk]["metrics"] == json.loads(json.dumps(imported.metrics))
    originals = [n for n in archive.namelist() if n.startswith("activities/originals/")]
    assert len(originals) == Activity.objects.filter(athlete=runner).exclude(original="").count()
    [original] = originals
    assert archive.read(original) == FENIX_RUN.read_bytes()

    loads = _table(archive, "daily_load", "daily_load")
    assert len(loads) == DailyLoad.objects.filter(athlete=runner).count() > 0
    assert sum(r["load"] for r in loads) == pytest.approx(
        sum(DailyLoad.objects.filter(athlete=runner).values_list("load", flat=True))
    )
    assert (
        len(_table(archive, "symptoms", "symptoms"))
        == SymptomLog.objects.filter(athlete=runner).count()
        == 14
    )
    shoes = Shoe.objects.filter(athlete=runner)
    assert _ids(_table(archive, "shoes", "shoes")) == _ids_of(shoes) and shoes.exists()
    assert _ids(_table(archive, "shoes", "uses")) == _ids_of(
        ShoeUse.objects.filter(shoe__athlete=runner)
    )

    assert len(_table(archive, "plans", "plans")) == Plan.objects.filter(athlete=runner).count() > 0
    sessions = PlanSession.objects.filter(plan__athlete=runner)
    assert _ids(_table(archive, "plans", "sessions")) == _ids_of(sessions)
    assert archive.read("plans/plan.ics").startswith(b"BEGIN:VCALENDAR")
    workouts = [n for n in archive.namelist() if n.startswith("plans/workouts/")]
    assert len(workouts) == sessions.filter(kind="run").count()
    assert all(archive.read(n)[8:12] == b".FIT" for n in workouts)

    booked = Booking.objects.filter(athlete=runner)
    assert _ids(_table(archive, "bookings", "bookings")) == _ids_of(booked) and booked.count() == 2
    notes = _table(archive, "notes", "session_notes")
    shared = SessionNote.objects.filter(athlete=runner).exclude(shared_advice="")
    assert [n["shared_advice"] for n in notes] == [shared.get().shared_advice]
    assert all("private_note" not in row for row in notes)

    messages = _table(archive, "messages", "messages")
    assert sorted(m["text"] for m in messages) == sorted(
        Message.objects.filter(thread__athlete=runner).values_list("text", flat=True)
    )
    sent_files = [n for n in archive.namelist() if n.startswith("messages/files/")]
    assert len(sent_files) == Attachment.objects.filter(message__thread__athlete=runner).count()
    assert archive.read(sent_files[0]) == PNG
    private = set(CoachNote.objects.filter(thread__athlete=runner).values_list("text", flat=True))
    assert private and not any(
        text.encode() in archive.read(n) for n in archive.namelist() for text in private
    )

    assert Notification.objects.filter(user=runner.user, kind="export_ready").exists()
    assert any("ready" in m.subject and runner.user.email in m.to for m in mail.outbox)


def test_the_download_is_for_the_runner_and_the_coach_who_asked(
    runner: AthleteProfile, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    coach = runner.links.get().coach
    with django_capture_on_commit_callbacks(execute=True):
        export = request_export(athlete=runner, by=coach)
    client = Client()
    client.force_login(coach)
    answer = client.get(f"/exports/{export.pk}/download/")
    assert answer.status_code == 200 and answer["Content-Type"] == "application/zip"
    open_zip(b"".join(answer.streaming_content)).testzip()
    assert Notification.objects.filter(user=coach, kind="export_ready").exists()
    other = AthleteProfile.objects.get(user__email="sam@demo.tagalong").user
    client.force_login(other)
    assert client.get(f"/exports/{export.pk}/download/").status_code == 404
    assert DataExport.objects.get(pk=export.pk).requested_by == coach
