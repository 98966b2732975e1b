"""Activities deleted or edited on intervals.icu are reflected here; a plan change updates or
removes the right planned workouts (docs/sync.md)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tagalong.activities.models import Activity
from tagalong.plans.models import PlanSession, PlanStatus
from tagalong.plans.services.edits import delete_session
from tagalong.sync.models import PulledActivity, PullStatus, PushedWorkout
from tests.factories import World
from tests.sync.conftest import FILES, listed
from tests.sync.contract_server import ContractServer
from tests.sync.helpers import connected, sync
from tests.sync.test_done_when import publish_plan, upload_by_hand

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _look_back_far(monkeypatch: pytest.MonkeyPatch) -> None:
    """The corpus files are years old; a real sync looks back 30 days for edits."""
    from tagalong.sync import services

    monkeypatch.setattr(services, "RECHECK_DAYS", 365 * 200)


def test_deleted_there_is_deleted_here_but_a_hand_upload_stays(
    world: World, contract: ContractServer, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        upload_by_hand(world, FILES[24])
    ours, hand = listed(FILES[18], 1), listed(FILES[24], 2)
    contract.state.add_activity(ours)
    contract.state.add_activity(hand)
    connection = connected(world, django_capture_on_commit_callbacks)
    assert Activity.objects.filter(athlete=world.athlete_a).count() == 2
    del contract.state.activities[ours.id]
    del contract.state.activities[hand.id]
    sync(connection, django_capture_on_commit_callbacks)
    rows = {r.remote_id: r for r in PulledActivity.objects.all()}
    assert rows[ours.id].status == rows[hand.id].status == PullStatus.REMOVED
    assert "deleted here too" in rows[ours.id].reason
    assert "uploaded here stays" in rows[hand.id].reason
    remaining = Activity.objects.filter(athlete=world.athlete_a)
    assert remaining.count() == 1  # the hand upload


def test_an_edit_there_is_fetched_again_and_replaces_without_doubling(
    world: World, contract: ContractServer, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    run = listed(FILES[24], 1)
    contract.state.add_activity(run)
    connection = connected(world, django_capture_on_commit_callbacks)
    first = Activity.objects.get(athlete=world.athlete_a)
    # renamed there: the same file comes again, the activity stays and takes the name
    contract.state.add_activity(dataclasses.replace(run, name="Morning tempo"))
    sync(connection, django_capture_on_commit_callbacks)
    row = PulledActivity.objects.get(remote_id=run.id)
    assert row.status == PullStatus.IMPORTED and row.activity_id == first.pk
    assert Activity.objects.get(pk=first.pk).name == "Morning tempo"
    # the file itself replaced there (another recording of another day): the old copy goes
    other = listed(FILES[18], 9)
    contract.state.add_activity(dataclasses.replace(other, id=run.id, name="Fixed"))
    sync(connection, django_capture_on_commit_callbacks)
    row.refresh_from_db()
    assert row.status == PullStatus.IMPORTED and row.activity_id != first.pk
    assert list(Activity.objects.filter(athlete=world.athlete_a).values_list("pk", flat=True)) == [
        row.activity_id
    ]
    # and deleted there at last: it goes here too
    del contract.state.activities[run.id]
    sync(connection, django_capture_on_commit_callbacks)
    assert not Activity.objects.filter(athlete=world.athlete_a).exists()


def test_removed_sessions_and_an_archived_plan_leave_intervals_icu(
    world: World, contract: ContractServer, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    connection = connected(world, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        plan = publish_plan(world)
    sent = PushedWorkout.objects.filter(athlete=world.athlete_a)
    count = sent.count()
    assert count == len(contract.state.events) > 2
    doomed = PlanSession.objects.get(pk=sent.first().session_id)  # type: ignore[union-attr]
    with django_capture_on_commit_callbacks(execute=True):
        delete_session(session=doomed, by=world.coach_a)
    assert f"tagalong-{doomed.ical_uid}" not in contract.state.events
    assert len(contract.state.events) == count - 1 == sent.count()
    with django_capture_on_commit_callbacks(execute=True):
        plan.status = PlanStatus.ARCHIVED
        plan.save(update_fields=["status"])
    assert contract.state.events == {} and not sent.exists()
    assert connection.pk
    assert dt.date.today()
