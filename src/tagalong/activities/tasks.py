"""Background work: run an import batch, in parts that several workers can share."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from tagalong.activities.leases import release_batch, stalled_work
from tagalong.activities.models import BatchStatus, ImportPart
from tagalong.activities.services import claim_batch, plan_parts, run_part
from tagalong.plans.hooks import plan_data_changed


@task()
def run_import(batch_id: int) -> None:
    """Import a queued batch; a second run finds it claimed and does nothing.

    A batch of one part is imported here; a large archive's parts are queued, one task each.
    A batch whose planner stopped is claimed again: its parts, if planned, are queued again.
    """
    batch = claim_batch(batch_id)
    if batch is None:
        return
    if batch.parts_total:
        parts = list(ImportPart.objects.filter(batch=batch, status=BatchStatus.QUEUED))
    else:
        parts = plan_parts(batch)
    if len(parts) == 1 and not batch.parts_total:
        release_batch(batch)
        if run_part(parts[0].pk) is not None:
            plan_data_changed(batch.athlete_id, source="import")
        return
    for part in parts:
        run_import_part.enqueue(part.pk)
    release_batch(batch)


@task()
def run_import_part(part_id: int) -> None:
    """Import one part; the part that completes its batch tells the plans."""
    batch = run_part(part_id)
    if batch is not None:
        plan_data_changed(batch.athlete_id, source="import")


@task()
def resume_stalled_imports() -> None:
    """Queue again the import work whose worker stopped renewing its lease (activities.leases)."""
    batches, parts = stalled_work(now=timezone.now())
    for batch_id in batches:
        run_import.enqueue(batch_id)
    for part_id in parts:
        run_import_part.enqueue(part_id)


@task()
def fill_activity_details(activity_id: int) -> bool:
    """Laps, splits and track for an activity imported before they were kept."""
    from tagalong.activities.details import fill_details

    return fill_details(activity_id)
