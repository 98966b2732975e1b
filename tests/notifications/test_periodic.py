from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tagalong.notifications import periodic
from tagalong.notifications.models import PeriodicRun

T0 = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)


class CountingTask:
    def __init__(self) -> None:
        self.calls = 0

    def enqueue(self) -> Any:
        self.calls += 1


@pytest.fixture
def jobs(monkeypatch: pytest.MonkeyPatch) -> dict[str, periodic.PeriodicJob]:
    registry: dict[str, periodic.PeriodicJob] = {}
    monkeypatch.setattr(periodic, "_JOBS", registry)
    return registry


@pytest.mark.django_db
def test_a_job_runs_at_once_then_once_per_period(jobs: dict) -> None:  # type: ignore[type-arg]
    task = CountingTask()
    periodic.register("reminders", every=timedelta(minutes=5), task=task)
    assert periodic.enqueue_due(T0) == ["reminders"]
    assert periodic.enqueue_due(T0 + timedelta(minutes=4, seconds=59)) == []
    assert periodic.enqueue_due(T0 + timedelta(minutes=5)) == ["reminders"]
    assert task.calls == 2
    assert PeriodicRun.objects.get(name="reminders").last_enqueued_at == T0 + timedelta(minutes=5)


@pytest.mark.django_db
def test_two_clocks_ticking_at_the_same_moment_enqueue_once(jobs: dict) -> None:  # type: ignore[type-arg]
    task = CountingTask()
    periodic.register("nightly", every=timedelta(days=1), task=task)
    first = periodic.enqueue_due(T0)
    second = periodic.enqueue_due(T0)
    assert (first, second) == (["nightly"], [])
    assert task.calls == 1


def test_a_period_must_be_positive(jobs: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValueError, match="must be positive"):
        periodic.register("broken", every=timedelta(0), task=CountingTask())


@pytest.mark.django_db(transaction=True)
def test_the_clock_thread_ticks_and_stops(jobs: dict) -> None:  # type: ignore[type-arg]
    task = CountingTask()
    periodic.register("tick", every=timedelta(hours=1), task=task)
    stop = threading.Event()
    thread = threading.Thread(target=periodic.run_clock, args=(stop, 0.01))
    thread.start()
    for _ in range(500):
        if task.calls:
            break
        stop.wait(0.01)
    stop.set()
    thread.join(timeout=5)
    assert task.calls == 1 and not thread.is_alive()


def test_the_apps_register_their_jobs() -> None:
    names = {job.name for job in periodic.registered()}
    assert names, "no periodic job is registered"
