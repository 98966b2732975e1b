"""The import pipeline: a queued batch, split into parts, each file decoded and stored.

``plan_parts`` splits a claimed batch: a zip with more than ``PART_SIZE`` members becomes parts
of that many members, every other file one part, so that task workers can share a large archive
(``tasks.run_import_part``). ``run_part`` imports one part: per entry, the content hash, decode,
metrics and chart are worked out first, outside any transaction, then one short transaction
re-checks for duplicates and stores the rows (two workers never hold the database for a decode).
The part that finishes last updates the daily load once, from the earliest day any part changed,
and completes the batch. See docs/dev/import-pipeline.md.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
import zipfile
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Least
from django.utils import timezone

from tagalong.activities import leases
from tagalong.activities.easy import band_from_json, band_to_json, easy_band, refresh_easy_cadence
from tagalong.activities.load import local_day, refresh_daily_load, settings_of
from tagalong.activities.models import (
    Activity,
    BatchStatus,
    ImportBatch,
    ImportItem,
    ImportPart,
    ItemStatus,
)
from tagalong.activities.storage import delete_original_if_unused, remove_uploads
from tagalong.activityfile import archive, strava_export
from tagalong.activityfile import model as af
from tagalong.activityfile import route as af_route
from tagalong.activityfile import splits as af_splits
from tagalong.activityfile.decode import decode_activities
from tagalong.activityfile.errors import ActivityFileError, ArchiveError
from tagalong.activityfile.limits import UploadLimits
from tagalong.activityfile.zones import read_in_zone
from tagalong.athletes.models import AthleteProfile
from tagalong.physiology.heart_rate import HeartRateZones, heart_rate_zones
from tagalong.shoes.models import Shoe
from tagalong.trainingload.activity_metrics import activity_metrics
from tagalong.trainingload.easy_pace import EasySpeedBand
from tagalong.trainingload.session_load import (
    DEFAULT_ORDER,
    HeartRateProfile,
    available_loads,
    graded_speed,
)
from tagalong.units import UNITS, metres_per_unit
from tagalong.wording import Phrase, phrase_json

log = logging.getLogger(__name__)
# The part and ordinal of the entry being imported: its item records them (activities.leases).
_ENTRY: ContextVar[tuple[int, int] | None] = ContextVar("import_entry", default=None)

PART_SIZE = 50  # archive members per part: small enough to share, large enough to be cheap
SAME_ACTIVITY_WITHIN = timedelta(seconds=60)
CHART_POINTS = 600
PROGRESS_EVERY_S = 0.5  # how often a part writes its progress (the page polls every second)


@dataclass(frozen=True, slots=True)
class Progress:
    """What a progress display needs after each file."""

    done: int
    total: int
    name: str  # the file just handled


ProgressCallback = Callable[[Progress], None]


def upload_limits() -> UploadLimits:
    """Read on every call so a changed environment (or a test) takes effect at once."""
    return UploadLimits.from_mapping(os.environ)


# --- a batch and its parts ---------------------------------------------------------------------


def claim_batch(batch_id: int) -> ImportBatch | None:
    """Claim a queued (or stalled) batch; None when another worker has it or it is finished."""
    return leases.claim_batch(batch_id, now=timezone.now())


def plan_parts(batch: ImportBatch) -> list[ImportPart]:
    """Split a claimed batch into parts of about ``PART_SIZE`` files; fix the shared context.

    Single files and small zips are grouped into parts; a zip with more members than that is
    cut into runs of members, each a part of its own. If the batch cannot even be planned (its
    files gone), it is marked failed and there are no parts.
    """
    try:
        return _plan_parts(batch)
    except Exception as exc:
        log.exception("planning import %s failed", batch.pk)
        batch.status, batch.error = BatchStatus.FAILED, _stopped(exc)
        batch.error_phrase = phrase_json(batch.error)
        batch.finished_at = timezone.now()
        batch.save(update_fields=["status", "error", "error_phrase", "finished_at"])
        return []


def _plan_parts(batch: ImportBatch) -> list[ImportPart]:
    limits = upload_limits()
    slices: list[list[list[int | None]]] = [[]]
    sizes = [0]
    total = 0
    for index, upload in enumerate(batch.files):
        members = _zip_members(default_storage.path(upload["path"]), limits)
        count = 1 if members is None else sum(1 for m in members if not m.endswith("/"))
        total += count
        if members is not None and len(members) > PART_SIZE:
            for first in range(0, len(members), PART_SIZE):
                slices.append([[index, first, min(first + PART_SIZE, len(members))]])
                sizes.append(PART_SIZE)
            continue
        if sizes[-1] >= PART_SIZE:
            slices.append([])
            sizes.append(0)
        slices[-1].append([index, 0, None])
        sizes[-1] += count
    parts = [ImportPart(batch=batch, slices=s) for s in slices if s]
    band = easy_band(batch.athlete)
    with transaction.atomic():
        parts = ImportPart.objects.bulk_create(parts)
        batch.total = min(total, limits.max_entries)
        batch.parts_total = len(parts)
        batch.context = {"easy_speed_band": band_to_json(band)}
        batch.save(update_fields=["total", "parts_total", "context"])
    return parts


def _zip_members(path: str, limits: UploadLimits) -> list[str] | None:
    """The member names of a zip upload, or None for a single file (or an unreadable zip)."""
    if not zipfile.is_zipfile(path):
        return None
    try:
        with archive.open_zip(Path(path), filename=Path(path).name, limits=limits) as zf:
            return zf.namelist()
    except ArchiveError:
        return None


def claim_part(part_id: int) -> ImportPart | None:
    return leases.claim_part(part_id, now=timezone.now())


def run_part(part_id: int, *, progress: ProgressCallback | None = None) -> ImportBatch | None:
    """Import one part; returns the batch when this part was the last and completed it."""
    part = claim_part(part_id)
    if part is None:
        return None
    earliest, error = None, ""
    try:
        earliest = _import_part(part, progress)
    except leases.LeaseLost:
        log.warning("import part %s: taken over by another worker, stopping here", part.pk)
        return None
    except Exception as exc:
        log.exception("import part %s failed", part.pk)
        error = _stopped(exc)
    return _finish_part(part, earliest=earliest, error=error)


def process_batch(batch: ImportBatch, *, progress: ProgressCallback | None = None) -> ImportBatch:
    """Import a claimed batch here and now, part after part (the CLI; a batch of one part)."""
    for part in plan_parts(batch):
        run_part(part.pk, progress=progress)
    batch.refresh_from_db()
    return batch


def _finish_part(part: ImportPart, *, earliest: date | None, error: str) -> ImportBatch | None:
    """Count the part done; the part that completes the batch refreshes the load, once."""
    batch_id = part.batch_id
    with transaction.atomic():
        if not leases.finish_part(part, failed=bool(error)):
            return None  # another worker took it over and finishes it
        changes: dict[str, object] = {"parts_done": F("parts_done") + 1}
        if earliest is not None:
            day = Value(earliest)
            changes["earliest_change"] = Least(Coalesce(F("earliest_change"), day), day)
        if error:
            changes["error"] = error
            changes["error_phrase"] = phrase_json(error)
        ImportBatch.objects.filter(pk=batch_id).update(**changes)
        last = ImportBatch.objects.filter(
            pk=batch_id, status=BatchStatus.RUNNING, parts_done__gte=F("parts_total")
        ).update(status=BatchStatus.DONE)
        if not last:
            return None
        batch = ImportBatch.objects.select_related("athlete").get(pk=batch_id)
        _complete(batch)
        return batch


def _stopped(exc: Exception) -> Phrase:
    return Phrase("The import stopped: {error}", error=str(exc))


def skipped_upload(batch: ImportBatch, name: str, reason: str) -> None:
    """A file of the selection that is not imported, shown with the batch's outcome."""
    _item(batch, name, ItemStatus.SKIPPED, reason)


