"""What the sync tells other apps: a plan saved queues a push; a broken connection is an
attention signal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction

from tagalong.triage import Finding

if TYPE_CHECKING:
    from tagalong.attention.facts import Facts

BROKEN_AFTER_HOURS = 24  # a connection that keeps failing this long needs someone


def plan_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    from tagalong.plans.models import Plan
    from tagalong.sync.models import Connection

    plan = instance if isinstance(instance, Plan) else getattr(instance, "plan", None)
    if plan is None:
        return
    connection_id = (
        Connection.objects.filter(athlete_id=plan.athlete_id).values_list("pk", flat=True).first()
    )
    if connection_id is None:
        return

    def queue() -> None:
        from tagalong.sync.tasks import push_workouts

        push_workouts.enqueue(connection_id)

    transaction.on_commit(queue, robust=True)


def import_finished(sender: Any, instance: Any, update_fields: Any = None, **kwargs: Any) -> None:
    """An import batch finished: the pulled activities it held learn their outcome at once."""
    if not instance.finished or (update_fields is not None and "status" not in update_fields):
        return
    from tagalong.sync.models import PulledActivity, PullStatus

    if not PulledActivity.objects.filter(batch=instance, status=PullStatus.IMPORTING).exists():
        return

    def settle() -> None:
        from tagalong.sync.services import settle_finished

        settle_finished()

    transaction.on_commit(settle, robust=True)


def broken_connection(facts: Facts) -> Finding | None:
    from tagalong.sync.models import Connection, ConnectionState

    connection = Connection.objects.filter(athlete=facts.athlete).first()
    if connection is None or connection.state == ConnectionState.WORKING:
        return None
    since = connection.problem_since
    if connection.state == ConnectionState.WAITING and (
        since is None or (facts.now - since).total_seconds() < BROKEN_AFTER_HOURS * 3600
    ):
        return None
    day = f" since {since.astimezone(facts.zone):%-d %b}" if since else ""
    return Finding(
        kind="sync_broken",
        words=f"intervals.icu sync not working{day}: {connection.problem[:200]} Runs from the "
        "watch and planned workouts on the watch are not updated.",
        evidence_id="attention.sync_broken",
        level=float(connection.failures or 1),
        anchor="sync",
    )
