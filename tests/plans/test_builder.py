"""The builder's writes: add, move and copy sessions, change targets, set workout steps."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation
from django.utils.formats import date_format

from tagalong.audit.models import AuditEntry
from tagalong.errors import DomainError
from tagalong.plangen.steps import workout_from_dict
from tagalong.plans import builder
from tagalong.plans.models import Plan, PlanSession
from tagalong.plans.selectors.limits import core_session
from tests.factories import World

INTERVALS = {
    "name": "Intervals",
    "steps": [
        {"kind": "warmup", "seconds": 900},
        {
            "type": "repeat",
            "times": 5,
            "steps": [
                {
                    "kind": "work",
                    "seconds": 180,
                    "target": {"type": "pace", "fast_s_per_km": 260, "slow_s_per_km": 270},
                },
                {"kind": "recovery", "seconds": 120},
            ],
        },
        {"kind": "cooldown", "seconds": 600},
    ],
}


def _rest_day(plan: Plan) -> dt.date:
    return plan.sessions.filter(kind="rest").order_by("date").values_list("date", flat=True)[0]


def _run(plan: Plan) -> PlanSession:
    return plan.sessions.filter(kind="run").order_by("date").first()  # type: ignore[return-value]


def test_adding_a_run_on_a_rest_day_replaces_the_rest(world: World, plan: Plan) -> None:
    day = _rest_day(plan)
    session = builder.add_session(
        plan=plan, day=day, kind="run", duration_min=40, pace_range=(330, 370), by=world.coach_a
    )
    kinds = list(plan.sessions.filter(date=day).values_list("kind", flat=True))
    assert kinds == ["run"]
    assert session.run_type == "easy" and session.distance_km == pytest.approx(6.9, abs=0.1)
    plan.refresh_from_db()
    assert plan.versions.get(number=plan.current_version).reason.startswith("Easy run added on")
    assert AuditEntry.objects.filter(action="plan.session_added").count() == 1


def test_the_history_says_each_change_in_the_reader_language(world: World, plan: Plan) -> None:
    day = _rest_day(plan)
    builder.add_session(
        plan=plan, day=day, kind="run", duration_min=40, pace_range=(330, 370), by=world.coach_a
    )
    version = plan.versions.get(number=Plan.objects.get(pk=plan.pk).current_version)
    with translation.override("de"):
        said, written = str(version.said_reason), date_format(day, "j. F Y")
    assert said == f"Lockerer Lauf am {written} hinzugefügt"
    version.reason_phrase = None  # a version written before reasons kept their phrase
    assert version.said_reason == version.reason


@pytest.mark.parametrize("kind", ["strength", "cross", "mobility"])
def test_each_kind_of_session_can_be_added(world: World, plan: Plan, kind: str) -> None:
    session = builder.add_session(
        plan=plan, day=_rest_day(plan), kind=kind, duration_min=30, by=world.coach_a
    )
    assert session.kind == kind and session.run_type == ""


def test_a_day_outside_the_plan_is_refused_naming_the_date(world: World, plan: Plan) -> None:
    with pytest.raises(DomainError) as caught:
        builder.add_session(
            plan=plan,
            day=plan.end + dt.timedelta(days=3),
            kind="run",
            duration_min=30,
            by=world.coach_a,
        )
    assert caught.value.field == "date" and "Pick a date between" in caught.value.message


def test_a_run_without_minutes_is_refused(world: World, plan: Plan) -> None:
    with pytest.raises(DomainError) as caught:
        builder.add_session(plan=plan, day=_rest_day(plan), kind="run", by=world.coach_a)
    assert caught.value.field == "duration_min"


def test_an_unknown_kind_is_refused(world: World, plan: Plan) -> None:
    with pytest.raises(DomainError) as caught:
        builder.add_session(plan=plan, day=plan.start, kind="swim", by=world.coach_a)
    assert caught.value.field == "kind"


def test_a_rest_is_refused_on_a_day_with_training(world: World, plan: Plan) -> None:
    with pytest.raises(DomainError) as caught:
        builder.add_session(plan=plan, day=_run(plan).date, kind="rest", by=world.coach_a)
    assert caught.value.field == "date" and "has training" in caught.value.message


def test_moving_a_run_onto_a_rest_day_keeps_both_days_coherent(world: World, plan: Plan) -> None:
    run = _run(plan)
    origin, target = run.date, _rest_day(plan)
    alone = not plan.sessions.filter(date=origin).exclude(pk=run.pk).exists()
    builder.move_session(session=run, to=target, by=world.coach_a)
    assert list(plan.sessions.filter(date=target).values_list("kind", flat=True)) == ["run"]
    left = list(plan.sessions.filter(date=origin).values_list("kind", flat=True))
    assert left == ["rest"] if alone else "rest" not in left


def test_a_rest_cannot_move_onto_a_day_with_training(world: World, plan: Plan) -> None:
    rest = plan.sessions.filter(kind="rest").first()
    assert rest is not None
    with pytest.raises(DomainError) as caught:
        builder.move_session(session=rest, to=_run(plan).date, by=world.coach_a)
    assert caught.value.field == "date"


def test_copying_a_session_makes_a_new_calendar_event(world: World, plan: Plan) -> None:
    run = _run(plan)
    copy = builder.copy_session(session=run, to=_rest_day(plan), by=world.coach_a)
    assert copy.pk != run.pk and copy.ical_uid != run.ical_uid
    assert (copy.kind, copy.duration_min, copy.pace_range) == (
        run.kind,
        run.duration_min,
        run.pace_range,
    )
    assert not plan.sessions.filter(date=copy.date, kind="rest").exists()


def test_copying_outside_the_plan_is_refused(world: World, plan: Plan) -> None:
    with pytest.raises(DomainError) as caught:
        builder.copy_session(
            session=_run(plan), to=plan.start - dt.timedelta(days=1), by=world.coach_a
        )
    assert caught.value.field == "date"


def test_new_minutes_give_a_new_distance_at_the_same_pace(world: World, plan: Plan) -> None:
    run = _run(plan)
    builder.change_session(
        session=run, by=world.coach_a, changes={"duration_min": 50, "pace_range": (300, 300)}
    )
    run.refresh_from_db()
    assert run.distance_km == 10.0


def test_a_new_pace_gives_a_new_distance(world: World, plan: Plan) -> None:
    run = _run(plan)
    builder.change_session(session=run, by=world.coach_a, changes={"duration_min": 60})
    builder.change_session(session=run, by=world.coach_a, changes={"pace_range": (360, 360)})
    run.refresh_from_db()
    assert run.distance_km == 10.0


def test_a_distance_the_coach_gives_is_kept(world: World, plan: Plan) -> None:
    run = _run(plan)
    builder.change_session(
        session=run, by=world.coach_a, changes={"duration_min": 45, "distance_km": 8.2}
    )
    run.refresh_from_db()
    assert run.distance_km == 8.2


def test_a_workout_sets_the_runs_time_and_distance(world: World, plan: Plan) -> None:
    run = _run(plan)
    run.pace_fast_s_per_km, run.pace_slow_s_per_km = 350, 370
    run.save()
    builder.set_workout(session=run, by=world.coach_a, workout=INTERVALS)
    run.refresh_from_db()
    assert run.workout is not None and run.workout["steps"][1]["times"] == 5
    assert run.duration_min == 50  # 15 + 5 × (3 + 2) + 10
    # 25 min easy at 6:00/km, 15 min at 4:25/km, 10 min recovery at 6:00/km
    assert run.distance_km == pytest.approx(35 * 60 / 360 + 15 * 60 / 265, abs=0.1)
    assert AuditEntry.objects.filter(action="plan.workout_set").count() == 1
    assert core_session(run).workout is not None


def test_a_step_without_a_duration_is_refused_naming_it(world: World, plan: Plan) -> None:
    bad = {"name": "x", "steps": [{"kind": "warmup", "seconds": 600}, {"kind": "work"}]}
    with pytest.raises(DomainError) as caught:
        builder.set_workout(session=_run(plan), by=world.coach_a, workout=bad)
    assert caught.value.field == "workout.steps[1].seconds"
    assert caught.value.message.startswith("Step 2")


def test_a_negative_repeat_is_refused_naming_it(world: World, plan: Plan) -> None:
    bad = {
        "name": "x",
        "steps": [{"type": "repeat", "times": -3, "steps": [{"kind": "work", "seconds": 60}]}],
    }
    with pytest.raises(DomainError) as caught:
        builder.set_workout(session=_run(plan), by=world.coach_a, workout=bad)
    assert caught.value.field == "workout.steps[0].times"
    assert "Step 1" in caught.value.message


def test_only_runs_take_workout_steps(world: World, plan: Plan) -> None:
    rest = plan.sessions.filter(kind="rest").first()
    assert rest is not None
    with pytest.raises(DomainError) as caught:
        builder.set_workout(session=rest, by=world.coach_a, workout=INTERVALS)
    assert caught.value.field == "kind"


def test_new_minutes_for_a_run_with_steps_stretch_the_steps(world: World, plan: Plan) -> None:
    run = _run(plan)
    builder.set_workout(session=run, by=world.coach_a, workout=INTERVALS)
    builder.change_session(session=run, by=world.coach_a, changes={"duration_min": 25})
    run.refresh_from_db()
    total = workout_from_dict(run.workout).total_seconds()
    assert abs(total - 25 * 60) <= 60  # every step scaled; rounding keeps it within a minute


def test_clearing_the_steps_keeps_the_run(world: World, plan: Plan) -> None:
    run = _run(plan)
    builder.set_workout(session=run, by=world.coach_a, workout=INTERVALS)
    builder.clear_workout(session=run, by=world.coach_a)
    run.refresh_from_db()
    assert run.workout is None and run.duration_min == 50
