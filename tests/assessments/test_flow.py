from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time

from tagalong.assessments import models as m
from tagalong.assessments import selectors
from tagalong.assessments.selectors import build_case
from tagalong.assessments.services import record_test_session
from tagalong.assessments.tasks import send_retest_reminders
from tagalong.calfcheck import case_from_json, check_calves, result_to_json
from tagalong.calfcheck.engine import CAUSES
from tagalong.cli import main as cli_main
from tagalong.exercises import LIBRARY
from tests.assessments import athlete_data
from tests.factories import PASSWORD, make_athlete, make_coach

pytestmark = pytest.mark.django_db

INTAKE = {
    "goal": "race_10k",
    "weekly_km": "30",
    "longest_run_km_30d": "12",
    "tight_after": "5",
    "tight_next_morning": "3",
    "tight_side": "left",
}
TESTS = {
    "date": "2026-11-01",
    "heel_raise_left": "14",
    "heel_raise_right": "24",
    "single_leg_bridge_left": "18",
    "single_leg_bridge_right": "26",
}


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def test_intake_tests_and_calf_check_flow_matches_the_cli_path(
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    athlete = make_athlete(coach=make_coach())
    client = _client(athlete.user)
    base = f"/athletes/{athlete.pk}"
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"{base}/intake/", INTAKE).status_code == 302
    assert client.post(f"{base}/tests/", TESTS).status_code == 302
    page = client.get(f"{base}/tests/").content.decode()
    assert "norm" in page and "expert target" in page
    assert client.post(f"{base}/calf-check/").status_code == 302
    run = m.CalfCheckRun.objects.get(athlete=athlete)
    case = build_case(athlete, today=timezone.localdate())
    assert run.case == case
    assert run.result == result_to_json(
        check_calves(case_from_json(case), today=timezone.localdate())
    )
    assert run.result["findings"][0]["cause"] == "capacity_vs_load"
    page = client.get(f"{base}/calf-check/").content.decode()
    assert "Calves too weak for the load, or the load too much" in page
    assert "capacity_vs_load" not in page and "Training advice, not medical advice" in page
    assert mail.outbox == []