def _complete(batch: ImportBatch) -> None:
    athlete = batch.athlete
    new_runs = batch.items.filter(status=ItemStatus.IMPORTED).values_list("activity_id", flat=True)
    if band_from_json(batch.context.get("easy_speed_band")) is None:
        # No band when the import started (a first import): the new runs now give one.
        refresh_easy_cadence(athlete=athlete, only=[pk for pk in new_runs if pk is not None])
    if batch.earliest_change is not None:
        refresh_daily_load(athlete=athlete, from_day=batch.earliest_change)
    batch.status = BatchStatus.FAILED if batch.error else BatchStatus.DONE
    if batch.resumed_at is not None:  # a stopped worker's last counts were never written
        batch.done = max(batch.done, batch.items.count())
    batch.total = max(batch.total, batch.done)
    batch.finished_at = timezone.now()
    batch.save(update_fields=["status", "done", "total", "finished_at"])
    transaction.on_commit(lambda: remove_uploads(batch))


# --- one part ----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Context:
    athlete: AthleteProfile
    zone: ZoneInfo
    hr_profile: HeartRateProfile | None
    hr_zones: HeartRateZones | None
    threshold_m_s: float | None
    easy_band: EasySpeedBand | None
    # The athlete's files when the part started: a repeat is known without a query. A file
    # another worker stores meanwhile is caught by the unique constraint instead.
    known_hashes: set[str]
    # Whether the athlete has shoes: without any, only a Strava gear name can name a pair.
    has_shoes: bool

    @classmethod
    def for_batch(cls, batch: ImportBatch) -> _Context:
        athlete = batch.athlete
        hashes = Activity.objects.filter(athlete=athlete).exclude(content_hash="")
        return cls(
            athlete=athlete,
            zone=ZoneInfo(athlete.time_zone),
            hr_profile=_hr_profile(athlete),
            hr_zones=_hr_zones(athlete),
            threshold_m_s=settings_of(athlete).threshold_m_s,
            easy_band=band_from_json(batch.context.get("easy_speed_band")),
            known_hashes=set(hashes.values_list("content_hash", flat=True)),
            has_shoes=Shoe.objects.filter(athlete=athlete).exists(),
        )


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


