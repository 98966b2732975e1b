from __future__ import annotations

import datetime as dt

import pytest

from tagalong.audit.models import AuditEntry
from tagalong.errors import DomainError
from tagalong.plans import builder
from tagalong.plans.models import Plan, PlanSession
from tagalong.plans.selectors.limits import LIMIT_EVIDENCE, limit_warnings
from tagalong.plans.selectors.lookups import monday_of
from tagalong.plans.services.edits import add_exercise, copy_week, delete_session
from tests.factories import World


def _first_run(plan: Plan) -> PlanSession:
    return plan.sessions.filter(kind="run").order_by("date").first()  # type: ignore[return-value]


def test_moving_a_session_bumps_its_sequence_the_plan_version_and_audits(
    world: World, plan: Plan
) -> None:
    session = _first_run(plan)
    uid = session.ical_uid
    target = session.date + dt.timedelta(days=1)
    builder.move_session(session=session, to=target, by=world.coach_a)
    session.refresh_from_db()
    plan.refresh_from_db()
    assert session.date == target and session.ical_uid == uid
    assert session.ical_sequence == 1
    assert plan.current_version == 2
    assert plan.versions.get(number=2).reason.endswith(
        f" moved from {target - dt.timedelta(days=1)} to {target}"
    )
    entry = AuditEntry.objects.get(action="plan.session_moved")
    assert entry.data["after"] == target.isoformat() and entry.actor == world.coach_a


def test_a_session_cannot_move_outside_the_plan(world: World, plan: Plan) -> None:
    with pytest.raises(DomainError) as caught:
        builder.move_session(
            session=_first_run(plan), to=plan.end + dt.timedelta(days=30), by=world.coach_a
        )
    assert caught.value.field == "date"


def test_changing_targets_saves_them_and_bumps_the_version(world: World, plan: Plan) -> None:
    session = _first_run(plan)
    builder.change_session(
        session=session,
        by=world.coach_a,
        changes={"duration_min": 33, "pace_range": (330, 360), "hr_zone": "Z2"},
    )
    session.refresh_from_db()
    assert session.duration_min == 33 and session.pace_range == (330, 360)
    assert session.ical_sequence == 1
    assert Plan.objects.get(pk=plan.pk).current_version == 2


def test_a_pace_range_must_run_fast_to_slow(world: World, plan: Plan) -> None:
    with pytest.raises(DomainError):
        builder.change_session(
            session=_first_run(plan), by=world.coach_a, changes={"pace_range": (400, 300)}
        )


def test_adding_an_exercise_uses_the_library_dosage(world: World, plan: Plan) -> None:
    session = _first_run(plan)
    add_exercise(session=session, by=world.coach_a, slug="knee-to-wall-mobilisation")
    session.refresh_from_db()
    added = session.exercises[-1]
    assert added["slug"] == "knee-to-wall-mobilisation" and added["sets"] >= 1
    assert AuditEntry.objects.filter(action="plan.exercise_added").count() == 1


def test_an_unknown_exercise_is_refused(world: World, plan: Plan) -> None:
    with pytest.raises(DomainError):
        add_exercise(session=_first_run(plan), by=world.coach_a, slug="no-such-thing")


def test_deleting_a_session_versions_and_audits(world: World, plan: Plan) -> None:
    before = plan.sessions.count()
    delete_session(session=_first_run(plan), by=world.coach_a)
    plan.refresh_from_db()
    assert plan.sessions.count() == before - 1
    assert len(plan.versions.get(number=2).snapshot) == before - 1
    assert AuditEntry.objects.filter(action="plan.session_deleted").exists()


def test_copying_a_week_replaces_the_target_week(world: World, plan: Plan) -> None:
    source = monday_of(plan.start) + dt.timedelta(days=7)
    target = source + dt.timedelta(days=14)
    week = list(plan.sessions.filter(date__gte=source, date__lt=source + dt.timedelta(7)))
    copy_week(plan=plan, source=source, target=target, by=world.coach_a)
    copied = plan.sessions.filter(date__gte=target, date__lt=target + dt.timedelta(7))
    assert sorted((s.date - target, s.kind) for s in copied) == sorted(
        (s.date - source, s.kind) for s in week
    )
    assert Plan.objects.get(pk=plan.pk).current_version == 2


def test_copying_needs_mondays(world: World, plan: Plan) -> None:
    with pytest.raises(DomainError):
        copy_week(
            plan=plan, source=plan.start, target=plan.start + dt.timedelta(days=9), by=world.coach_a
        )


def test_a_generated_plan_keeps_every_hard_limit(plan: Plan) -> None:
    assert limit_warnings(plan) == []


def test_an_edit_past_a_hard_limit_warns_but_is_saved(world: World, plan: Plan) -> None:
    run = _first_run(plan)
    builder.clear_workout(session=run, by=world.coach_a)  # a plain run, timed by hand
    builder.change_session(
        session=run, by=world.coach_a, changes={"run_type": "intervals", "duration_min": 90}
    )
    warnings = limit_warnings(plan)
    easy = [w for w in warnings if w["rule"] == "easy share" and "< 80 %" in w["text"]]
    assert easy and easy[0]["evidence"][0]["id"] == "periodisation.plan.easy_share"
    run.refresh_from_db()
    assert run.duration_min == 90


def test_every_limit_names_evidence_that_exists() -> None:
    from tagalong.evidence import REGISTRY
    from tagalong.plangen import limits

    for checker in limits.CHECKERS:
        for evidence_id in LIMIT_EVIDENCE.get(checker.__name__, ()):
            assert evidence_id in REGISTRY
