from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tagalong.activities.models import Activity, DailyLoad, ImportBatch
from tagalong.activities.services import add_manual_run
from tests.activities.conftest import FENIX_RUN, SETTINGS_FIT, raw_upload, upload

pytestmark = pytest.mark.django_db


def test_athlete_uploads_files_and_sees_each_outcome(
    world, client_for, django_capture_on_commit_callbacks
):
    client = client_for(world.athlete_a.user)
    url = reverse("activities:upload", args=[world.athlete_a.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"files": [upload(FENIX_RUN), upload(SETTINGS_FIT), raw_upload("x.gpx", b"")]}
        )
    batch = ImportBatch.objects.get(athlete=world.athlete_a)
    assert response.status_code == 302
    assert response["Location"] == reverse("activities:batch", args=[world.athlete_a.pk, batch.pk])
    page = client.get(response["Location"], headers={"HX-Request": "true"})
    html = page.content.decode()
    assert "every 1s" not in html  # finished: polling stops
    assert "Settings.fit" in html and "x.gpx: the file is empty" in html
    assert html.count("Could not import") == 2


def test_batch_partial_polls_while_the_import_runs(world, client_for):
    batch = ImportBatch.objects.create(athlete=world.athlete_a, status="running", total=4, done=1)
    client = client_for(world.athlete_a.user)
    url = reverse("activities:batch", args=[world.athlete_a.pk, batch.pk])
    html = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 1s"' in html and "1 of 4" in html
    assert "<html" not in html


def test_upload_page_shows_the_reason_for_a_refused_file(world, client_for):
    client = client_for(world.athlete_a.user)
    url = reverse("activities:upload", args=[world.athlete_a.pk])
    response = client.post(url, {"files": [raw_upload("photo.jpg", b"\xff\xd8")]})
    assert response.status_code == 200
    assert "only .fit, .gpx, .tcx" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_upload_page_refuses_an_upload_over_the_size_limit(world, client_for, monkeypatch):
    monkeypatch.setenv("TAGALONG_UPLOAD_MAX_BYTES", "100")
    client = client_for(world.athlete_a.user)
    url = reverse("activities:upload", args=[world.athlete_a.pk])
    response = client.post(url, {"files": [upload(FENIX_RUN)]})
    assert "more than the 100 bytes allowed" in response.content.decode()


def test_list_shows_runs_newest_first_with_load_measure(world, client_for):
    for day in (date(2026, 3, 1), date(2026, 3, 5)):
        add_manual_run(
            athlete=world.athlete_a, by=None, day=day, duration_min=50, distance_km=10, rpe=5
        )
    client = client_for(world.coach_a)
    html = client.get(reverse("activities:list", args=[world.athlete_a.pk])).content.decode()
    assert html.index("5 Mar 2026") < html.index("1 Mar 2026")
    assert "5:00 /km" in html and "effort pts" in html  # the load names its unit


def test_my_activities_redirects_to_my_own_list(world, client_for):
    response = client_for(world.athlete_a.user).get(reverse("activities:mine"))
    assert response["Location"] == reverse("activities:list", args=[world.athlete_a.pk])


def test_detail_page_carries_chart_data_for_an_imported_run(
    world, client_for, django_capture_on_commit_callbacks
):
    client = client_for(world.athlete_a.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("activities:upload", args=[world.athlete_a.pk]), {"files": [upload(FENIX_RUN)]}
        )
    run = Activity.objects.get(athlete=world.athlete_a)
    html = client.get(reverse("activities:detail", args=[world.athlete_a.pk, run.pk])).content
    assert b'id="activity-streams"' in html and b"uPlot.iife.min.js" in html


def test_manual_entry_saves_a_run_and_the_days_load(world, client_for):
    client = client_for(world.athlete_a.user)
    url = reverse("activities:manual", args=[world.athlete_a.pk])
    response = client.post(url, {"day": "2026-03-02", "duration_min": "45", "distance_km": "8"})
    assert response.status_code == 302
    run = Activity.objects.get(athlete=world.athlete_a)
    assert run.manual and run.load_measure == "duration"
    assert DailyLoad.objects.filter(athlete=world.athlete_a, day=date(2026, 3, 2)).exists()


def test_manual_entry_rejects_an_rpe_above_ten(world, client_for):
    client = client_for(world.athlete_a.user)
    url = reverse("activities:manual", args=[world.athlete_a.pk])
    response = client.post(url, {"day": "2026-03-02", "duration_min": "45", "rpe": "11"})
    assert response.status_code == 200 and not Activity.objects.exists()


def test_delete_removes_the_run_and_its_load(world, client_for):
    run = add_manual_run(
        athlete=world.athlete_a,
        by=None,
        day=date(2026, 3, 1),
        duration_min=50,
        distance_km=10,
        rpe=5,
    )
    client = client_for(world.coach_a)
    client.post(reverse("activities:delete", args=[world.athlete_a.pk, run.pk]))
    assert not Activity.objects.exists() and not DailyLoad.objects.exists()


