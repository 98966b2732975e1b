"""Wrong key, revoked key, timeout, 429, malformed file: each leaves a clear state, retries
where that makes sense, and loses or doubles nothing (docs/sync.md, "Faults")."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tagalong.activities.models import Activity
from tagalong.attention.models import Signal
from tagalong.attention.services import refresh_signals
from tagalong.errors import DomainError
from tagalong.sync import services
from tagalong.sync.models import Connection, PulledActivity, PullStatus
from tests.factories import World
from tests.sync.conftest import FILES, KEY, REMOTE_ID, listed
from tests.sync.contract_server import ContractServer, Fault, Listed
from tests.sync.helpers import connected, sync

pytestmark = pytest.mark.django_db


def test_a_wrong_key_is_refused_on_save_and_nothing_is_stored(
    world: World, contract: ContractServer
) -> None:
    with pytest.raises(DomainError) as refused:
        services.connect(
            athlete=world.athlete_a, by=world.athlete_a.user, remote_athlete_id=REMOTE_ID,
            api_key="wrongkey123456",
        )  # fmt: skip
    assert refused.value.field == "api_key"
    assert "did not accept the API key" in refused.value.message
    assert "wrongkey" not in refused.value.message
    assert not Connection.objects.exists()


def test_an_id_that_is_not_the_athletes_is_refused(world: World, contract: ContractServer) -> None:
    with pytest.raises(DomainError) as refused:
        services.connect(
            athlete=world.athlete_a, by=world.athlete_a.user, remote_athlete_id="i777",
            api_key=KEY,
        )  # fmt: skip
    assert "refused access to athlete i777" in refused.value.message
    with pytest.raises(DomainError) as bad_id:
        services.connect(
            athlete=world.athlete_a, by=world.athlete_a.user, remote_athlete_id="me please",
            api_key=KEY,
        )  # fmt: skip
    assert bad_id.value.field == "remote_athlete_id"


def test_a_timeout_on_save_saves_nothing(world: World, contract: ContractServer) -> None:
    contract.state.faults.append(Fault("/api/v1/athlete/", status=200, delay_s=1.5))
    with pytest.raises(DomainError) as refused:
        services.connect(
            athlete=world.athlete_a, by=world.athlete_a.user, remote_athlete_id=REMOTE_ID,
            api_key=KEY,
        )  # fmt: skip
    assert "did not answer within 1 seconds" in refused.value.message
    assert not Connection.objects.exists()


def test_a_revoked_key_breaks_the_connection_and_raises_a_signal(
    world: World, contract: ContractServer, thirty: list[Listed], django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    connection = connected(world, django_capture_on_commit_callbacks)
    assert connection.state == "working"
    contract.state.keys.clear()  # the runner deleted the key in intervals.icu
    connection = sync(connection, django_capture_on_commit_callbacks)
    assert connection.state == "broken"
    assert "did not accept the API key" in connection.problem
    # retried once a day, not every 15 minutes, until the runner connects again
    assert connection.next_due_at - timezone.now() > dt.timedelta(hours=23)
    refresh_signals(athlete=world.athlete_a, now=timezone.now())
    signal = Signal.objects.get(athlete=world.athlete_a, kind="sync_broken")
    assert "intervals.icu sync not working" in signal.words
    assert Activity.objects.filter(athlete=world.athlete_a).count() == 30  # nothing lost

    contract.state.keys.add("n3wkeyABCDEFGHIJ")
    with django_capture_on_commit_callbacks(execute=True):
        services.connect(
            athlete=world.athlete_a, by=world.athlete_a.user, remote_athlete_id=REMOTE_ID,
            api_key="n3wkeyABCDEFGHIJ",
        )  # fmt: skip
    connection.refresh_from_db()
    assert connection.state == "working" and connection.problem == ""
    refresh_signals(athlete=world.athlete_a, now=timezone.now())
    assert not Signal.objects.filter(athlete=world.athlete_a, kind="sync_broken").exists()
    assert Activity.objects.filter(athlete=world.athlete_a).count() == 30  # nothing doubled


def test_a_timeout_waits_and_backs_off_then_recovers(
    world: World, contract: ContractServer, thirty: list[Listed], django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    connection = connected(world, django_capture_on_commit_callbacks)
    for _ in range(2):
        contract.state.faults.append(Fault("/api/v1/athlete/", status=200, delay_s=1.5))
        connection = sync(connection, django_capture_on_commit_callbacks)
    assert connection.state == "waiting"
    assert "did not answer within 1 seconds" in connection.problem
    assert connection.failures == 2
    wait = connection.next_due_at - timezone.now()
    assert dt.timedelta(minutes=29) < wait <= dt.timedelta(minutes=30)  # 15 min, doubled
    # one day of failing makes it the coach's business
    Connection.objects.filter(pk=connection.pk).update(
        problem_since=timezone.now() - dt.timedelta(hours=25)
    )
    refresh_signals(athlete=world.athlete_a, now=timezone.now())
    assert Signal.objects.filter(athlete=world.athlete_a, kind="sync_broken").exists()
    connection = sync(connection, django_capture_on_commit_callbacks)
    assert connection.state == "working" and connection.failures == 0


def test_a_429_keeps_what_was_downloaded_and_waits_as_told(
    world: World, contract: ContractServer, thirty: list[Listed], django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    real = contract.state.faults
    # the 13th download is refused with Retry-After: 120
    downloads = {"n": 0}
    original = services.IntervalsClient.original_file

    def counting(self, activity_id):  # type: ignore[no-untyped-def]
        downloads["n"] += 1
        if downloads["n"] == 13:
            real.append(Fault("/api/v1/activity/", status=429, headers={"Retry-After": "120"}))
        return original(self, activity_id)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(services.IntervalsClient, "original_file", counting)
        connection = connected(world, django_capture_on_commit_callbacks)
    assert connection.state == "waiting"
    assert "slow down" in connection.problem
    assert connection.next_due_at - timezone.now() > dt.timedelta(seconds=110)
    imported = PulledActivity.objects.filter(connection=connection, status=PullStatus.IMPORTED)
    assert imported.count() == 12  # what came before the 429 is in, not thrown away
    connection = sync(connection, django_capture_on_commit_callbacks)
    assert connection.state == "working"
    assert imported.count() == 30
    assert Activity.objects.filter(athlete=world.athlete_a).count() == 30


def test_a_malformed_file_fails_with_its_reason_and_the_rest_go_on(
    world: World, contract: ContractServer, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    good = listed(FILES[24], 1)
    broken_fit = listed(FILES[18], 2)
    broken_fit.data = broken_fit.data[:14] + b"\x00" * 40  # a FIT header, then nothing of use
    garbage = listed(FILES[19], 3)
    garbage.data = b"this is not an activity file"
    for item in (good, broken_fit, garbage):
        contract.state.add_activity(item)
    connection = connected(world, django_capture_on_commit_callbacks)
    rows = {r.remote_id: r for r in PulledActivity.objects.filter(connection=connection)}
    assert rows[good.id].status == PullStatus.IMPORTED
    assert rows[garbage.id].status == PullStatus.FAILED
    assert "not a FIT, GPX or TCX file" in rows[garbage.id].reason
    assert rows[broken_fit.id].status == PullStatus.FAILED
    assert rows[broken_fit.id].reason
    assert connection.state == "working"
    # a failed file is not fetched again at every sync (only when it is edited there)
    before = list(contract.state.downloads)
    sync(connection, django_capture_on_commit_callbacks)
    assert contract.state.downloads == before


def test_an_import_whose_task_was_lost_is_queued_again(
    world: World, contract: ContractServer, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    from tagalong.activities.models import ImportBatch

    contract.state.add_activity(listed(FILES[24], 1))
    with django_capture_on_commit_callbacks(execute=False):  # the import task never runs
        connection = services.connect(
            athlete=world.athlete_a, by=world.athlete_a.user, remote_athlete_id=REMOTE_ID,
            api_key=KEY,
        )  # fmt: skip
        services.run_sync(connection.pk)
    row = PulledActivity.objects.get(connection=connection)
    assert row.status == PullStatus.IMPORTING
    assert services.requeue_stuck_imports(now=timezone.now()) == []  # not stuck yet
    later = timezone.now() + dt.timedelta(minutes=3)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.requeue_stuck_imports(now=later) == [row.batch_id]
    assert ImportBatch.objects.get(pk=row.batch_id).status == "done"
    services.settle_finished()
    row.refresh_from_db()
    assert row.status == PullStatus.IMPORTED
    assert Activity.objects.filter(athlete=world.athlete_a).count() == 1
