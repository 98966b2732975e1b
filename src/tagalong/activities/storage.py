"""Where the athlete's activity files live on disk, and how much of the quota they take."""

from __future__ import annotations

import logging

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Sum

from tagalong.activities.models import Activity, BatchStatus, ImportBatch
from tagalong.athletes.models import AthleteProfile

log = logging.getLogger(__name__)


def stored_bytes(athlete: AthleteProfile) -> int:
    """The athlete's kept originals plus the uploads still waiting to be imported."""
    kept = Activity.objects.filter(athlete=athlete).aggregate(total=Sum("original_bytes"))
    waiting = ImportBatch.objects.filter(
        athlete=athlete, status__in=[BatchStatus.QUEUED, BatchStatus.RUNNING]
    ).values_list("files", flat=True)
    pending = sum(int(f.get("size", 0)) for files in waiting for f in files)
    return int(kept["total"] or 0) + pending


def remove_uploads(batch: ImportBatch) -> None:
    """The uploaded bytes go once the batch is done: what was kept is linked or copied."""
    for upload in batch.files:
        try:
            default_storage.delete(upload["path"])
        except OSError:
            log.warning("could not remove upload %s of import %s", upload["path"], batch.pk)


def delete_original_if_unused(athlete_id: int, original: str) -> None:
    """Delete a stored original after commit unless another leg of its file still uses it."""
    if not original:
        return
    if Activity.objects.filter(athlete_id=athlete_id, original=original).exists():
        return
    transaction.on_commit(lambda: default_storage.delete(original))
