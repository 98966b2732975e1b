"""Importing real-world files: several activities in one file, stray files in a selection,
mended files, what stays on disk, the storage quota and Strava rows without a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from tagalong.activities.models import Activity, BatchStatus, DailyLoad, ItemStatus
from tagalong.activities.services import delete_activity, start_import
from tagalong.errors import DomainError
from tests.activities.conftest import CORPUS, FENIX_RUN, raw_upload, strava_zip, upload
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db

TRIATHLON = CORPUS / "fitparse" / "sample_mulitple_header.fit"
TRUNCATED = CORPUS / "fitparse" / "activity-unexpected-eof.fit"
FIXTURES = Path(__file__).resolve().parents[1] / "activityfile" / "fixtures"


def _import(athlete, files, capture):  # type: ignore[no-untyped-def]
    with capture(execute=True):
        batch = start_import(athlete=athlete, by=athlete.user, upload=files)
    batch.refresh_from_db()
    return batch


def test_triathlon_is_three_activities_and_only_the_run_counts_as_a_run(
    django_capture_on_commit_callbacks,
):
    athlete = make_athlete()
    batch = _import(athlete, [upload(TRIATHLON)], django_capture_on_commit_callbacks)
    legs = list(Activity.objects.filter(athlete=athlete).order_by("start"))
    assert [leg.sport for leg in legs] == ["swimming", "cycling", "running"]
    assert [leg.source_index for leg in legs] == [0, 1, 2]
    run = legs[2]
    assert run.distance_m == pytest.approx(9805.92)
    assert run.metrics["avg_heart_rate_bpm"] == 176.0
    assert run.metrics["avg_cadence_spm"] == pytest.approx(167.03, abs=0.01)
    assert {leg.original.name for leg in legs} == {legs[0].original.name}
    assert sum(leg.original_bytes for leg in legs) == TRIATHLON.stat().st_size
    names = [item.name for item in batch.items.all()]
    assert names[2] == "sample_mulitple_header.fit (3 of 3: running)"
    # Load counts every leg; the running distance of the week is the run leg's alone.
    day = DailyLoad.objects.filter(athlete=athlete, weekly_km__gt=0).order_by("day").first()
    assert day is not None and day.weekly_km == pytest.approx(9.806, abs=0.01)
    assert day.longest_run_km == pytest.approx(9.806, abs=0.01)
    # Deleting one leg keeps the file the other legs still use.
    delete_activity(activity=legs[0], by=athlete.user)
    assert default_storage.exists(legs[1].original.name)


def test_two_sessions_apart_are_two_runs(django_capture_on_commit_callbacks):
    athlete = make_athlete()
    path = FIXTURES / "two-runs-79-min-apart.fit"
    _import(athlete, [upload(path)], django_capture_on_commit_callbacks)
    runs = Activity.objects.filter(athlete=athlete, sport="running").order_by("start")
    assert [run.duration_s for run in runs] == [600.0, 900.0]


def test_a_stray_text_file_or_photo_is_skipped_and_the_rest_imported(
    django_capture_on_commit_callbacks,
):
    athlete = make_athlete()
    files = [
        raw_upload("notes.txt", b"splits"),
        raw_upload("finish.jpg", b"\xff\xd8\xff"),
        upload(FENIX_RUN),
    ]
    batch = _import(athlete, files, django_capture_on_commit_callbacks)
    outcomes = {item.name: (item.status, item.reason) for item in batch.items.all()}
    assert outcomes["notes.txt"][0] == ItemStatus.SKIPPED
    assert "only .fit" in outcomes["notes.txt"][1]
    assert outcomes["finish.jpg"][0] == ItemStatus.SKIPPED
    assert outcomes[FENIX_RUN.name][0] == ItemStatus.IMPORTED
    assert Activity.objects.filter(athlete=athlete).count() == 1


def test_a_selection_of_only_stray_files_is_refused_with_each_reason():
    athlete = make_athlete()
    with pytest.raises(DomainError, match=r"notes\.txt: skipped, only \.fit"):
        start_import(athlete=athlete, by=athlete.user, upload=[raw_upload("notes.txt", b"x")])


def test_a_mended_truncated_fit_tells_the_runner(client, django_capture_on_commit_callbacks):
    athlete = make_athlete()
    batch = _import(athlete, [upload(TRUNCATED)], django_capture_on_commit_callbacks)
    item = batch.items.get()
    assert item.status == ItemStatus.IMPORTED
    assert "damaged" in item.reason
    client.force_login(athlete.user)
    page = client.get(reverse("activities:detail", args=[athlete.pk, item.activity_id]))
    assert "What to know about this file" in page.content.decode()
    assert "damaged at byte" in page.content.decode()


def test_uploaded_bytes_do_not_stay_on_disk(django_capture_on_commit_callbacks):
    athlete = make_athlete()
    batch = _import(
        athlete, [upload(FENIX_RUN), raw_upload("bad.fit", b"not a fit")],
        django_capture_on_commit_callbacks,
    )  # fmt: skip
    assert batch.status == BatchStatus.DONE
    for saved in batch.files:
        assert not default_storage.exists(saved["path"])
    kept = Activity.objects.get(athlete=athlete)
    assert default_storage.exists(kept.original.name)  # the original is kept (a hard link)


def test_an_upload_past_the_storage_quota_is_refused_clearly(
    monkeypatch, django_capture_on_commit_callbacks
):
    athlete = make_athlete()
    size = FENIX_RUN.stat().st_size
    monkeypatch.setenv("TAGALONG_UPLOAD_ATHLETE_QUOTA_BYTES", str(size + 10))
    _import(athlete, [upload(FENIX_RUN)], django_capture_on_commit_callbacks)
    with pytest.raises(DomainError, match=r"past the \d+\.\d KiB kept for each athlete") as caught:
        start_import(athlete=athlete, by=athlete.user, upload=[upload(TRIATHLON)])
    assert "already in use" in caught.value.message
    assert not default_storage.listdir(f"activities/{athlete.pk}/uploads")[1]


STRAVA_CSV = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Gear,Filename\n"
    '1,"Jun 11, 2017, 2:34:09 PM",Shakeout,Run,Pegasus 40,activities/1.fit\n'
    '2,"Jun 12, 2017, 6:00:00 AM",Lost file,Run,,activities/2.fit\n'
    '3,"Jun 13, 2017, 6:00:00 AM",Treadmill by hand,Run,,\n'
)


def test_strava_rows_without_a_file_are_reported_each(django_capture_on_commit_callbacks):
    athlete = make_athlete()
    export = strava_zip({"activities/1.fit": FENIX_RUN.read_bytes()}, STRAVA_CSV)
    batch = _import(athlete, [export], django_capture_on_commit_callbacks)
    reasons = {item.name: (item.status, item.reason) for item in batch.items.all()}
    lost = reasons["activities.csv line 3: Lost file"]
    assert lost[0] == ItemStatus.FAILED and "does not hold that file" in lost[1]
    manual = reasons["activities.csv line 4: Treadmill by hand"]
    assert manual[0] == ItemStatus.SKIPPED and "entered by hand" in manual[1]
    assert Activity.objects.get(athlete=athlete).name == "Shakeout"


@pytest.mark.parametrize(
    "header",
    [
        "id,date,name,type,description,elapsed_time,distance,commute,gear,filename",
        "Aktivitäts-ID,Datum der Aktivität,Name der Aktivität,Aktivitätstyp,"
        "Beschreibung der Aktivität,Verstrichene Zeit,Distanz,Max. Herzfrequenz,"
        "Relativer Aufwand,Pendeln,Private Notiz zur Aktivität,Ausrüstung für Aktivität,"
        "Dateiname",
    ],
    ids=["before-2019", "german"],
)
def test_old_and_non_english_exports_keep_names_and_gear(
    header, django_capture_on_commit_callbacks
):
    athlete = make_athlete()
    if header.startswith("id,"):
        row = '1,"2017-06-11 14:34:09",Shakeout,Run,,57,0.16,false,Pegasus 40,activities/1.fit'
    else:
        row = '1,"11.06.2017, 14:34:09",Shakeout,Laufen,,57,0.16,,,,,Pegasus 40,activities/1.fit'
    export = strava_zip({"activities/1.fit": FENIX_RUN.read_bytes()}, f"{header}\n{row}\n")
    batch = _import(athlete, [export], django_capture_on_commit_callbacks)
    activity = Activity.objects.get(athlete=athlete)
    assert activity.name == "Shakeout"
    assert activity.gear_name == "Pegasus 40"
    imported = batch.items.get(status=ItemStatus.IMPORTED)
    assert imported.gear_name == "Pegasus 40", [(i.name, i.reason) for i in batch.items.all()]
