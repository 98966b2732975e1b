"""An import's warnings, reasons and load notes read in the reader's language, with numbers in
its format, on the pages and in the API, months after the import; older rows still show."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.urls import reverse

from tagalong.activities.models import Activity, ImportBatch, ImportItem
from tagalong.activityfile.totals import settle
from tagalong.wording import phrase_json
from tests.activities.conftest import FENIX_RUN, upload
from tests.trainingload.factories import make_activity
from tests.web.test_phrases import german

pytestmark = pytest.mark.django_db

DIFFERS = (
    "The device's {what} ({device:.0f} {unit}) differs from the one worked out from its samples "
    "({computed:.0f} {unit}); the device's figure is shown."
)
DISTANCE = (
    "The device's distance ({device_km:.2f} km) differs from the distance of its samples "
    "({samples_km:.2f} km); the device's figure is shown."
)
CATALOGUE = {
    DIFFERS: "Gerät: {what} {device:.0f} {unit}, aus den Messpunkten {computed:.0f} {unit}; "
    "angezeigt wird der Wert des Geräts.",
    "average heart rate": "Durchschnittspuls",
    "average cadence": "Durchschnittskadenz",
    DISTANCE: "Die Distanz des Geräts ({device_km:.2f} km) weicht von der seiner Messpunkte ab "
    "({samples_km:.2f} km); angezeigt wird die des Geräts.",
    "{file}: the file is empty (0 bytes)": "{file}: die Datei ist leer (0 Byte)",
    "{file}: {reason}": "{file}: {reason}",
    "the file is empty (0 bytes)": "die Datei ist leer (0 Byte)",
}


@pytest.fixture
def reader(world, client_for, monkeypatch):  # type: ignore[no-untyped-def]
    german(monkeypatch, CATALOGUE)
    world.athlete_a.user.language = "de"
    world.athlete_a.user.save()
    return client_for(world.athlete_a.user)


def test_an_imports_warnings_read_in_german_on_its_result_and_activity_page(
    world, reader, django_capture_on_commit_callbacks
):
    url = reverse("activities:upload", args=[world.athlete_a.pk])
    with django_capture_on_commit_callbacks(execute=True):
        reader.post(url, {"files": [upload(FENIX_RUN)]})
    batch = ImportBatch.objects.get(athlete=world.athlete_a)
    item = ImportItem.objects.get(batch=batch)
    assert item.reason.startswith("The device's average heart rate (90 bpm)")  # as stored
    page = reader.get(reverse("activities:batch", args=[world.athlete_a.pk, batch.pk]))
    html = page.content.decode()
    assert "Gerät: Durchschnittspuls 90 bpm, aus den Messpunkten 85 bpm" in html
    assert "Gerät: Durchschnittskadenz 167 steps/min" in html
    assert "The device's" not in html

    activity = Activity.objects.get(athlete=world.athlete_a)
    detail = reverse("activities:detail", args=[world.athlete_a.pk, activity.pk])
    html = reader.get(detail).content.decode()
    assert "Gerät: Durchschnittspuls 90 bpm" in html and "The device's" not in html
    api = reader.get(f"/api/athletes/{world.athlete_a.pk}/activities/{activity.pk}").json()
    assert api["warnings"][0].startswith("Gerät: Durchschnittspuls 90 bpm")


def test_a_stored_warning_shows_its_numbers_in_german(world, reader):
    run = make_activity(seconds=3000, distance_m=[3.0 * s for s in range(3001)])
    warnings = settle(replace(run, distance_m=12345.0)).warnings
    assert warnings[0].startswith("The device's distance (12.35 km)")
    activity = Activity.objects.create(
        athlete=world.athlete_a,
        start=run.start,
        duration_s=3000,
        moving_s=3000,
        load_measure="duration",
        warnings=list(warnings),
        warning_phrases=[phrase_json(w) for w in warnings],
    )
    detail = reverse("activities:detail", args=[world.athlete_a.pk, activity.pk])
    html = reader.get(detail).content.decode()
    assert "Die Distanz des Geräts (12,35 km) weicht von der seiner Messpunkte ab (9,00 km)" in html


def test_a_row_from_before_phrases_were_stored_shows_its_text(world, reader):
    activity = Activity.objects.create(
        athlete=world.athlete_a,
        start=make_activity().start,
        duration_s=600,
        moving_s=600,
        load_measure="duration",
        warnings=["An old warning, kept as written."],
    )
    detail = reverse("activities:detail", args=[world.athlete_a.pk, activity.pk])
    assert "An old warning, kept as written." in reader.get(detail).content.decode()


def test_a_refused_file_is_explained_in_german_on_the_result_page(
    world, reader, django_capture_on_commit_callbacks
):
    url = reverse("activities:upload", args=[world.athlete_a.pk])
    with django_capture_on_commit_callbacks(execute=True):
        from django.core.files.uploadedfile import SimpleUploadedFile

        reader.post(url, {"files": [SimpleUploadedFile("x.gpx", b"")]})
    batch = ImportBatch.objects.get(athlete=world.athlete_a)
    html = reader.get(reverse("activities:batch", args=[world.athlete_a.pk, batch.pk]))
    assert "x.gpx: die Datei ist leer (0 Byte)" in html.content.decode()
    api = reader.get(f"/api/athletes/{world.athlete_a.pk}/imports/{batch.pk}").json()
    assert api["items"][0]["reason"] == "x.gpx: die Datei ist leer (0 Byte)"