class _Tally:
    """Counts a part's files and unpacked bytes, written to the batch every half second."""

    def __init__(
        self, batch: ImportBatch, callback: ProgressCallback | None, part: ImportPart | None = None
    ) -> None:
        self.batch, self.callback, self.part = batch, callback, part
        self.files = self.bytes = 0
        self.bytes_counted = 0  # by this part, written or not
        self.written_at = time.monotonic()
        self.done, self.total = batch.done, batch.total

    def count(self, name: str, size: int) -> int | None:
        """Count a file; returns all parts' unpacked bytes when it wrote them, else None."""
        self.files += 1
        self.bytes += size
        self.bytes_counted += size
        if self.callback is not None:
            self.callback(Progress(self.done + self.files, self.total, name))
        if time.monotonic() - self.written_at >= PROGRESS_EVERY_S:
            return self.write()
        return None

    def write(self) -> int:
        """Add the counts to the batch; returns the bytes all parts have unpacked so far.

        Also renews the part's lease (LeaseLost when another worker has taken it over)."""
        if self.part is not None:
            leases.renew(self.part, now=timezone.now())
        ImportBatch.objects.filter(pk=self.batch.pk).update(
            done=F("done") + self.files, unpacked_bytes=F("unpacked_bytes") + self.bytes
        )
        self.done += self.files
        self.files = self.bytes = 0
        self.written_at = time.monotonic()
        return int(
            ImportBatch.objects.filter(pk=self.batch.pk)
            .values_list("unpacked_bytes", flat=True)
            .get()
        )


