from __future__ import annotations

import datetime as dt

import pytest

from tagalong.activities.models import Activity
from tagalong.assessments.models import CalfCheckRun
from tagalong.messaging.models import Message
from tagalong.plans.models import Plan, PlanSession
from tagalong.symptoms.models import SymptomLog
from tests.factories import World, make_athlete

pytestmark = pytest.mark.django_db


def test_a_plan_session_comment_appears_in_the_thread_with_a_link_back(
    world: World, client_for
) -> None:
    start = dt.date(2026, 3, 2)
    plan = Plan.objects.create(
        athlete=world.athlete_a,
        title="10K",
        goal_type="10k",
        start=start,
        end=start + dt.timedelta(days=27),
        created_by=world.coach_a,
    )
    session = PlanSession.objects.create(
        plan=plan, date=start + dt.timedelta(days=1), kind="run", run_type="easy", duration_min=40
    )
    url = f"/athletes/{world.athlete_a.pk}/sessions/{session.pk}/"
    client_for(world.athlete_a.user).post(url + "comments/", {"text": "Calf tight at 5 km."})
    message = Message.objects.get()
    assert message.thread.coach == world.coach_a
    assert (message.subject_kind, message.subject_url) == ("plan_session", url)
    assert message.subject_label == "Easy run, Tue 3 Mar"
    page = client_for(world.coach_a).get(f"/messages/{message.thread_id}/")
    assert f'href="{url}"'.encode() in page.content


RECENT = dt.date.today() - dt.timedelta(days=2)  # the history page shows recent logs


def _symptom_log(world: World) -> SymptomLog:
    return SymptomLog.objects.create(athlete=world.athlete_a, day=RECENT, calf_pain_left_after=4)


def _run(world: World) -> Activity:
    return Activity.objects.create(
        athlete=world.athlete_a,
        sport="running",
        name="Hill reps",
        start=dt.datetime(2026, 3, 4, 7, tzinfo=dt.UTC),
        duration_s=2700,
        moving_s=2700,
        distance_m=8000,
    )


def _calf_check(world: World) -> CalfCheckRun:
    return CalfCheckRun.objects.create(
        athlete=world.athlete_a,
        by=world.athlete_a.user,
        case={},
        result={},
        created_at=dt.datetime(2026, 3, 5, 9, tzinfo=dt.UTC),
    )


@pytest.mark.parametrize(
    ("kind", "make", "label", "back", "page_link"),
    [
        (
            "symptom_log",
            _symptom_log,
            f"Symptom log, {RECENT:%a} {RECENT.day} {RECENT:%b}",
            "/athletes/{a}/symptoms/#log-{s}",
            "/athletes/{a}/symptoms/",
        ),
        (
            "activity",
            _run,
            "Hill reps, Wed 4 Mar",
            "/athletes/{a}/activities/{s}/",
            "/athletes/{a}/activities/{s}/",
        ),
        (
            "calf_check",
            _calf_check,
            "Calf check, Thu 5 Mar",
            "/athletes/{a}/calf-check/#run-{s}",
            "/athletes/{a}/calf-check/",
        ),
    ],
)
def test_a_comment_on_a_log_a_run_or_a_calf_check_appears_in_the_thread_with_a_link_back(
    world: World, client_for, kind: str, make, label: str, back: str, page_link: str
) -> None:  # type: ignore[no-untyped-def]
    subject = make(world)
    a, s = world.athlete_a.pk, subject.pk
    form = f"/athletes/{a}/comments/{kind}/{s}/"
    runner = client_for(world.athlete_a.user)
    assert form.encode() in runner.get(page_link.format(a=a, s=s)).content  # linked from there
    sent = runner.post(form, {"text": "Calf tight at 5 km."})
    assert sent.status_code == 302 and sent["Location"] == back.format(a=a, s=s)
    message = Message.objects.get()
    assert message.thread.coach == world.coach_a and message.author == world.athlete_a.user
    assert (message.subject_kind, message.subject_label) == (kind, label)
    page = client_for(world.coach_a).get(f"/messages/{message.thread_id}/").content.decode()
    assert f'href="{back.format(a=a, s=s)}"' in page and "Comment on <a" in page


def test_comments_through_the_api_and_their_errors(world: World, client_for) -> None:
    log = _symptom_log(world)
    url = f"/api/athletes/{world.athlete_a.pk}/comments/symptom_log/{log.pk}"
    coach = client_for(world.coach_a)
    made = coach.post(url, {"text": "Ease off tomorrow."}, content_type="application/json")
    assert made.status_code == 201
    (out,) = made.json()
    assert out["subject_kind"] == "symptom_log" and out["subject_url"].endswith(f"#log-{log.pk}")
    empty = coach.post(url, {"text": "  "}, content_type="application/json")
    assert empty.status_code == 400 and empty.json()["error"]["field"] == "text"
    other = SymptomLog.objects.create(athlete=world.athlete_b, day=dt.date(2026, 3, 3))
    foreign = f"/api/athletes/{world.athlete_a.pk}/comments/symptom_log/{other.pk}"
    assert coach.post(foreign, {"text": "x"}, content_type="application/json").status_code == 404
    assert Message.objects.count() == 1


def test_a_runner_without_a_coach_is_told_there_is_nobody_to_send_it_to(
    world: World, client_for
) -> None:
    runner = make_athlete()
    log = SymptomLog.objects.create(athlete=runner, day=dt.date(2026, 3, 3))
    answer = client_for(runner.user).post(
        f"/athletes/{runner.pk}/comments/symptom_log/{log.pk}/", {"text": "Sore."}
    )
    assert answer.status_code == 400 and b"no coach to send this to" in answer.content
    assert b"Sore.</textarea>" in answer.content and not Message.objects.exists()