def test_web_check_uses_runs_shoes_and_symptom_log_like_the_cli_with_the_same_case(
    tmp_path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    athlete = make_athlete(coach=make_coach())
    athlete_data.add_everything(athlete)
    path = tmp_path / "case.json"
    path.write_text(json.dumps(athlete_data.EQUIVALENT_CASE), encoding="utf-8")
    monkeypatch.setattr(selectors, "athlete_today", lambda athlete: athlete_data.TODAY)
    client = _client(athlete.user)
    assert client.post(f"/athletes/{athlete.pk}/calf-check/").status_code == 302
    with freeze_time(athlete_data.NOW):  # the command line reads today from the clock
        assert cli_main(["calf-check", "--json", str(path)]) == 0
    page = client.get(f"/athletes/{athlete.pk}/calf-check/").content.decode()
    run = m.CalfCheckRun.objects.get(athlete=athlete)
    assert run.case == athlete_data.EQUIVALENT_CASE
    assert run.result == json.loads(capsys.readouterr().out)
    by_cause = {f["cause"]: f for f in run.result["findings"]}
    assert by_cause["technique"]["verdict"] == "likely"
    assert by_cause["shoes"]["missing"] == []
    assert "2026-03-12" in page and "New Novablast" in page and "2026-03-14" in page


def test_red_flag_stops_the_flow_and_alerts_the_coach(
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    coach = make_coach()
    athlete = make_athlete(coach=coach)
    client = _client(athlete.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/athletes/{athlete.pk}/intake/", {**INTAKE, "red_flags": ["one_sided_calf_swelling"]}
        )
    assert response.status_code == 302 and response["Location"].endswith("/calf-check/")
    page = client.get(f"/athletes/{athlete.pk}/calf-check/").content.decode()
    assert "seek urgent medical care" in page and "Run the calf check" not in page
    assert client.get(f"/athletes/{athlete.pk}/tests/").status_code == 302
    assert [m.to for m in mail.outbox] == [[coach.email]]
    from django.template.loader import render_to_string

    from tagalong.assessments.sections import build_section

    ctx = {**build_section(None, athlete), "athlete": athlete}  # type: ignore[arg-type]
    assert "Red flag reported" in render_to_string("assessments/_section.html", {"ctx": ctx})
    client.post(f"/athletes/{athlete.pk}/calf-check/")
    assert m.CalfCheckRun.objects.get().result["stop"] is True
    assert m.Intake.objects.get().coach_alerted_at is not None


def test_public_self_check_stores_nothing() -> None:
    before = (
        m.Intake.objects.count(),
        m.TestSession.objects.count(),
        m.CalfCheckRun.objects.count(),
    )
    response = Client().post(
        "/calf-check/",
        {
            "age": "40",
            "sex": "female",
            "heel_raise_left": "12",
            "heel_raise_right": "20",
            "tight_after": "6",
        },
    )
    assert response.status_code == 200
    assert b"Calves too weak for the load, or the load too much" in response.content
    assert b"capacity_vs_load" not in response.content
    after = (
        m.Intake.objects.count(),
        m.TestSession.objects.count(),
        m.CalfCheckRun.objects.count(),
    )
    assert before == after == (0, 0, 0)


def test_self_check_red_flag_shows_only_the_urgent_message() -> None:
    response = Client().post("/calf-check/", {"red_flags": ["chest_pain"], "tight_after": "6"})
    assert b"seek urgent medical care" in response.content
    assert b"Calves too weak for the load" not in response.content


def test_self_check_refuses_more_than_five_files() -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    files = [SimpleUploadedFile(f"r{i}.gpx", b"<gpx/>") for i in range(6)]
    response = Client().post("/calf-check/", {"tight_after": "4", "files": files})
    assert b"Up to 5 files" in response.content


def test_self_check_names_a_bad_file() -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("broken.gpx", b"not xml at all")
    response = Client().post("/calf-check/", {"tight_after": "4", "files": [bad]})
    assert b"broken.gpx:" in response.content


def test_every_action_slug_the_engine_can_emit_is_in_the_library() -> None:
    from tagalong.calfcheck import capacity, hips, soft_tissue, technique

    slugs = set()
    for module in (capacity, hips, soft_tissue, technique):
        source = open(module.__file__, encoding="utf-8").read()  # noqa: SIM115
        slugs |= {part.split('"')[1] for part in source.split("exercise=")[1:]}
    assert slugs and slugs <= set(LIBRARY), slugs - set(LIBRARY)
    assert len(CAUSES) == 5


def test_retest_reminder_is_sent_once_per_due_date() -> None:
    athlete = make_athlete()
    record_test_session(
        athlete=athlete,
        by=athlete.user,
        day=timezone.localdate() - timedelta(weeks=5),
        values={"heel_raise": (20, 22)},
    )
    assert send_retest_reminders.call() == 1
    assert send_retest_reminders.call() == 0
    assert len(mail.outbox) == 1 and m.RetestReminder.objects.filter(athlete=athlete).exists()


def test_recent_test_needs_no_reminder() -> None:
    athlete = make_athlete()
    record_test_session(
        athlete=athlete, by=athlete.user, day=timezone.localdate(), values={"heel_raise": (20, 22)}
    )
    assert send_retest_reminders.call() == 0


def test_public_exercise_and_article_pages() -> None:
    assert b"Cues" in Client().get("/exercises/single-leg-heel-raise/").content
    assert Client().get("/exercises/no-such/").status_code == 404
    assert Client().get("/api/exercises/side-plank").json()["slug"] == "side-plank"


def test_missing_data_says_in_plain_words_what_would_settle_it_with_a_link() -> None:
    athlete = make_athlete(coach=make_coach())
    client = _client(athlete.user)
    record_test_session(
        athlete=athlete, by=athlete.user, day=timezone.localdate(), values={"heel_raise": (20, 22)}
    )
    client.post(f"/athletes/{athlete.pk}/calf-check/")
    page = client.get(f"/athletes/{athlete.pk}/calf-check/").content.decode()
    assert "What would settle it" in page
    assert f'href="/athletes/{athlete.pk}/activities/upload/">Import your runs' in page
    assert f'href="/athletes/{athlete.pk}/shoes/">Add the shoes you run in' in page
    assert f'href="/athletes/{athlete.pk}/symptoms/new/">Log how your calves feel' in page
    assert "retire_km" not in page  # the engine's field names stay out of the page


def test_self_check_hints_have_no_links_to_an_athletes_pages() -> None:
    response = Client().post("/calf-check/", {"tight_after": "4"})
    assert b"Add the shoes you run in" in response.content
    assert b"/shoes/" not in response.content


def test_self_check_takes_cadence_from_a_run_file_as_the_command_line_does(
    tmp_path, capsys
) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from django.core.files.uploadedfile import SimpleUploadedFile

    run = Path(__file__).resolve().parents[3] / "shared/corpus/fitparse/garmin-fenix-5-run.fit"
    if not run.exists():
        pytest.skip("the shared corpus is not here")
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"activity_files": [str(run)]}), encoding="utf-8")
    assert cli_main(["calf-check", "--json", str(case)]) == 0
    technique = next(
        f for f in json.loads(capsys.readouterr().out)["findings"] if f["cause"] == "technique"
    )
    cadence = technique["evidence"][0]
    upload = SimpleUploadedFile(run.name, run.read_bytes())
    page = Client().post("/calf-check/", {"files": [upload]}).content.decode()
    assert f"{cadence['label']}: {cadence['value']} spm" in page


def test_self_check_reads_every_running_leg_of_a_multisport_file() -> None:
    from pathlib import Path

    from django.core.files.uploadedfile import SimpleUploadedFile

    from tagalong.assessments.views import _summaries

    fixtures = Path(__file__).resolve().parents[1] / "activityfile/fixtures"
    data = (fixtures / "multisport-session.tcx").read_bytes()  # a ride, a transition, a run
    summaries, errors = _summaries([SimpleUploadedFile("tri.tcx", data)])
    assert errors == []
    assert [(s.sport, s.distance_km) for s in summaries] == [("running", 1.8)]

    ride_only = _as_rides((fixtures / "two-activities-empty-courses.tcx").read_bytes())
    summaries, errors = _summaries([SimpleUploadedFile("rides.tcx", ride_only)])
    assert summaries == []
    assert errors == ["rides.tcx: no run in this file (ride); skipped."]


def _as_rides(data: bytes) -> bytes:
    return data.replace(b'Sport="Running"', b'Sport="Biking"')