def _import_part(part: ImportPart, callback: ProgressCallback | None) -> date | None:
    batch = part.batch
    limits = upload_limits()
    context = _Context.for_batch(batch)
    tally = _Tally(batch, callback, part)
    recorded = set(part.items.values_list("ordinal", flat=True))  # by a worker that stopped
    ordinal = -1
    budget = limits.max_total_uncompressed_bytes - tally.write()
    earliest: date | None = None
    for source, members in part.file_slices():
        upload = batch.files[source]
        path, name = default_storage.path(upload["path"]), upload["name"]
        # The part holding the archive's first members reports the index's own findings.
        report = batch if members is None or members.start == 0 else None
        strava = _strava_rows(path, name, limits, report=report)
        # A plain activity file is its own original: linked, not written again.
        same_bytes = path if archive.classify(name) == "activity" else None
        left = budget - tally.bytes_counted
        entries = archive.iter_upload(
            Path(path), filename=name, limits=limits, members=members, bytes_budget=left
        )
        for entry in entries:
            ordinal += 1
            if ordinal in recorded:
                continue
            place = _ENTRY.set((part.pk, ordinal))
            try:
                changed = _import_entry(
                    batch, entry, context=context, strava=strava, same_bytes=same_bytes
                )
            finally:
                _ENTRY.reset(place)
            if changed is not None:
                earliest = changed if earliest is None else min(earliest, changed)
            unpacked = tally.count(getattr(entry, "name", name), getattr(entry, "size", 0))
            if unpacked is not None and unpacked > limits.max_total_uncompressed_bytes:
                # Other parts of the same upload have unpacked the rest of the budget.
                _over_budget(batch, name, limits)
                tally.write()
                return earliest
    tally.write()
    return earliest


def _over_budget(batch: ImportBatch, name: str, limits: UploadLimits) -> None:
    reason = Phrase(
        "{file}: not all read: the upload unpacks to more than {total:,} bytes in total",
        file=name,
        total=limits.max_total_uncompressed_bytes,
    )
    _item(batch, name, ItemStatus.FAILED, reason)


def _strava_rows(
    path: str, name: str, limits: UploadLimits, *, report: ImportBatch | None
) -> dict[str, strava_export.StravaActivityRow]:
    """The export's rows by member name; ``report`` gets one item per row with no file to
    import and per index problem (so a batch reports each once, from one part)."""
    if not zipfile.is_zipfile(path) or not strava_export.is_strava_export(
        Path(path), limits=limits
    ):
        return {}
    try:
        export = strava_export.read_strava_export(Path(path), limits, filename=name)
    except ActivityFileError as error:
        if report is not None:
            reason = Phrase(
                "{problem}; the activities are imported without their Strava names and gear",
                problem=error.message,
            )
            _item(report, error.place or name, ItemStatus.SKIPPED, reason)
        return {}
    if report is not None:
        for problem in export.problems:
            _item(report, problem.place or name, ItemStatus.SKIPPED, problem.message)
        for row in export.missing_files:
            _item(
                report, _row_label(row), ItemStatus.FAILED, strava_export.missing_reason(row), row
            )
        for row in export.manual_activities:
            _item(
                report, _row_label(row), ItemStatus.SKIPPED, strava_export.manual_reason(row), row
            )
    return dict(export.rows_by_filename)


def _row_label(row: strava_export.StravaActivityRow) -> str:
    return f"activities.csv line {row.line}: {row.name or row.activity_id}"


# --- one file ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A decoded file with everything worked out that needs no database."""

    entry: archive.UploadEntry
    digest: str
    decoded: af.Activity
    activity: Activity  # unsaved
    same_bytes: str | None  # a file with exactly these bytes, to link as the original
    legs: int = 1  # activities in the file (a multisport file's legs share it)

    @property
    def name(self) -> str:
        """The entry's name, with the leg for one activity of several in the file."""
        if self.legs == 1:
            return self.entry.name
        return (
            f"{self.entry.name} ({self.decoded.index_in_file + 1} of {self.legs}: "
            f"{self.decoded.sport})"
        )


