"""Writes about activities: uploads, the import pipeline, manual runs, deletion, daily load."""

from __future__ import annotations

import hashlib
import logging
import os
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from tagalong.accounts.models import User
from tagalong.activities.models import (
    Activity,
    BatchStatus,
    DailyLoad,
    ImportBatch,
    ImportItem,
    ItemStatus,
)
from tagalong.activityfile import archive, strava_export
from tagalong.activityfile import model as af
from tagalong.activityfile.decode import decode_activity
from tagalong.activityfile.errors import ActivityFileError
from tagalong.activityfile.limits import UploadLimits
from tagalong.athletes.models import AthleteProfile
from tagalong.audit.services import record
from tagalong.errors import DomainError
from tagalong.physiology.heart_rate import HeartRateZones, heart_rate_zones
from tagalong.trainingload import daily
from tagalong.trainingload.activity_metrics import activity_metrics
from tagalong.trainingload.session_load import HeartRateProfile, choose_load

log = logging.getLogger(__name__)

ALLOWED_SUFFIXES = (".fit", ".gpx", ".tcx", ".gz", ".zip")
SAME_ACTIVITY_WITHIN = timedelta(seconds=60)
CHART_POINTS = 600
RUNNING_SPORTS = frozenset({"running"})
Progress = Callable[[ImportBatch], None]


def upload_limits() -> UploadLimits:
    """Read on every call so a changed environment (or a test) takes effect at once."""
    return UploadLimits.from_mapping(os.environ)


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


# --- running an import -------------------------------------------------------------------------


def claim_batch(batch_id: int) -> ImportBatch | None:
    """Claim a queued batch; None when another worker has it or it is finished."""
    claimed = ImportBatch.objects.filter(pk=batch_id, status=BatchStatus.QUEUED).update(
        status=BatchStatus.RUNNING
    )
    if not claimed:
        return None
    return ImportBatch.objects.select_related("athlete", "athlete__user").get(pk=batch_id)


def process_batch(batch: ImportBatch, *, progress: Progress | None = None) -> ImportBatch:
    """Import every file of a claimed batch, one transaction per file, then refresh the load."""
    limits = upload_limits()
    context = _AthleteContext.for_athlete(batch.athlete)
    sources = [(default_storage.path(f["path"]), f["name"]) for f in batch.files]
    batch.total = sum(_count_entries(path, name, limits) for path, name in sources)
    batch.save(update_fields=["total"])
    earliest: date | None = None
    try:
        for path, name in sources:
            strava = _strava_rows(path, name, limits)
            for entry in archive.iter_upload(Path(path), filename=name, limits=limits):
                changed = _import_entry(batch, entry, context=context, strava=strava)
                if changed is not None:
                    earliest = changed if earliest is None else min(earliest, changed)
                ImportBatch.objects.filter(pk=batch.pk).update(done=F("done") + 1)
                batch.refresh_from_db(fields=["done"])
                if progress is not None:
                    progress(batch)
    except Exception as exc:
        log.exception("import batch %s failed", batch.pk)
        batch.status, batch.error = BatchStatus.FAILED, f"The import stopped: {exc}"
    else:
        batch.status = BatchStatus.DONE
    if earliest is not None:
        refresh_daily_load(athlete=batch.athlete, from_day=earliest)
    batch.total = max(batch.total, batch.done)
    batch.finished_at = timezone.now()
    batch.save(update_fields=["status", "error", "total", "finished_at"])
    return batch


def _count_entries(path: str, name: str, limits: UploadLimits) -> int:
    """A cheap estimate of the items to come, for the progress bar: listed names, not bytes."""
    if not zipfile.is_zipfile(path):
        return 1
    try:
        with zipfile.ZipFile(path) as zf:
            names = [n for n in zf.namelist() if not n.endswith("/")]
    except (zipfile.BadZipFile, OSError):
        return 1
    return min(len(names), limits.max_entries)


def _strava_rows(
    path: str, name: str, limits: UploadLimits
) -> dict[str, strava_export.StravaActivityRow]:
    if not zipfile.is_zipfile(path) or not strava_export.is_strava_export(
        Path(path), limits=limits
    ):
        return {}
    try:
        export = strava_export.read_strava_export(Path(path), limits, filename=name)
    except ActivityFileError:
        return {}
    return dict(export.rows_by_filename)


