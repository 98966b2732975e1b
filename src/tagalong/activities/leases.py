"""Leases on import work, so an import outlives the worker that started it.

A worker claims a batch (to plan it and queue its parts) or a part (to import it) with a
conditional update that also sets ``lease_until``; while it works it renews the lease. A worker
that dies stops renewing. The periodic sweep (``resume_stalled_imports``) queues expired work
again, and the next worker to claim it takes it over: a part resumes after the entries it has
already recorded (an entry's item is unique per part and ordinal, written with the activity in
one transaction), so each file is imported once and the batch finishes once. A worker that lost
its lease (it was only slow) notices at its next renewal and stops without finishing the part.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import F, Q

from tagalong.activities.models import BatchStatus, ImportBatch, ImportPart

DEFAULT_LEASE_S = 120


class LeaseLost(Exception):
    """Another worker took the part over: this one must stop and leave it to them."""


def lease_length() -> timedelta:
    return timedelta(seconds=getattr(settings, "IMPORT_LEASE_S", DEFAULT_LEASE_S))


def claim_batch(batch_id: int, *, now: datetime) -> ImportBatch | None:
    """A queued batch, or one whose planner stopped; None while another worker holds it."""
    until = now + lease_length()
    batches = ImportBatch.objects.filter(pk=batch_id)
    if not batches.filter(status=BatchStatus.QUEUED).update(
        status=BatchStatus.RUNNING, lease_until=until
    ):
        stalled = batches.filter(status=BatchStatus.RUNNING, lease_until__lt=now)
        if not stalled.update(lease_until=until, resumed_at=now):
            return None
    return ImportBatch.objects.select_related("athlete", "athlete__user").get(pk=batch_id)


def release_batch(batch: ImportBatch) -> None:
    """Its parts are planned and queued: from here the parts' own leases carry the work."""
    ImportBatch.objects.filter(pk=batch.pk).update(lease_until=None)


def claim_part(part_id: int, *, now: datetime) -> ImportPart | None:
    """A queued part, or a running one whose lease expired; None while someone holds it."""
    owner = secrets.token_hex(8)
    claimable = Q(status=BatchStatus.QUEUED) | Q(status=BatchStatus.RUNNING, lease_until__lt=now)
    claimed = ImportPart.objects.filter(Q(pk=part_id) & claimable).update(
        status=BatchStatus.RUNNING,
        lease_owner=owner,
        lease_until=now + lease_length(),
        attempts=F("attempts") + 1,
    )
    if not claimed:
        return None
    part = ImportPart.objects.select_related("batch__athlete__user").get(pk=part_id)
    if part.attempts > 1:
        ImportBatch.objects.filter(pk=part.batch_id).update(resumed_at=now)
    return part


def renew(part: ImportPart, *, now: datetime) -> None:
    """Extend this worker's lease on the part; LeaseLost when someone took it over."""
    renewed = ImportPart.objects.filter(
        pk=part.pk, status=BatchStatus.RUNNING, lease_owner=part.lease_owner
    ).update(lease_until=now + lease_length())
    if not renewed:
        raise LeaseLost(f"import part {part.pk} was taken over by another worker")


def finish_part(part: ImportPart, *, failed: bool) -> bool:
    """Mark the part finished; False when this worker no longer holds it (nothing counted)."""
    status = BatchStatus.FAILED if failed else BatchStatus.DONE
    return bool(
        ImportPart.objects.filter(
            pk=part.pk, status=BatchStatus.RUNNING, lease_owner=part.lease_owner
        ).update(status=status, lease_until=None)
    )


def stalled_work(*, now: datetime) -> tuple[list[int], list[int]]:
    """(batch ids, part ids) whose worker stopped renewing its lease."""
    running = Q(status=BatchStatus.RUNNING, lease_until__lt=now)
    batches = list(ImportBatch.objects.filter(running).values_list("pk", flat=True))
    parts = list(
        ImportPart.objects.filter(running, batch__status=BatchStatus.RUNNING).values_list(
            "pk", flat=True
        )
    )
    return batches, parts
