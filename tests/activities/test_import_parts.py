"""A large archive is imported in parts that workers share; the last part finishes the batch."""

from __future__ import annotations

import gzip

import pytest

from tagalong.activities import importing
from tagalong.activities.models import Activity, BatchStatus, DailyLoad, ImportPart
from tagalong.activities.services import claim_batch, plan_parts, run_part, start_import
from tagalong.activities.tasks import run_import
from tests.activities.conftest import CORPUS, strava_zip
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db

RUN_TCX = (CORPUS / "tcxparser" / "test.tcx").read_text()
CSV_HEAD = "Activity ID,Activity Date,Activity Name,Activity Type,Filename,Perceived Exertion\n"


def _export(count: int):  # type: ignore[no-untyped-def]
    """``count`` distinct runs, one a day, as a Strava export."""
    members, rows = {}, []
    for day in range(count):
        text = RUN_TCX.replace("2012-12-26", f"2024-03-{day + 1:02d}")
        name = f"activities/{day}.tcx.gz"
        head, _, rest = text.partition("?>")
        members[name] = gzip.compress(f"{head}?><!-- run {day} -->{rest}".encode())
        rows.append(f'{day},"Mar {day + 1}, 2024, 8:00:00 AM",Run {day},Run,{name},5\n')
    return strava_zip(members, CSV_HEAD + "".join(rows))


def test_a_large_archive_is_split_and_every_file_imported(monkeypatch):
    monkeypatch.setattr(importing, "PART_SIZE", 3)
    athlete = make_athlete()
    batch = start_import(athlete=athlete, by=None, upload=[_export(7)], enqueue=False)
    claimed = claim_batch(batch.pk)
    assert claimed is not None
    parts = plan_parts(claimed)
    assert len(parts) == 3  # 8 members (7 runs and activities.csv) in runs of 3
    for part in reversed(parts):  # workers may finish in any order
        run_part(part.pk)
    claimed.refresh_from_db()
    assert claimed.status == BatchStatus.DONE and claimed.finished_at is not None
    assert claimed.done == claimed.total == 8
    assert Activity.objects.filter(athlete=athlete).count() == 7
    assert set(ImportPart.objects.values_list("status", flat=True)) == {BatchStatus.DONE}
    assert Activity.objects.filter(athlete=athlete, rpe=5, load_measure="srpe").count() == 7
    assert DailyLoad.objects.filter(athlete=athlete, day="2024-03-07").exists()


def test_the_load_is_refreshed_once_by_the_part_that_finishes_the_batch(monkeypatch):
    monkeypatch.setattr(importing, "PART_SIZE", 3)
    refreshed = []
    monkeypatch.setattr(
        importing, "refresh_daily_load", lambda **kwargs: refreshed.append(kwargs["from_day"])
    )
    athlete = make_athlete()
    batch = start_import(athlete=athlete, by=None, upload=[_export(7)], enqueue=False)
    parts = plan_parts(claim_batch(batch.pk))  # type: ignore[arg-type]
    finished = [run_part(part.pk) for part in parts]
    assert [b is not None for b in finished] == [False, False, True]
    assert len(refreshed) == 1 and str(refreshed[0]) == "2024-03-01"


def test_a_part_run_twice_imports_once(monkeypatch):
    monkeypatch.setattr(importing, "PART_SIZE", 3)
    athlete = make_athlete()
    batch = start_import(athlete=athlete, by=None, upload=[_export(4)], enqueue=False)
    parts = plan_parts(claim_batch(batch.pk))  # type: ignore[arg-type]
    run_part(parts[0].pk)
    assert run_part(parts[0].pk) is None
    assert Activity.objects.filter(athlete=athlete).count() == 2  # activities.csv and two runs


def test_the_task_queues_one_task_per_part(monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setattr(importing, "PART_SIZE", 3)
    athlete = make_athlete()
    with django_capture_on_commit_callbacks(execute=True):
        batch = start_import(athlete=athlete, by=None, upload=[_export(5)])
    run_import.call(batch.pk)  # the second run finds the batch claimed
    batch.refresh_from_db()
    assert batch.status == BatchStatus.DONE and batch.parts_total == 2
    assert Activity.objects.filter(athlete=athlete).count() == 5


def test_small_files_share_parts_instead_of_one_part_each(monkeypatch):
    from tests.activities.conftest import FENIX_RUN, SWEATPY_TCX, upload

    monkeypatch.setattr(importing, "PART_SIZE", 2)
    athlete = make_athlete()
    files = [upload(FENIX_RUN), upload(SWEATPY_TCX), upload(FENIX_RUN, "copy.fit")]
    batch = start_import(athlete=athlete, by=None, upload=files, enqueue=False)
    parts = plan_parts(claim_batch(batch.pk))  # type: ignore[arg-type]
    assert [len(part.slices) for part in parts] == [2, 1]
