from __future__ import annotations

from importlib import import_module

import pytest
from django.apps import apps

from tagalong.audit.models import AuditEntry
from tagalong.errors import DomainError
from tagalong.plans.models import PlanStatus
from tests.factories import World
from tests.plans.conftest import START, generate


def test_generate_stores_sessions_a_first_version_and_an_audit_entry(world: World) -> None:
    plan = generate(world)
    assert plan.status == PlanStatus.ACTIVE and plan.start == START
    assert plan.sessions.filter(kind="run").exists()
    assert plan.current_version == 1
    version = plan.versions.get()
    assert version.number == 1 and len(version.snapshot) == plan.sessions.count()
    assert AuditEntry.objects.filter(
        action="plan.generated", athlete_id=world.athlete_a.pk
    ).exists()


def test_generate_builds_the_profile_from_the_athlete_record(world: World) -> None:
    plan = generate(world)
    assert plan.profile["athlete"] == {"age": 35, "sex": "female", "body_mass_kg": 60.0}
    assert plan.profile["availability"]["days"] == ["mon", "tue", "thu", "sat", "sun"]


def test_every_session_explains_itself(world: World) -> None:
    plan = generate(world)
    assert all(s.why for s in plan.sessions.exclude(kind="rest"))


def test_a_new_plan_archives_the_previous_active_plan(world: World) -> None:
    first = generate(world)
    generate(world, goal="endurance")
    first.refresh_from_db()
    assert first.status == PlanStatus.ARCHIVED


def test_infeasible_request_raises_a_domain_error_with_reason_and_suggestion(
    world: World,
) -> None:
    with pytest.raises(DomainError) as caught:
        generate(
            world,
            goal="marathon",
            weeks=4,
            current={"weekly_km": 0.0, "longest_run_km_30d": 0.0, "runs_per_week": 0},
        )
    assert caught.value.code == "infeasible"
    assert "Suggestion:" in caught.value.message


def test_missing_profile_facts_are_asked_for_before_planning(world: World) -> None:
    world.athlete_a.birth_date = None
    world.athlete_a.save()
    with pytest.raises(DomainError, match="birth date"):
        generate(world)


def test_bad_input_names_the_field(world: World) -> None:
    with pytest.raises(DomainError) as caught:
        generate(world, weeks=31)  # plans now cover up to 30 weeks
    assert caught.value.field == "goal.weeks"


def test_stored_ladder_steps_count_from_1_like_their_text(world: World) -> None:
    plan = generate(world)
    strength = plan.sessions.filter(kind="strength", ladder_level__isnull=False)
    assert strength.exists()
    for session in strength:
        assert 1 <= session.ladder_level <= 7
        assert session.why[0]["text"].startswith(f"Calf ladder step {session.ladder_level} of 7")


def test_the_migration_moves_old_zero_based_steps_up_by_one(world: World) -> None:
    plan = generate(world)
    session = plan.sessions.filter(ladder_level__isnull=False).first()
    assert session is not None
    step = session.ladder_level
    migration = import_module("tagalong.plans.migrations.0002_ladder_steps_from_one")
    migration.backwards(apps, None)
    session.refresh_from_db()
    assert session.ladder_level == step - 1
    migration.forwards(apps, None)
    session.refresh_from_db()
    assert session.ladder_level == step
