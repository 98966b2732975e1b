"""The issue's done-when, against the contract server: connect, pull 30 activities (two of them
uploaded by hand before, skipped), publish a plan and see its workouts upserted, change a
session and see it updated, disconnect; and a worker that dies mid-sync is taken over."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone

from tagalong.activities.models import Activity
from tagalong.activities.services import start_import
from tagalong.plans.builder import change_session, move_session
from tagalong.plans.models import PlanSession
from tagalong.plans.services.generation import generate_for_athlete
from tagalong.sync import services
from tagalong.sync.models import Connection, PulledActivity, PullStatus, PushedWorkout
from tests.factories import World
from tests.sync.conftest import CORPUS, FILES, KEY, REMOTE_ID
from tests.sync.contract_server import ContractServer, Listed

pytestmark = pytest.mark.django_db


def upload_by_hand(world: World, path: str) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = (CORPUS / path).read_bytes()
    start_import(
        athlete=world.athlete_a,
        by=world.athlete_a.user,
        upload=[SimpleUploadedFile(Path(path).name, data)],
    )


def connect(world: World) -> Connection:
    return services.connect(
        athlete=world.athlete_a,
        by=world.athlete_a.user,
        remote_athlete_id=REMOTE_ID,
        api_key=KEY,
    )


def publish_plan(world: World):  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    monday = today + dt.timedelta(days=(7 - today.weekday()) % 7 or 7)
    return generate_for_athlete(
        athlete=world.athlete_a,
        by=world.coach_a,
        goal="10k",
        start=monday,
        weeks=10,
        availability={"mon": 45, "tue": 60, "thu": 60, "sat": 90, "sun": 120},
        current={"weekly_km": 30.0, "longest_run_km_30d": 12.0, "runs_per_week": 4},
    )


def test_connect_pull_publish_change_disconnect(
    world: World,
    contract: ContractServer,
    thirty: list[Listed],
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        upload_by_hand(world, FILES[24])  # the fenix 5 run
        upload_by_hand(world, FILES[8])  # the Edge 500 ride
    assert Activity.objects.filter(athlete=world.athlete_a).count() == 2

    with django_capture_on_commit_callbacks(execute=True):
        connection = connect(world)  # the first sync is queued on commit and runs here
    services.settle_finished()  # the periodic job, once the imports it handed over are done
    connection.refresh_from_db()
    assert connection.state == "working" and connection.last_success_at is not None
    rows = PulledActivity.objects.filter(connection=connection)
    assert rows.count() == 30
    assert rows.filter(status=PullStatus.IMPORTED).count() == 28
    skipped = rows.filter(status=PullStatus.DUPLICATE)
    assert sorted(r.remote_id for r in skipped) == ["i9008", "i9024"]
    assert all(r.reason.startswith("Already here") for r in skipped)
    # the two were recognised by start and distance, so never even downloaded
    assert "i9008" not in contract.state.downloads and "i9024" not in contract.state.downloads
    assert Activity.objects.filter(athlete=world.athlete_a).count() == 30

    with django_capture_on_commit_callbacks(execute=True):
        plan = publish_plan(world)
    events = contract.state.events
    pushed = PushedWorkout.objects.filter(athlete=world.athlete_a)
    assert pushed.count() == len(events) > 5
    assert set(events) == {f"tagalong-{p.session.ical_uid}" for p in pushed}
    assert all(e["category"] == "WORKOUT" and e["workout_file"] for e in events.values())
    assert all(p.status == "sent" for p in pushed)

    session = PlanSession.objects.get(pk=pushed.first().session_id)  # type: ignore[union-attr]
    event_id = events[f"tagalong-{session.ical_uid}"]["id"]
    before = len(events)
    with django_capture_on_commit_callbacks(execute=True):
        longer = session.duration_min + 10
        change_session(session=session, by=world.coach_a, changes={"duration_min": longer})
        moved = session.date + dt.timedelta(days=1)
        move_session(session=PlanSession.objects.get(pk=session.pk), to=moved, by=world.coach_a)
    updated = contract.state.events[f"tagalong-{session.ical_uid}"]
    assert updated["id"] == event_id  # the same event, updated, not a second one
    assert updated["start_date_local"].startswith(moved.isoformat())
    assert updated["moving_time"] == round(longer * 60)
    assert len(contract.state.events) == before
    assert plan.pk

    # the sync runs again: nothing new, nothing twice
    with django_capture_on_commit_callbacks(execute=True):
        services.run_sync(connection.pk)
    assert Activity.objects.filter(athlete=world.athlete_a).count() == 30
    assert len(contract.state.events) == before

    with django_capture_on_commit_callbacks(execute=True):
        assert services.disconnect(athlete=world.athlete_a, by=world.athlete_a.user)
    assert not Connection.objects.filter(athlete=world.athlete_a).exists()
    assert contract.state.events == {}  # the planned workouts left intervals.icu too
    assert Activity.objects.filter(athlete=world.athlete_a).count() == 30  # the runs stay
