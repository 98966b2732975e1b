from __future__ import annotations

import pytest

from tagalong.activities.models import Activity, BatchStatus, DailyLoad, ImportItem
from tagalong.activities.services import recompute_daily_load, start_import
from tagalong.errors import DomainError
from tests.activities.conftest import (
    CORPUS,
    FENIX_RUN,
    SETTINGS_FIT,
    SWEATPY_TCX,
    raw_upload,
    strava_zip,
    upload,
)
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
CSV = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Gear,Filename,"
    "Perceived Exertion\n"
    '1,"Jun 11, 2017, 2:34:09 PM",Sunday shakeout,Run,Pegasus 40,activities/1.fit.gz,4\n'
)


def _import(athlete, files, capture):  # type: ignore[no-untyped-def]
    with capture(execute=True):
        batch = start_import(athlete=athlete, by=athlete.user, upload=files)
    batch.refresh_from_db()
    return batch


def _statuses(batch):  # type: ignore[no-untyped-def]
    return {item.name: item.status for item in batch.items.all()}


def test_fit_and_tcx_files_are_imported_with_metrics_and_load(
    django_capture_on_commit_callbacks,
):
    athlete = make_athlete()
    batch = _import(
        athlete, [upload(FENIX_RUN), upload(SWEATPY_TCX)], django_capture_on_commit_callbacks
    )
    assert batch.status == BatchStatus.DONE
    assert batch.done == batch.total == 2
    run = Activity.objects.get(athlete=athlete, source_format="fit")
    assert run.sport == "running"
    assert run.load_measure in {"trimp", "duration"}
    assert "avg_cadence_spm" in run.metrics
    assert run.chart["time_s"]
    assert run.original.name.endswith(".fit")
    assert len(run.content_hash) == 64
    assert Activity.objects.filter(athlete=athlete, source_format="tcx").exists()


def test_same_bytes_twice_is_a_duplicate(django_capture_on_commit_callbacks):
    athlete = make_athlete()
    _import(athlete, [upload(FENIX_RUN)], django_capture_on_commit_callbacks)
    batch = _import(athlete, [upload(FENIX_RUN)], django_capture_on_commit_callbacks)
    item = batch.items.get()
    assert item.status == "duplicate"
    assert "already imported" in item.reason
    assert Activity.objects.filter(athlete=athlete).count() == 1


def test_same_activity_as_fit_and_gpx_keeps_one(django_capture_on_commit_callbacks):
    athlete = make_athlete()
    fit = CORPUS / "sweatpy" / "4801048867.fit"
    gpx = CORPUS / "sweatpy" / "4801048867_strava.gpx"
    batch = _import(athlete, [upload(gpx), upload(fit)], django_capture_on_commit_callbacks)
    assert Activity.objects.filter(athlete=athlete).count() == 1
    assert Activity.objects.get(athlete=athlete).source_format == "fit"  # the richer one
    assert sorted(_statuses(batch).values()) == ["imported", "imported"]
    again = _import(athlete, [upload(gpx, "again.gpx")], django_capture_on_commit_callbacks)
    assert _statuses(again) == {"again.gpx": "duplicate"}


def test_bad_files_fail_with_reasons_without_stopping_the_batch(
    django_capture_on_commit_callbacks,
):
    athlete = make_athlete()
    files = [
        raw_upload("holiday.fit", JPEG),
        upload(SETTINGS_FIT),
        raw_upload("empty.gpx", b""),
        upload(FENIX_RUN),
    ]
    batch = _import(athlete, files, django_capture_on_commit_callbacks)
    assert batch.status == BatchStatus.DONE
    items = {item.name: item for item in batch.items.all()}
    assert items["garmin-fenix-5-run.fit"].status == "imported"
    for name in ("holiday.fit", "Settings.fit", "empty.gpx"):
        assert items[name].status == "failed"
        assert items[name].reason.startswith(name)
        assert items[name].activity is None
    assert "empty" in items["empty.gpx"].reason
    assert Activity.objects.filter(athlete=athlete).count() == 1


