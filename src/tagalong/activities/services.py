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
from django.utils.translation import gettext

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
    sentences,
    skipped_upload,
    upload_limits,
)
from tagalong.activities.load import (
    local_day,
    recompute_daily_load,
    refresh_daily_load,
    update_load_settings,
)
from tagalong.activities.models import Activity, ImportBatch
from tagalong.activities.storage import delete_original_if_unused, stored_bytes
from tagalong.activityfile.limits import UploadLimits
from tagalong.athletes.models import AthleteProfile
from tagalong.audit.services import record
from tagalong.errors import DomainError
from tagalong.trainingload.session_load import available_loads
from tagalong.units import Units, km_text, speed_text
from tagalong.wording import Phrase, phrase_json

ALLOWED_SUFFIXES = (".fit", ".gpx", ".tcx", ".gz", ".zip")
# A manual run's distance, if given, is at least this (a smaller one is a typing slip) ...
MIN_MANUAL_DISTANCE_KM = 0.01
# ... and no faster than this: the 100 m world record is 37.6 km/h on average.
MAX_MANUAL_SPEED_KMH = 40.0

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
        raise DomainError(gettext("Choose at least one file to upload."), field="files")
    limits = upload_limits()
    refused = {id(item): reason for item in files if (reason := _refusal(item, limits))}
    accepted = [item for item in files if id(item) not in refused]
    if not accepted:
        raise DomainError(sentences(list(refused.values())), field="files")
    check_quota(athlete=athlete, adding=sum(_size(item) for item in accepted), limits=limits)
    saved: list[str] = []
    try:
        with transaction.atomic():
            batch = ImportBatch.objects.create(athlete=athlete, created_by=by)
            for item in accepted:
                saved.append(_save_upload(batch, item))
            batch.files = [
                {"path": path, "name": _name(item), "size": _size(item)}
                for path, item in zip(saved, accepted, strict=True)
            ]
            batch.save(update_fields=["files"])
            for item in files:
                if id(item) in refused:
                    skipped_upload(batch, _name(item), refused[id(item)])
            record(
                actor=by, action="activities.import_started", target=batch, athlete_id=athlete.pk
            )
            if enqueue:
                transaction.on_commit(lambda: _enqueue(batch.pk))
    except BaseException:
        for path in saved:  # nothing refused or rolled back stays on disk
            default_storage.delete(path)
        raise
    return batch


def check_quota(*, athlete: AthleteProfile, adding: int, limits: UploadLimits) -> None:
    """Refuse an upload that would take the athlete's stored files past their quota."""
    used = stored_bytes(athlete)
    quota = limits.athlete_quota_bytes
    if used + adding > quota:
        raise DomainError(
            Phrase(
                "This upload ({adding}) would take your stored activity files past the {quota} "
                "kept for each athlete: {used} is already in use. Delete activities you no "
                "longer need, or upload fewer files at once.",
                adding=_mb(adding),
                quota=_mb(quota),
                used=_mb(used),
            ),
            field="files",
        )


def _mb(size: int) -> Phrase:
    if size < 2**20:
        return Phrase("{size:.1f} KiB", size=size / 2**10)
    return Phrase("{size:.1f} MiB", size=size / 2**20)


def _enqueue(batch_id: int) -> None:
    from tagalong.activities.tasks import run_import

    run_import.enqueue(batch_id)


def _name(item: object) -> str:
    return Path(getattr(item, "name", "") or "").name


def _size(item: object) -> int:
    return int(getattr(item, "size", 0) or 0)


def _refusal(item: object, limits: UploadLimits) -> Phrase | None:
    """Why a file of the selection is not imported (the rest still is), or None."""
    name = _name(item)
    if not name.lower().endswith(ALLOWED_SUFFIXES):
        return Phrase(
            "{file}: skipped, only .fit, .gpx, .tcx, .gz and .zip files can be imported.",
            file=name or Phrase("The file"),
        )
    size = _size(item)
    if size > limits.max_upload_bytes:
        return Phrase(
            "{file} is {size:,} bytes, more than the {limit:,} bytes allowed per upload.",
            file=name,
            size=size,
            limit=limits.max_upload_bytes,
        )
    return None


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
    units: Units = "km",
) -> Activity:
    """``units``: the reader's, for the wording of a refusal (the values are in km)."""
    if not 1 <= duration_min <= 24 * 60:  # also refuses NaN
        raise DomainError(
            gettext("Duration must be between 1 minute and 24 hours."), field="duration_min"
        )
    if distance_km is not None and not 0 <= distance_km <= 500:
        raise DomainError(
            gettext("Distance must be between 0 and %(km_text)s.")
            % {"km_text": km_text(500, units, digits=0)},
            field="distance_km",
        )
    if distance_km is not None and 0 < distance_km < MIN_MANUAL_DISTANCE_KM:
        raise DomainError(
            gettext(
                "A distance under %(min_manual_distance_km).0f m gives no "
                "pace that can be shown; enter the distance in %(value)s "
                "(e.g. 5.2), or leave it empty."
            )
            % {
                "min_manual_distance_km": MIN_MANUAL_DISTANCE_KM * 1000,
                "value": "miles" if units == "mi" else "km",
            },
            field="distance_km",
        )
    if distance_km and distance_km / (duration_min / 60) > MAX_MANUAL_SPEED_KMH:
        raise DomainError(
            gettext(
                "%(distance_km)s in %(duration_min)g minutes is faster than "
                "%(speed_text)s, quicker than any runner; check the distance "
                "and the duration."
            )
            % {
                "distance_km": km_text(distance_km, units),
                "duration_min": duration_min,
                "speed_text": speed_text(MAX_MANUAL_SPEED_KMH / 3.6, units, digits=0),
            },
            field="distance_km",
        )
    if rpe is not None and not 1 <= rpe <= 10:
        raise DomainError(gettext("Effort (RPE) must be from 1 to 10."), field="rpe")
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
        load_note_phrase=phrase_json(load.note),
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
    delete_original_if_unused(athlete.pk, original)
    refresh_daily_load(athlete=athlete, from_day=day)
