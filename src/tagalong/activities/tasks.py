"""Background work: run an import batch."""

from __future__ import annotations

from django_tasks import task

from tagalong.activities.services import claim_batch, process_batch


@task()
def run_import(batch_id: int) -> None:
    """Import a queued batch; a second run finds it claimed and does nothing."""
    batch = claim_batch(batch_id)
    if batch is not None:
        process_batch(batch)