def test_another_athletes_activity_is_not_found_under_my_id(world, client_for):
    run = add_manual_run(
        athlete=world.athlete_b,
        by=None,
        day=date(2026, 3, 1),
        duration_min=50,
        distance_km=10,
        rpe=5,
    )
    client = client_for(world.athlete_a.user)
    url = reverse("activities:detail", args=[world.athlete_a.pk, run.pk])
    assert client.get(url).status_code == 404


def test_trends_page_names_the_convention_and_warns_above_1_5(world, client_for):
    add_manual_run(
        athlete=world.athlete_a,
        by=None,
        day=date(2026, 3, 1),
        duration_min=50,
        distance_km=10,
        rpe=5,
    )
    DailyLoad.objects.filter(athlete=world.athlete_a).update(acwr=1.8, acwr_warning=True)
    html = (
        client_for(world.athlete_a.user)
        .get(reverse("activities:trends", args=[world.athlete_a.pk]))
        .content.decode()
    )
    assert "TrainingPeaks PMC" in html
    assert "above 1.5" in html and 'id="trend-data"' in html


def test_athlete_page_shows_recent_activities_section(world, client_for):
    add_manual_run(
        athlete=world.athlete_a,
        by=None,
        day=date(2026, 3, 1),
        duration_min=50,
        distance_km=10,
        rpe=5,
    )
    html = (
        client_for(world.coach_a)
        .get(reverse("athletes:detail", args=[world.athlete_a.pk]))
        .content.decode()
    )
    assert "Recent activities" in html and "10.00 km" in html


def test_list_shows_dates_in_the_athletes_time_zone(
    world, client_for, django_capture_on_commit_callbacks
):
    world.athlete_a.time_zone = "Pacific/Auckland"
    world.athlete_a.save()
    client = client_for(world.athlete_a.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("activities:upload", args=[world.athlete_a.pk]), {"files": [upload(FENIX_RUN)]}
        )
    html = client.get(reverse("activities:list", args=[world.athlete_a.pk])).content.decode()
    assert "Mon 12 Jun 2017, 02:34" in html  # 14:34 UTC on the 11th
    assert DailyLoad.objects.filter(athlete=world.athlete_a, day=date(2017, 6, 12), load__gt=0)


@pytest.mark.parametrize(
    ("distance", "says"), [("1e-310", "under 10 m"), ("30", "faster than 40 km/h")]
)
def test_manual_entry_refuses_a_pace_that_cannot_be_shown(world, client_for, distance, says):
    client = client_for(world.athlete_a.user)
    url = reverse("activities:manual", args=[world.athlete_a.pk])
    response = client.post(
        url, {"day": "2026-03-02", "duration_min": "20", "distance_km": distance}
    )
    assert response.status_code == 200 and says in response.content.decode()
    assert not Activity.objects.filter(athlete=world.athlete_a).exists()
    listing = client.get(reverse("activities:list", args=[world.athlete_a.pk]))
    assert listing.status_code == 200


def test_a_runner_who_reads_miles_enters_a_run_in_miles(world, client_for):
    world.athlete_a.user.units = "mi"
    world.athlete_a.user.save()
    client = client_for(world.athlete_a.user)
    url = reverse("activities:manual", args=[world.athlete_a.pk])
    assert "Distance (mi)" in client.get(url).content.decode()
    response = client.post(url, {"day": "2026-03-02", "duration_min": "45", "distance_km": "5"})
    assert response.status_code == 302
    run = Activity.objects.get(athlete=world.athlete_a)
    assert run.distance_m == pytest.approx(8046.72, abs=0.5)  # stored in SI
    too_fast = client.post(url, {"day": "2026-03-03", "duration_min": "20", "distance_km": "20"})
    words = too_fast.content.decode()
    assert "20.0 mi in 20 minutes is faster than 25 mph" in words
    assert "km" not in words.split("faster than")[1].split(".")[0]


def test_a_runner_who_reads_miles_gives_the_threshold_pace_per_mile(world, client_for):
    from tagalong.activities.load import settings_of

    world.athlete_a.user.units = "mi"
    world.athlete_a.user.save()
    client = client_for(world.athlete_a.user)
    url = reverse("activities:load_settings", args=[world.athlete_a.pk])
    assert "Threshold pace (per mile)" in client.get(url).content.decode()
    response = client.post(url, {"measure": "auto", "threshold_pace": "8:03"})
    assert response.status_code == 302
    stored = settings_of(world.athlete_a).threshold_pace_s_per_km
    assert stored == pytest.approx(300.0, abs=0.5)  # 8:03 per mile is 5:00 per km
    assert 'value="8:03"' in client.get(url).content.decode()
    refused = client.post(url, {"measure": "auto", "threshold_pace": "2:30"}).content.decode()
    assert "between 4:01 and 24:08 per mile" in refused
