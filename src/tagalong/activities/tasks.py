"""Background work: run an import batch, in parts that several workers can share."""

from __future__ import annotations

from django_tasks import task

from tagalong.activities.services import claim_batch, plan_parts, run_part
from tagalong.plans.hooks import plan_data_changed


@task()
def run_import(batch_id: int) -> None:
    """Import a queued batch; a second run finds it claimed and does nothing.

    A batch of one part is imported here; a large archive's parts are queued, one task each.
    """
    batch = claim_batch(batch_id)
    if batch is None:
        return
    parts = plan_parts(batch)
    if len(parts) == 1:
        if run_part(parts[0].pk) is not None:
            plan_data_changed(batch.athlete_id, source="import")
        return
    for part in parts:
        run_import_part.enqueue(part.pk)


@task()
def run_import_part(part_id: int) -> None:
    """Import one part; the part that completes its batch tells the plans."""
    batch = run_part(part_id)
    if batch is not None:
        plan_data_changed(batch.athlete_id, source="import")