@dataclass(frozen=True, slots=True)
class _AthleteContext:
    athlete: AthleteProfile
    zone: ZoneInfo
    hr_profile: HeartRateProfile | None
    hr_zones: HeartRateZones | None

    @classmethod
    def for_athlete(cls, athlete: AthleteProfile) -> _AthleteContext:
        return cls(athlete, ZoneInfo(athlete.time_zone), _hr_profile(athlete), _hr_zones(athlete))


def _hr_profile(athlete: AthleteProfile) -> HeartRateProfile | None:
    if not (athlete.hr_rest and athlete.hr_max and athlete.sex in ("female", "male")):
        return None
    try:
        return HeartRateProfile(athlete.hr_rest, athlete.hr_max, athlete.sex)  # type: ignore[arg-type]
    except ValueError:
        return None


def _hr_zones(athlete: AthleteProfile) -> HeartRateZones | None:
    try:
        return heart_rate_zones(
            lthr_bpm=athlete.lthr, measured_hr_max_bpm=athlete.hr_max, age_years=athlete.age
        )
    except ValueError:
        return None


def _import_entry(
    batch: ImportBatch,
    entry: archive.UploadItem,
    *,
    context: _AthleteContext,
    strava: dict[str, strava_export.StravaActivityRow],
) -> date | None:
    """Record one entry's outcome; returns the local day whose load changed, if any."""
    if isinstance(entry, archive.SkippedEntry):
        _item(batch, entry.name, ItemStatus.SKIPPED, entry.reason)
        return None
    if isinstance(entry, ActivityFileError):
        _item(batch, entry.place or entry.file, ItemStatus.FAILED, str(entry))
        return None
    row = strava.get(entry.name)
    try:
        with transaction.atomic():
            return _import_file(batch, entry, context=context, strava_row=row)
    except ActivityFileError as error:
        _item(batch, entry.name, ItemStatus.FAILED, str(error), row)
    except Exception:  # one broken file must never stop the batch
        log.exception("importing %s failed", entry.name)
        _item(batch, entry.name, ItemStatus.FAILED, f"{entry.name}: could not be read", row)
    return None


def _item(
    batch: ImportBatch,
    name: str,
    status: str,
    reason: str,
    row: strava_export.StravaActivityRow | None = None,
    activity: Activity | None = None,
) -> ImportItem:
    gear = (row.gear or "") if row is not None else ""
    return ImportItem.objects.create(
        batch=batch, name=name, status=status, reason=reason, gear_name=gear, activity=activity
    )


def _import_file(
    batch: ImportBatch,
    entry: archive.UploadEntry,
    *,
    context: _AthleteContext,
    strava_row: strava_export.StravaActivityRow | None,
) -> date | None:
    athlete = context.athlete
    digest = hashlib.sha256(entry.data).hexdigest()
    existing = Activity.objects.filter(athlete=athlete, content_hash=digest).first()
    if existing is not None:
        reason = f"{entry.name}: already imported ({_describe(existing, context.zone)})"
        _item(batch, entry.name, ItemStatus.DUPLICATE, reason, strava_row, existing)
        return None
    decoded = decode_activity(entry.data, filename=entry.decode_filename)
    twin = _same_activity(athlete, decoded)
    replaced_day = None
    if twin is not None:
        if _richness(twin) >= _richness_of(decoded):
            reason = (
                f"{entry.name}: the same run is already imported from a "
                f"{twin.source_format.upper() or 'manual entry'} file with as much detail"
            )
            _item(batch, entry.name, ItemStatus.DUPLICATE, reason, strava_row, twin)
            return None
        replaced_day = _local_day(twin.start, context.zone)
        twin.delete()
    activity = _build_activity(athlete, decoded, context=context, strava_row=strava_row)
    activity.content_hash = digest
    activity.original.save(f"{digest}.{decoded.source_format}", ContentFile(entry.data), save=False)
    activity.save()
    # The pair worn: the Strava gear name, else the default shoe for the sport.
    from tagalong.shoes.services import auto_assign

    auto_assign(activity)
    note = "replaced a copy with less detail" if replaced_day else ""
    _item(batch, entry.name, ItemStatus.IMPORTED, note, strava_row, activity)
    day = _local_day(activity.start, context.zone)
    return min(day, replaced_day) if replaced_day else day


