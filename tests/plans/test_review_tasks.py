"""Reviews on new data (the three hooks) and nightly, and the data a review reads."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from tagalong.activities import tasks as activity_tasks
from tagalong.activities.models import Activity
from tagalong.assessments.services import record_test_session
from tagalong.plans import hooks, review_inputs, tasks
from tagalong.plans.models import Plan, Proposal
from tagalong.plans.selectors.lookups import athlete_today, monday_of
from tagalong.symptoms.models import SymptomLog
from tagalong.symptoms.services import log_symptoms
from tests.factories import World, make_athlete
from tests.plans.conftest import generate


@pytest.fixture
def calls(monkeypatch):  # type: ignore[no-untyped-def]
    seen: list[tuple[int, str]] = []

    def fake_review(*, athlete, source, today=None):  # type: ignore[no-untyped-def]
        seen.append((athlete.pk, source))
        return []

    monkeypatch.setattr(tasks, "review_athlete", fake_review)
    return seen


def current_plan(world: World) -> Plan:
    """A plan that began last Monday, so today is inside it."""
    today = athlete_today(world.athlete_a)
    return generate(world, start=monday_of(today) - dt.timedelta(days=7))


def test_a_calf_log_queues_a_review_that_proposes_after_commit(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    current_plan(world)
    today = athlete_today(world.athlete_a)
    with django_capture_on_commit_callbacks(execute=True):
        log_symptoms(
            athlete=world.athlete_a,
            by=world.athlete_a.user,
            day=today,
            scores={"calf_pain_left_during": 7},
        )
    proposal = Proposal.objects.get()
    assert proposal.trigger == "pain" and proposal.source == "symptoms"


def test_new_test_results_queue_a_review(
    world: World, calls, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        record_test_session(
            athlete=world.athlete_a,
            by=world.coach_a,
            day=dt.date(2026, 3, 2),
            values={"heel_raise": (20.0, 22.0)},
        )
    assert calls == [(world.athlete_a.pk, "retest")]


def test_a_finished_import_part_queues_a_review(
    world: World, calls, monkeypatch, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    batch = SimpleNamespace(athlete_id=world.athlete_a.pk)
    monkeypatch.setattr(activity_tasks, "run_part", lambda part_id: batch)
    with django_capture_on_commit_callbacks(execute=True):
        activity_tasks.run_import_part.call(1)
    assert calls == [(world.athlete_a.pk, "import")]


def test_the_hook_queues_the_review_only_after_commit(
    world: World, calls, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        hooks.plan_data_changed(world.athlete_a.pk, source="symptoms")
    assert calls == [] and len(callbacks) == 2  # the plan review, then the attention refresh
    callbacks[0]()
    assert calls == [(world.athlete_a.pk, "symptoms")]


def test_nothing_is_queued_when_the_save_rolls_back(world: World, calls) -> None:  # type: ignore[no-untyped-def]
    # Inside the test transaction the on-commit callback never runs.
    log_symptoms(
        athlete=world.athlete_a,
        by=None,
        day=dt.date(2026, 3, 2),
        scores={"calf_pain_left_during": 7},
    )
    assert calls == []


def test_the_nightly_review_visits_every_athlete_with_an_active_plan(world: World, calls) -> None:  # type: ignore[no-untyped-def]
    generate(world)
    other = make_athlete(coach=world.coach_a)
    generate(world, athlete=other)
    make_athlete(coach=world.coach_a)  # no plan: not reviewed
    assert tasks.nightly_plan_review.call() == 0
    assert sorted(calls) == sorted([(world.athlete_a.pk, "nightly"), (other.pk, "nightly")])


def test_one_failing_athlete_does_not_stop_the_night(world: World, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    generate(world)
    other = make_athlete(coach=world.coach_a)
    generate(world, athlete=other)
    reviewed: list[int] = []

    def flaky(*, athlete, source, today=None):  # type: ignore[no-untyped-def]
        if athlete.pk == world.athlete_a.pk:
            raise RuntimeError("bad data")
        reviewed.append(athlete.pk)
        return [object()]

    monkeypatch.setattr(tasks, "review_athlete", flaky)
    assert tasks.nightly_plan_review.call() == 1
    assert reviewed == [other.pk]


def test_the_nightly_task_is_registered_to_run_every_day() -> None:
    from tagalong.notifications.periodic import registered

    (job,) = [j for j in registered() if j.name == "plans.nightly_review"]
    assert job.every == dt.timedelta(days=1) and job.task is tasks.nightly_plan_review


# --- what a review reads --------------------------------------------------------------------


def test_pain_scores_come_per_calf_from_the_log(world: World) -> None:
    day = dt.date(2026, 3, 10)
    SymptomLog.objects.create(
        athlete=world.athlete_a,
        day=day,
        calf_pain_left_during=6,
        calf_pain_right_next_morning=2,
        calf_tightness_left_during=9,  # tightness is not pain
    )
    scores = review_inputs.pain_scores(world.athlete_a, day)
    assert {(s.side, s.during, s.after, s.next_morning) for s in scores} == {
        ("left", 6, None, None),
        ("right", None, None, 2),
    }


def _run(world: World, day: dt.date, km: float) -> Activity:
    return Activity.objects.create(
        athlete=world.athlete_a,
        sport="running",
        start=dt.datetime.combine(day, dt.time(7), dt.UTC),
        duration_s=3000,
        moving_s=3000,
        distance_m=km * 1000,
        load_measure="duration",
    )


def test_runs_are_none_for_an_athlete_who_has_not_recorded_for_4_weeks(world: World) -> None:
    today = dt.date(2026, 3, 31)
    _run(world, today - dt.timedelta(days=35), 10)
    assert review_inputs.done_runs(world.athlete_a, today) is None
    _run(world, today - dt.timedelta(days=3), 8)
    runs = review_inputs.done_runs(world.athlete_a, today)
    assert runs is not None and sorted(r.distance_km for r in runs) == [8.0, 10.0]


def test_heel_raise_tests_compare_on_one_protocol(world: World) -> None:
    for day, protocol, reps in (
        (dt.date(2026, 1, 5), "1", 12.0),
        (dt.date(2026, 2, 5), "2", 30.0),
        (dt.date(2026, 3, 5), "1", 20.0),
    ):
        record_test_session(
            athlete=world.athlete_a,
            by=world.coach_a,
            day=day,
            values={"heel_raise": (reps, reps + 1)},
            protocol_version=protocol,
        )
    tests = review_inputs.heel_raise_tests(world.athlete_a)
    assert [(t.day, t.reps.left) for t in tests] == [
        (dt.date(2026, 1, 5), 12.0),
        (dt.date(2026, 3, 5), 20.0),
    ]