def _import_entry(
    batch: ImportBatch,
    entry: archive.UploadItem,
    *,
    context: _Context,
    strava: dict[str, strava_export.StravaActivityRow],
    same_bytes: str | None = None,
) -> date | None:
    """Record one entry's outcome; returns the local day whose load changed, if any.

    ``same_bytes`` is a file holding exactly the entry's bytes, if there is one.
    """
    if isinstance(entry, archive.SkippedEntry):
        _item(batch, entry.name, ItemStatus.SKIPPED, entry.reason)
        return None
    if isinstance(entry, ActivityFileError):
        _item(batch, entry.place or entry.file, ItemStatus.FAILED, entry.message)
        return None
    row = strava.get(entry.name)
    digest = hashlib.sha256(entry.data).hexdigest()
    try:
        if digest in context.known_hashes and _duplicate_bytes(batch, entry, digest, context, row):
            return None
        legs = [
            read_in_zone(decoded, context.zone)
            for decoded in decode_activities(entry.data, filename=entry.decode_filename)
        ]
        earliest: date | None = None
        for decoded in legs:
            activity = _build_activity(decoded, context, row)
            prepared = _Prepared(entry, digest, decoded, activity, same_bytes, len(legs))
            with transaction.atomic():
                day = _store(batch, prepared, context=context, strava_row=row)
            if day is not None:
                earliest = day if earliest is None else min(earliest, day)
        return earliest
    except ActivityFileError as error:
        _item(batch, entry.name, ItemStatus.FAILED, error.message, row)
    except IntegrityError:  # another worker stored the same bytes a moment ago
        if not _duplicate_bytes(batch, entry, digest, context, row):
            log.exception("storing %s failed", entry.name)
            reason = Phrase("{file}: could not be stored", file=entry.name)
            _item(batch, entry.name, ItemStatus.FAILED, reason, row)
    except Exception:  # one broken file must never stop the batch
        log.exception("importing %s failed", entry.name)
        reason = Phrase("{file}: could not be read", file=entry.name)
        _item(batch, entry.name, ItemStatus.FAILED, reason, row)
    return None


def _duplicate_bytes(
    batch: ImportBatch,
    entry: archive.UploadEntry,
    digest: str,
    context: _Context,
    row: strava_export.StravaActivityRow | None,
) -> bool:
    existing = (
        Activity.objects.filter(athlete=context.athlete, content_hash=digest)
        .only("id", "sport", "start")
        .first()
    )
    if existing is None:
        return False
    reason = Phrase(
        "{file}: already imported ({sport} on {start:%Y-%m-%d %H:%M})",
        file=entry.name,
        sport=existing.sport,
        start=existing.start.astimezone(context.zone),
    )
    _item(batch, entry.name, ItemStatus.DUPLICATE, reason, row, existing)
    return True


def _store(
    batch: ImportBatch,
    prepared: _Prepared,
    *,
    context: _Context,
    strava_row: strava_export.StravaActivityRow | None,
) -> date | None:
    athlete = context.athlete
    # Holds other writers of this athlete (PostgreSQL) until commit, so a twin from another
    # worker cannot slip in between the check and the insert; SQLite's immediate transactions
    # already hold every writer.
    if transaction.get_connection().features.has_select_for_update:
        list(AthleteProfile.objects.select_for_update().filter(pk=athlete.pk).values_list("pk"))
    entry, decoded = prepared.entry, prepared.decoded
    twin = _same_activity(athlete, decoded)
    replaced_day = None
    if twin is not None:
        if _richness(twin) >= _richness_of(decoded):
            reason = _twin_reason(prepared.name, twin)
            _item(batch, prepared.name, ItemStatus.DUPLICATE, reason, strava_row, twin)
            return None
        replaced_day = local_day(twin.start, context.zone)
        _delete_with_file(twin)
    activity = prepared.activity
    activity.content_hash = prepared.digest
    activity.source_index = decoded.index_in_file
    activity.original_bytes = len(entry.data)
    _keep_original(activity, prepared)
    activity.save()
    # The pair worn: the Strava gear name, else the default shoe for the sport.
    if activity.gear_name or context.has_shoes:
        from tagalong.shoes.services import auto_assign

        auto_assign(activity)
        context.has_shoes = True
    notes = [Phrase("replaced a copy with less detail")] if replaced_day else []
    _item(batch, prepared.name, ItemStatus.IMPORTED, sentences([*notes, *decoded.warnings]),
          strava_row, activity)  # fmt: skip
    context.known_hashes.add(prepared.digest)
    day = local_day(activity.start, context.zone)
    return min(day, replaced_day) if replaced_day else day