def _describe(activity: Activity, zone: ZoneInfo) -> str:
    return f"{activity.sport} on {activity.start.astimezone(zone):%Y-%m-%d %H:%M}"


def _same_activity(athlete: AthleteProfile, decoded: af.Activity) -> Activity | None:
    return (
        Activity.objects.filter(
            athlete=athlete,
            sport=decoded.sport,
            start__gte=decoded.start - SAME_ACTIVITY_WITHIN,
            start__lte=decoded.start + SAME_ACTIVITY_WITHIN,
        )
        .order_by("start")
        .first()
    )


def _stream_names(streams: af.Streams) -> list[str]:
    names = [
        name
        for name in af.Streams.__dataclass_fields__
        if name not in ("time_s", "developer") and getattr(streams, name) is not None
    ]
    return names + [f"developer:{key}" for key in streams.developer]


# On a tie a FIT file wins: it carries laps, device and sensor detail that GPX drops.
_FORMAT_RANK = {"fit": 3, "tcx": 2, "gpx": 1}


def _richness_of(decoded: af.Activity) -> tuple[int, int, int]:
    streams = decoded.streams
    return len(_stream_names(streams)), len(streams), _FORMAT_RANK.get(decoded.source_format, 0)


def _richness(activity: Activity) -> tuple[int, int, int]:
    rank = _FORMAT_RANK.get(activity.source_format, 0)
    return len(activity.stream_names), activity.sample_count, rank


def _build_activity(
    athlete: AthleteProfile,
    decoded: af.Activity,
    *,
    context: _AthleteContext,
    strava_row: strava_export.StravaActivityRow | None,
) -> Activity:
    rpe = strava_row.perceived_exertion if strava_row is not None else None
    minutes = (decoded.moving_s or decoded.duration_s) / 60
    load = choose_load(
        minutes=max(minutes, 0.0), rpe=rpe, activity=decoded, hr_profile=context.hr_profile
    )
    metrics = activity_metrics(decoded, hr_zones=context.hr_zones).to_dict()
    name = (strava_row.name if strava_row and strava_row.name else None) or decoded.name or ""
    return Activity(
        athlete=athlete,
        source_format=decoded.source_format,
        sport=decoded.sport,
        sub_sport=decoded.sub_sport or "",
        start=decoded.start,
        duration_s=decoded.duration_s,
        moving_s=decoded.moving_s,
        distance_m=decoded.distance_m,
        ascent_m=decoded.ascent_m,
        descent_m=decoded.descent_m,
        device=(decoded.device or "")[:120],
        name=name[:200],
        gear_name=((strava_row.gear or "") if strava_row else "")[:200],
        rpe=round(rpe) if rpe is not None else None,
        load_value=load.value,
        load_measure=load.measure,
        load_note=load.note[:300],
        metrics=metrics,
        recovered=decoded.recovered,
        warnings=list(decoded.warnings),
        sample_count=len(decoded.streams),
        stream_names=_stream_names(decoded.streams),
        chart=chart_data(decoded.streams),
    )


def _series(values: af.FloatArray | None, index: np.ndarray, digits: int) -> list[float | None]:
    if values is None:
        return []
    picked = values[index]
    return [round(float(v), digits) if np.isfinite(v) else None for v in picked]