def test_strava_export_takes_name_gear_and_effort_from_the_csv(
    django_capture_on_commit_callbacks,
):
    import gzip

    athlete = make_athlete()
    export = strava_zip({"activities/1.fit.gz": gzip.compress(FENIX_RUN.read_bytes())}, CSV)
    batch = _import(athlete, [export], django_capture_on_commit_callbacks)
    run = Activity.objects.get(athlete=athlete)
    assert run.name == "Sunday shakeout"
    assert run.gear_name == "Pegasus 40"
    assert run.rpe == 4
    assert run.load_measure == "srpe"
    item = batch.items.get(status="imported")
    assert item.gear_name == "Pegasus 40"


def test_upload_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setenv("TAGALONG_UPLOAD_MAX_BYTES", "1KiB")
    athlete = make_athlete()
    with pytest.raises(DomainError, match="more than the 1,024 bytes"):
        start_import(athlete=athlete, by=athlete.user, upload=[upload(FENIX_RUN)])
    assert not ImportItem.objects.exists()


def test_other_file_types_are_refused():
    athlete = make_athlete()
    with pytest.raises(DomainError, match=r"only \.fit"):
        start_import(athlete=athlete, by=athlete.user, upload=[raw_upload("photo.jpg", JPEG)])


def test_daily_load_after_import_equals_a_full_recompute(django_capture_on_commit_callbacks):
    athlete = make_athlete()
    _import(athlete, [upload(FENIX_RUN)], django_capture_on_commit_callbacks)
    _import(athlete, [upload(SWEATPY_TCX)], django_capture_on_commit_callbacks)
    incremental = list(DailyLoad.objects.filter(athlete=athlete).values_list("day", "ctl", "atl"))
    assert incremental
    recompute_daily_load(athlete=athlete)
    full = list(DailyLoad.objects.filter(athlete=athlete).values_list("day", "ctl", "atl"))
    assert [(d, round(c, 9), round(a, 9)) for d, c, a in incremental] == [
        (d, round(c, 9), round(a, 9)) for d, c, a in full
    ]


def test_a_member_over_the_per_file_limit_fails_alone(
    django_capture_on_commit_callbacks, monkeypatch
):
    import io
    import zipfile

    from django.core.files.uploadedfile import SimpleUploadedFile

    monkeypatch.setenv("TAGALONG_UPLOAD_MAX_FILE_BYTES", "20KB")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("big.gpx", b"<gpx>" + b" " * 30_000 + b"</gpx>")
        zf.writestr("run.fit", FENIX_RUN.read_bytes())
    athlete = make_athlete()
    batch = _import(
        athlete,
        [SimpleUploadedFile("runs.zip", buffer.getvalue())],
        django_capture_on_commit_callbacks,
    )
    items = {item.name: item for item in batch.items.all()}
    assert items["run.fit"].status == "imported"
    assert items["big.gpx"].status == "failed" and "big.gpx" in items["big.gpx"].reason


def test_running_the_task_twice_imports_once(django_capture_on_commit_callbacks):
    from tagalong.activities.tasks import run_import

    athlete = make_athlete()
    batch = _import(athlete, [upload(FENIX_RUN)], django_capture_on_commit_callbacks)
    run_import.call(batch.pk)
    batch.refresh_from_db()
    assert batch.items.count() == 1 and batch.done == 1


def test_deleting_an_activity_removes_its_original_file(django_capture_on_commit_callbacks):
    from tagalong.activities.services import delete_activity

    athlete = make_athlete()
    _import(athlete, [upload(FENIX_RUN)], django_capture_on_commit_callbacks)
    run = Activity.objects.get(athlete=athlete)
    path = run.original.path
    with django_capture_on_commit_callbacks(execute=True):
        delete_activity(activity=run, by=None)
    import os

    assert not os.path.exists(path)
