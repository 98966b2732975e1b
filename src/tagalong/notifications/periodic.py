"""Periodic jobs: apps register a no-argument task and how often it runs; the worker's clock
puts due jobs on the queue.

Each job's last run is one database row, claimed with a conditional UPDATE, so any number of
workers (or a cron `tagalong manage enqueue_periodic`) can tick without running a job twice.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, connections, transaction
from django.utils import timezone

from tagalong.notifications.models import PeriodicRun

log = logging.getLogger(__name__)

CLOCK_INTERVAL_S = 30.0


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    every: timedelta
    task: Any  # a django_tasks Task that takes no arguments


_JOBS: dict[str, PeriodicJob] = {}


def register(name: str, *, every: timedelta, task: Any) -> None:
    if every <= timedelta(0):
        raise ValueError(f"periodic job {name!r}: 'every' must be positive, got {every}")
    _JOBS[name] = PeriodicJob(name=name, every=every, task=task)


def registered() -> list[PeriodicJob]:
    return sorted(_JOBS.values(), key=lambda job: job.name)


def _claim(job: PeriodicJob, now: datetime) -> bool:
    """True when this caller won the right to enqueue the job now."""
    try:
        with transaction.atomic():
            PeriodicRun.objects.get_or_create(
                name=job.name, defaults={"last_enqueued_at": now - job.every}
            )
    except IntegrityError:
        pass  # another worker created the row at the same moment
    claimed = PeriodicRun.objects.filter(
        name=job.name, last_enqueued_at__lte=now - job.every
    ).update(last_enqueued_at=now)
    return claimed == 1


def enqueue_due(now: datetime | None = None) -> list[str]:
    """Put every due job on the queue; returns the names enqueued."""
    moment = now or timezone.now()
    enqueued = []
    for job in registered():
        if _claim(job, moment):
            job.task.enqueue()
            enqueued.append(job.name)
    return enqueued


def run_clock(stop: threading.Event, interval_s: float = CLOCK_INTERVAL_S) -> None:
    """Tick until ``stop`` is set. Errors are logged, never fatal: the next tick tries again."""
    while not stop.is_set():
        try:
            names = enqueue_due()
            if names:
                log.info("periodic jobs enqueued: %s", ", ".join(names))
        except Exception:
            log.exception("periodic clock tick failed")
        finally:
            connections.close_all()
        stop.wait(interval_s)


def start_clock_thread(interval_s: float = CLOCK_INTERVAL_S) -> threading.Event:
    stop = threading.Event()
    thread = threading.Thread(
        target=run_clock, args=(stop, interval_s), name="tagalong-clock", daemon=True
    )
    thread.start()
    return stop
