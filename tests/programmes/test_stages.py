"""A programme's steps: draft → published → running → finished, each audited; archive, never
delete, once it has members."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tagalong.audit.models import AuditEntry
from tagalong.errors import DomainError
from tagalong.programmes.demo import endurance_template
from tagalong.programmes.models import PlaceStatus, Programme, ScheduleMode, Stage
from tagalong.programmes.services import (
    advance,
    archive,
    create_programme,
    delete_programme,
    join,
    update_programme,
)
from tests.factories import World, make_coach
from tests.programmes.helpers import programme


def _actions(p: Programme) -> list[str]:
    return list(
        AuditEntry.objects.filter(target_type="programmes.programme", target_id=str(p.pk))
        .order_by("at", "id")
        .values_list("action", flat=True)
    )


def test_each_step_is_audited_in_order(world: World) -> None:
    p = programme(world.coach_a, publish=False)
    today = timezone.localdate()
    for to in (Stage.PUBLISHED, Stage.RUNNING, Stage.FINISHED):
        advance(programme=p, by=world.coach_a, to=to, today=today)
    assert _actions(p) == [
        "programme.created",
        "programme.published",
        "programme.running",
        "programme.finished",
    ]
    p.refresh_from_db()
    assert p.stage == Stage.FINISHED and p.published_at is not None


def test_a_step_cannot_be_skipped_or_repeated(world: World) -> None:
    p = programme(world.coach_a, publish=False)
    with pytest.raises(DomainError, match="draft programme cannot become running"):
        advance(programme=p, by=world.coach_a, to=Stage.RUNNING, today=timezone.localdate())
    advance(programme=p, by=world.coach_a, to=Stage.PUBLISHED, today=timezone.localdate())
    with pytest.raises(DomainError, match="cannot become published"):
        advance(programme=p, by=world.coach_a, to=Stage.PUBLISHED, today=timezone.localdate())


def test_a_cohort_programme_needs_a_start_date(world: World) -> None:
    with pytest.raises(DomainError) as refused:
        create_programme(
            coach=world.coach_a,
            title="T",
            description="D",
            audience="A",
            template=endurance_template(world.coach_a),
            schedule_mode=ScheduleMode.COHORT,
            start_date=None,
            weeks=8,
            capacity=5,
        )
    assert refused.value.field == "start_date"


def test_another_coachs_template_is_refused(world: World) -> None:
    with pytest.raises(DomainError) as refused:
        create_programme(
            coach=world.coach_a,
            title="T",
            description="D",
            audience="A",
            template=endurance_template(make_coach()),
            schedule_mode=ScheduleMode.ON_JOIN,
            weeks=8,
            capacity=5,
        )
    assert refused.value.field == "template"


def test_with_members_it_is_archived_not_deleted(world: World) -> None:
    p = programme(world.coach_a)
    join(programme=p, athlete=world.athlete_b, now=timezone.now())
    with pytest.raises(DomainError, match="archive it instead"):
        delete_programme(programme=p, by=world.coach_a)
    archive(programme=p, by=world.coach_a)
    p.refresh_from_db()
    assert p.stage == Stage.ARCHIVED
    assert p.places.get().status == PlaceStatus.ACTIVE  # the member keeps their place and plan


def test_an_empty_programme_may_be_deleted(world: World) -> None:
    p = programme(world.coach_a, publish=False)
    delete_programme(programme=p, by=world.coach_a)
    assert not Programme.objects.filter(pk=p.pk).exists()
    assert AuditEntry.objects.filter(action="programme.deleted").exists()


def test_capacity_cannot_go_below_the_places_taken(world: World) -> None:
    p = programme(world.coach_a, capacity=2)
    join(programme=p, athlete=world.athlete_a, now=timezone.now())
    join(programme=p, athlete=world.athlete_b, now=timezone.now())
    with pytest.raises(DomainError) as refused:
        update_programme(programme=p, by=world.coach_a, capacity=1)
    assert refused.value.field == "capacity"


def test_the_clock_starts_and_finishes_cohort_programmes(world: World) -> None:
    from tagalong.programmes.services import move_stages

    p = programme(world.coach_a, clinic=False)
    place = join(programme=p, athlete=world.athlete_a, now=timezone.now())
    assert move_stages(today=p.start_date - timezone.timedelta(days=1)) == []
    assert move_stages(today=p.start_date) == [(p.pk, Stage.RUNNING)]
    assert move_stages(today=p.end_date) == []
    assert move_stages(today=p.end_date + timezone.timedelta(days=1)) == [(p.pk, Stage.FINISHED)]
    place.refresh_from_db()
    assert place.status == PlaceStatus.FINISHED
    entry = AuditEntry.objects.get(action="programme.finished")
    assert entry.actor is None  # the clock did it
