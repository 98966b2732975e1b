from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tagalong.dataexport import registry
from tagalong.dataexport.models import DataExport, ExportStatus
from tagalong.dataexport.services import expire_archives, fail_stalled, request_export
from tagalong.dataexport.tasks import build
from tagalong.errors import DomainError
from tests.factories import World

pytestmark = pytest.mark.django_db


def _built(world: World, django_capture_on_commit_callbacks) -> DataExport:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        export = request_export(athlete=world.athlete_a, by=world.athlete_a.user)
    export.refresh_from_db()
    return export


def test_one_export_a_day(world: World, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    first = _built(world, django_capture_on_commit_callbacks)
    with pytest.raises(DomainError, match="less than a day ago; you can ask again after") as raised:
        request_export(athlete=world.athlete_a, by=world.coach_a)
    assert raised.value.code == "rate_limited"
    tomorrow = first.created_at + timedelta(days=1, minutes=1)
    assert request_export(athlete=world.athlete_a, by=world.athlete_a.user, now=tomorrow)


def test_a_failed_export_can_be_asked_for_again_at_once(world: World) -> None:
    DataExport.objects.create(athlete=world.athlete_a, status=ExportStatus.FAILED)
    assert request_export(athlete=world.athlete_a, by=world.athlete_a.user)


def test_the_link_expires_and_the_archive_is_deleted(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    export = _built(world, django_capture_on_commit_callbacks)
    path = export.file.path
    client = Client()
    client.force_login(world.athlete_a.user)
    assert client.get(f"/exports/{export.pk}/download/").status_code == 200
    assert expire_archives(export.expires_at - timedelta(seconds=1)) == 0
    assert expire_archives(export.expires_at) == 1
    export.refresh_from_db()
    assert export.status == ExportStatus.EXPIRED and not export.file
    import os

    assert not os.path.exists(path)
    gone = client.get(f"/exports/{export.pk}/download/")
    assert gone.status_code == 410 and b"no longer available" in gone.content


def test_a_stalled_export_is_marked_failed(world: World) -> None:
    stuck = DataExport.objects.create(
        athlete=world.athlete_a,
        status=ExportStatus.RUNNING,
        created_at=timezone.now() - timedelta(hours=7),
    )
    assert fail_stalled(timezone.now()) == 1
    stuck.refresh_from_db()
    assert stuck.status == ExportStatus.FAILED and "Ask for a new one" in stuck.error


def test_a_writer_that_breaks_fails_the_export_with_the_area_named(world: World) -> None:
    def broken(athlete, archive):  # type: ignore[no-untyped-def]
        raise ValueError("boom")

    registry.register("zz_broken", title="Broken part", write=broken, order=999)
    try:
        export = DataExport.objects.create(athlete=world.athlete_a)
        assert build(export.pk) == "failed"
    finally:
        registry.unregister("zz_broken")
    export.refresh_from_db()
    assert export.status == ExportStatus.FAILED and "broken part" in export.error
    assert build(export.pk) == "skipped"  # a second run of the same task does nothing


def test_the_progress_page_polls_while_building_and_offers_the_download(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    queued = DataExport.objects.create(athlete=world.athlete_a, requested_by=world.athlete_a.user)
    client = Client()
    client.force_login(world.athlete_a.user)
    page = client.get(f"/exports/{queued.pk}/", HTTP_HX_REQUEST="true")
    assert b'hx-trigger="every 2s"' in page.content and b"<html" not in page.content
    queued.delete()
    done = _built(world, django_capture_on_commit_callbacks)
    page = client.get(f"/exports/{done.pk}/")
    assert b"Download the zip" in page.content and b"every 2s" not in page.content


def test_settings_links_to_the_data_page(world: World) -> None:
    client = Client()
    client.force_login(world.athlete_a.user)
    assert b"/settings/data/" in client.get("/accounts/settings/").content
    page = client.get("/settings/data/")
    assert b"Export my data" in page.content and b"Delete my account" in page.content


def test_the_api_asks_for_an_export_and_reports_its_download(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(world.coach_a)
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post(f"/api/athletes/{world.athlete_a.pk}/exports")
    assert asked.status_code == 202
    export = client.get(f"/api/exports/{asked.json()['id']}").json()
    assert export["status"] == "done" and export["percent"] == 100
    assert export["download_url"] == f"/exports/{export['id']}/download/"
    again = client.post(f"/api/athletes/{world.athlete_a.pk}/exports")
    assert again.status_code == 400 and again.json()["error"]["code"] == "rate_limited"


def test_a_periodic_job_deletes_archives_whose_link_expired(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    from tagalong.notifications import periodic

    job = {j.name: j for j in periodic.registered()}["dataexport.tidy"]
    assert job.every <= timedelta(days=1)
    export = _built(world, django_capture_on_commit_callbacks)
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now())
    assert job.task.call() == 1
    export.refresh_from_db()
    assert export.status == ExportStatus.EXPIRED and not export.file