def chart_data(streams: af.Streams, points: int = CHART_POINTS) -> dict[str, list[float | None]]:
    """At most ``points`` evenly spaced samples of the streams the chart shows."""
    count = len(streams)
    if count == 0:
        return {}
    index = np.unique(np.linspace(0, count - 1, min(points, count)).round().astype(int))
    speed = streams.speed_m_s
    pace = None
    if speed is not None:
        with np.errstate(divide="ignore", invalid="ignore"):
            pace = np.where(speed > 0.5, 1000.0 / speed, np.nan)
    return {
        "time_s": _series(streams.time_s, index, 0),
        "pace_s_per_km": _series(pace, index, 0),
        "cadence_spm": _series(streams.cadence_spm, index, 0),
        "heart_rate_bpm": _series(streams.heart_rate_bpm, index, 0),
        "stance_time_ms": _series(streams.stance_time_ms, index, 0),
    }


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
    load = choose_load(minutes=duration_min, rpe=rpe)
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
    )
    record(actor=by, action="activities.manual_run_added", target=activity, athlete_id=athlete.pk)
    if update_load:
        refresh_daily_load(athlete=athlete, from_day=day)
    return activity


@transaction.atomic
def delete_activity(*, activity: Activity, by: User | None) -> None:
    athlete = activity.athlete
    day = _local_day(activity.start, ZoneInfo(athlete.time_zone))
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


# --- daily load --------------------------------------------------------------------------------


def _local_day(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()


def _day_inputs(athlete: AthleteProfile) -> dict[date, daily.DayInput]:
    zone = ZoneInfo(athlete.time_zone)
    totals: dict[date, list[float]] = {}
    rows = Activity.objects.filter(athlete=athlete).values_list(
        "start", "load_value", "distance_m", "sport"
    )
    for start, load, distance_m, sport in rows:
        load_km_longest = totals.setdefault(_local_day(start, zone), [0.0, 0.0, 0.0])
        load_km_longest[0] += load
        if sport in RUNNING_SPORTS and distance_m:
            km = distance_m / 1000
            load_km_longest[1] += km
            load_km_longest[2] = max(load_km_longest[2], km)
    return {day: daily.DayInput(*values) for day, values in totals.items()}


def _today(athlete: AthleteProfile) -> date:
    return timezone.now().astimezone(ZoneInfo(athlete.time_zone)).date()


def refresh_daily_load(
    *, athlete: AthleteProfile, from_day: date, today: date | None = None
) -> None:
    """Recompute the daily series from ``from_day`` on, continuing from the stored state."""
    days = _day_inputs(athlete)
    if not days:
        DailyLoad.objects.filter(athlete=athlete).delete()
        return
    first = min(days)
    end = max(max(days), today or _today(athlete))
    previous = DailyLoad.objects.filter(athlete=athlete, day=from_day - timedelta(days=1)).first()
    if previous is None or from_day <= first or from_day > end:
        _replace(athlete, daily.recompute(days, start=first, end=end), since=None)
        return
    state = daily.LoadState.from_dict(previous.state)
    _replace(athlete, daily.update_from(state, days, from_day=from_day, end=end), since=from_day)


def recompute_daily_load(*, athlete: AthleteProfile, today: date | None = None) -> int:
    """The whole series from the first activity; returns the number of days written."""
    days = _day_inputs(athlete)
    if not days:
        DailyLoad.objects.filter(athlete=athlete).delete()
        return 0
    rows = daily.recompute(days, start=min(days), end=max(max(days), today or _today(athlete)))
    _replace(athlete, rows, since=None)
    return len(rows)


@transaction.atomic
def _replace(athlete: AthleteProfile, rows: Iterable[daily.DayLoad], *, since: date | None) -> None:
    stale = DailyLoad.objects.filter(athlete=athlete)
    if since is not None:
        stale = stale.filter(day__gte=since)
    stale.delete()
    DailyLoad.objects.bulk_create([_row(athlete, r) for r in rows], batch_size=500)


def _row(athlete: AthleteProfile, r: daily.DayLoad) -> DailyLoad:
    change = r.weekly_distance.change
    return DailyLoad(
        athlete=athlete,
        day=r.day,
        load=r.load,
        ctl=r.ctl,
        atl=r.atl,
        tsb=r.tsb,
        acwr=r.acwr,
        acwr_warning=r.acwr_warning,
        ramp=r.ramp_rate,
        weekly_km=r.weekly_distance.this_week_km,
        weekly_change_pct=None if change is None else change * 100,
        weekly_flagged=r.weekly_distance.flagged,
        spike_band=r.run_spike.band,
        longest_run_km=r.run_spike.run_km,
        state=r.state.to_dict(),
    )
