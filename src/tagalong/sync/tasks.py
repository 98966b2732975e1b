"""Background work of the sync: one run per connection, the clock's tick, the stalled sweep."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from tagalong.sync import services


@task()
def run_sync(connection_id: int) -> None:
    """Pull and push one connection; a second run while one holds the lease does nothing."""
    services.run_sync(connection_id)


@task()
def push_workouts(connection_id: int) -> None:
    """Send the plan's changes (a plan was saved): the same run, without the pull."""
    services.run_sync(connection_id, push_only=True)


@task()
def sync_due() -> None:
    """Every minute: queue the connections whose place in the 15-minute cycle has come."""
    for connection_id in services.due_connections(now=timezone.now()):
        run_sync.enqueue(connection_id)


@task()
def resume_stalled_syncs() -> None:
    """Queue again the syncs whose worker stopped renewing its lease."""
    for connection_id in services.stalled_connections(now=timezone.now()):
        run_sync.enqueue(connection_id)


@task()
def settle_imports() -> None:
    """Every minute: read finished imports' outcomes onto the pulled activities, and queue
    again an import of pulled files whose task was lost."""
    services.settle_finished()
    services.requeue_stuck_imports(now=timezone.now())
