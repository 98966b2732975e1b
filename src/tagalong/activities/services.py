"""Writes about activities: uploads, manual runs, deletion.

The import pipeline itself lives in ``importing``, the daily load in ``load``; their entry
points are re-exported here so callers have one module of services.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction

from tagalong.accounts.models import User
from tagalong.activities.importing import (
    PART_SIZE,
    Progress,
    ProgressCallback,
    chart_data,
    claim_batch,
    plan_parts,
    process_batch,
    run_part,
    upload_limits,
)
from tagalong.activities.load import (
    local_day,
    recompute_daily_load,
    refresh_daily_load,
    update_load_settings,
)
from tagalong.activities.models import Activity, ImportBatch
from tagalong.activityfile.limits import UploadLimits
from tagalong.athletes.models import AthleteProfile
from tagalong.audit.services import record
from tagalong.errors import DomainError
from tagalong.trainingload.session_load import available_loads

ALLOWED_SUFFIXES = (".fit", ".gpx", ".tcx", ".gz", ".zip")

__all__ = [
    "ALLOWED_SUFFIXES",
    "PART_SIZE",
    "Progress",
    "ProgressCallback",
    "add_manual_run",
    "chart_data",
    "claim_batch",
    "delete_activity",
    "plan_parts",
    "process_batch",
    "recompute_daily_load",
    "refresh_daily_load",
    "run_part",
    "start_import",
    "update_load_settings",
    "upload_limits",
]


# --- starting an import ------------------------------------------------------------------------


def start_import(
    *, athlete: AthleteProfile, by: User | None, upload: object, enqueue: bool = True
) -> ImportBatch:
    """Save the uploaded file(s) and queue the import; the batch reports progress as it runs.

    ``enqueue=False`` leaves the batch queued for a caller that runs it itself (the CLI)."""
    files = list(upload) if isinstance(upload, list | tuple) else [upload]
    if not files:
        raise DomainError("Choose at least one file to upload.", field="files")
    limits = upload_limits()
    for item in files:
        _check_upload(item, limits)
    with transaction.atomic():
        batch = ImportBatch.objects.create(athlete=athlete, created_by=by)
        saved = [
            {"path": _save_upload(batch, item), "name": Path(item.name).name} for item in files
        ]
        batch.files = saved
        batch.save(update_fields=["files"])
        record(actor=by, action="activities.import_started", target=batch, athlete_id=athlete.pk)
        if enqueue:
            transaction.on_commit(lambda: _enqueue(batch.pk))
    return batch


def _enqueue(batch_id: int) -> None:
    from tagalong.activities.tasks import run_import

    run_import.enqueue(batch_id)


def _check_upload(item: object, limits: UploadLimits) -> None:
    name = Path(getattr(item, "name", "") or "").name
    if not name.lower().endswith(ALLOWED_SUFFIXES):
        raise DomainError(
            f"{name or 'The file'}: only .fit, .gpx, .tcx, .gz and .zip files can be imported.",
            field="files",
        )
    size = int(getattr(item, "size", 0) or 0)
    if size > limits.max_upload_bytes:
        raise DomainError(
            f"{name} is {size:,} bytes, more than the {limits.max_upload_bytes:,} bytes allowed "
            "per upload.",
            field="files",
        )


def _save_upload(batch: ImportBatch, item: object) -> str:
    name = Path(getattr(item, "name", "upload")).name
    target = f"activities/{batch.athlete_id}/uploads/{batch.pk}/{name}"
    return default_storage.save(target, item if isinstance(item, File) else File(item, name=name))


# --- manual runs and deletion ------------------------------------------------------------------


@transaction.atomic
def add_manual_run(
    *,
    athlete: AthleteProfile,
    by: User | None,
    day: date,
    duration_min: float,
    distance_km: float | None,
    rpe: int | None,
    update_load: bool = True,
) -> Activity:
    if not 1 <= duration_min <= 24 * 60:
        raise DomainError("Duration must be between 1 minute and 24 hours.", field="duration_min")
    if distance_km is not None and not 0 <= distance_km <= 500:
        raise DomainError("Distance must be between 0 and 500 km.", field="distance_km")
    if rpe is not None and not 1 <= rpe <= 10:
        raise DomainError("Effort (RPE) must be from 1 to 10.", field="rpe")
    zone = ZoneInfo(athlete.time_zone)
    start = datetime.combine(day, time(12, 0), tzinfo=zone).astimezone(ZoneInfo("UTC"))
    loads = available_loads(minutes=duration_min, rpe=rpe)
    load = loads.get("srpe") or loads["duration"]
    activity = Activity.objects.create(
        athlete=athlete,
        manual=True,
        sport="running",
        start=start,
        duration_s=duration_min * 60,
        moving_s=duration_min * 60,
        distance_m=None if distance_km is None else distance_km * 1000,
        rpe=rpe,
        load_value=load.value,
        load_measure=load.measure,
        load_note=load.note,
        loads={measure: value.value for measure, value in loads.items()},
    )
    record(actor=by, action="activities.manual_run_added", target=activity, athlete_id=athlete.pk)
    if update_load:
        refresh_daily_load(athlete=athlete, from_day=day)
    return activity


@transaction.atomic
def delete_activity(*, activity: Activity, by: User | None) -> None:
    athlete = activity.athlete
    day = local_day(activity.start, ZoneInfo(athlete.time_zone))
    record(
        actor=by,
        action="activities.deleted",
        target=activity,
        athlete_id=athlete.pk,
        start=activity.start.isoformat(),
    )
    original = activity.original.name
    activity.delete()
    if original:
        transaction.on_commit(lambda: default_storage.delete(original))
    refresh_daily_load(athlete=athlete, from_day=day)