def _twin_reason(name: str, twin: Activity) -> Phrase:
    if twin.source_format:
        return Phrase(
            "{file}: the same activity is already imported from a {format} file with as much "
            "detail",
            file=name,
            format=twin.source_format.upper(),
        )
    return Phrase(
        "{file}: the same activity is already imported from a manual entry file with as much "
        "detail",
        file=name,
    )


def sentences(parts: list[str]) -> str:
    """Sentences one after the other, each still said in the reader's language.

    The template holds only the fields, so it needs no translation: every language puts the
    sentences side by side with a space.
    """
    if len(parts) < 2:
        return parts[0] if parts else ""
    template = " ".join(f"{{s{index}}}" for index in range(len(parts)))
    return Phrase(template, **{f"s{index}": part for index, part in enumerate(parts)})


def _keep_original(activity: Activity, prepared: _Prepared) -> None:
    """Store the original file: a hard link to the upload when it holds the same bytes.

    The legs of a multisport file share the one copy stored with the first.
    """
    if prepared.decoded.index_in_file:
        shared = (
            Activity.objects.filter(athlete_id=activity.athlete_id, content_hash=prepared.digest)
            .exclude(original="")
            .values_list("original", flat=True)
            .first()
        )
        if shared:
            activity.original.name = shared
            activity.original_bytes = 0  # counted once, with the leg that stored it
            return
    stored_name = f"{prepared.digest}.{prepared.decoded.source_format}"
    if prepared.same_bytes is not None:
        name = default_storage.get_available_name(
            activity.original.field.generate_filename(activity, stored_name)
        )
        try:
            target = default_storage.path(name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            os.link(prepared.same_bytes, target)
        except (OSError, NotImplementedError):
            pass  # another file system, or storage without paths: write a copy instead
        else:
            activity.original.name = name
            return
    activity.original.save(stored_name, ContentFile(prepared.entry.data), save=False)


def _delete_with_file(activity: Activity) -> None:
    original = activity.original.name
    activity.delete()
    delete_original_if_unused(activity.athlete_id, original)


def _item(
    batch: ImportBatch,
    name: str,
    status: str,
    reason: str,
    row: strava_export.StravaActivityRow | None = None,
    activity: Activity | None = None,
) -> ImportItem:
    gear = (row.gear or "") if row is not None else ""
    part_id, ordinal = _ENTRY.get() or (None, None)
    if ordinal is not None:  # one entry may give several items (the legs of a multisport file)
        _ENTRY.set((part_id, None))
    return ImportItem.objects.create(
        batch=batch,
        name=name,
        status=status,
        reason=reason,
        reason_phrase=phrase_json(reason),
        gear_name=gear,
        activity=activity,
        part_id=part_id,
        ordinal=ordinal,
    )


def _same_activity(athlete: AthleteProfile, decoded: af.Activity) -> Activity | None:
    return (
        Activity.objects.filter(
            athlete=athlete,
            sport=decoded.sport,
            start__gte=decoded.start - SAME_ACTIVITY_WITHIN,
            start__lte=decoded.start + SAME_ACTIVITY_WITHIN,
        )
        .only(
            "id", "athlete_id", "source_format", "stream_names", "sample_count", "start", "original"
        )
        .order_by("start")
        .first()
    )


def stream_names(streams: af.Streams) -> list[str]:
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
    return len(stream_names(streams)), len(streams), _FORMAT_RANK.get(decoded.source_format, 0)


def _richness(activity: Activity) -> tuple[int, int, int]:
    rank = _FORMAT_RANK.get(activity.source_format, 0)
    return len(activity.stream_names), activity.sample_count, rank


def _build_activity(
    decoded: af.Activity,
    context: _Context,
    strava_row: strava_export.StravaActivityRow | None,
) -> Activity:
    rpe = strava_row.perceived_exertion if strava_row is not None else None
    minutes = max((decoded.moving_s or decoded.duration_s) / 60, 0.0)
    loads = available_loads(
        minutes=minutes,
        rpe=rpe,
        activity=decoded,
        hr_profile=context.hr_profile,
        threshold_m_s=context.threshold_m_s,
    )
    best = next(loads[m] for m in DEFAULT_ORDER if m in loads)
    band = context.easy_band.as_tuple if context.easy_band is not None else None
    metrics = activity_metrics(decoded, hr_zones=context.hr_zones, easy_speed_band=band).to_dict()
    metrics.update(device_totals(decoded))
    metrics["easy_band"] = band_to_json(context.easy_band) if decoded.is_run else None
    # Kept so rTSS can be worked out again for another threshold pace, without the file.
    metrics["graded_speed_m_s"] = graded_speed(decoded) if decoded.is_run else None
    name = (strava_row.name if strava_row and strava_row.name else None) or decoded.name or ""
    return Activity(
        athlete=context.athlete,
        source_format=decoded.source_format,
        sport=decoded.sport,
        sub_sport=decoded.sub_sport or "",
        start=decoded.start,
        duration_s=decoded.duration_s,
        moving_s=decoded.moving_s,
        timer_s=decoded.timer_s,
        distance_m=decoded.distance_m,
        ascent_m=decoded.ascent_m,
        descent_m=decoded.descent_m,
        device=(decoded.device or "")[:120],
        name=name[:200],
        gear_name=((strava_row.gear or "") if strava_row else "")[:200],
        rpe=round(rpe) if rpe is not None else None,
        load_value=best.value,
        load_measure=best.measure,
        load_note=best.note[:300],
        load_note_phrase=phrase_json(best.note),
        loads={measure: load.value for measure, load in loads.items()},
        metrics=metrics,
        recovered=decoded.recovered,
        warnings=list(decoded.warnings),
        warning_phrases=[phrase_json(warning) for warning in decoded.warnings],
        sample_count=len(decoded.streams),
        stream_names=stream_names(decoded.streams),
        chart=chart_data(decoded.streams),
        laps=af_splits.lap_rows(decoded),
        splits=split_rows(decoded.streams),
        track=[list(point) for point in af_route.track_points(decoded.streams)],
    )


def split_rows(streams: af.Streams) -> dict[str, list[dict[str, float | int | None]]]:
    """Splits per kilometre and per mile, so each reader sees their own without the file."""
    rows = {unit: af_splits.splits(streams, metres_per_unit(unit)) for unit in UNITS}
    return {unit: [split.to_dict() for split in found] for unit, found in rows.items() if found}


def device_totals(decoded: af.Activity) -> dict[str, float]:
    """The device's session averages, which the summary shows before computed ones."""
    totals = {
        "avg_heart_rate_bpm": decoded.avg_hr_bpm,
        "max_heart_rate_bpm": decoded.max_hr_bpm,
        "avg_cadence_spm": decoded.avg_cadence_spm if decoded.is_run else None,
    }
    return {key: round(value, 2) for key, value in totals.items() if value is not None}


def _series(values: af.FloatArray | None, index: np.ndarray, digits: int) -> list[float | None]:
    if values is None:
        return []
    picked = np.round(values[index], digits).tolist()
    return [None if v != v or v in (np.inf, -np.inf) else v for v in picked]  # v != v: NaN


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
        "altitude_m": _series(streams.altitude_m, index, 1),
    }
