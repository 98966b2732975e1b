"""The API key never appears in logs, error messages, pages, the audit trail or a data export;
it is stored only sealed (docs/sync.md, "The key")."""

from __future__ import annotations

import base64
import io
import logging
import zipfile

import pytest
from django.conf import settings
from django.test import Client

from tagalong.audit.models import AuditEntry
from tagalong.dataexport.models import ExportStatus
from tagalong.dataexport.services import request_export
from tagalong.errors import DomainError
from tagalong.sync import services, vault
from tagalong.sync.client import IntervalsClient, ServiceError
from tagalong.sync.models import Connection
from tests.factories import World
from tests.sync.conftest import KEY, REMOTE_ID
from tests.sync.contract_server import ContractServer, Fault, Listed
from tests.sync.helpers import connected, sync

pytestmark = pytest.mark.django_db

FORMS = (KEY, base64.b64encode(f"API_KEY:{KEY}".encode()).decode(), KEY[4:-4])


def assert_no_key(text: str, where: str) -> None:
    for form in FORMS:
        assert form not in text, f"the key shows in {where}"


def test_the_key_stays_secret_everywhere(
    world: World,
    contract: ContractServer,
    thirty: list[Listed],
    caplog: pytest.LogCaptureFixture,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    caplog.set_level(logging.DEBUG)
    connection = connected(world, django_capture_on_commit_callbacks)
    # faults of every kind, so every error path writes its message
    errors: list[str] = []
    for fault in (
        Fault("/api/v1/athlete/", status=429, headers={"Retry-After": "5"}),
        Fault("/api/v1/athlete/", status=500),
        Fault("/api/v1/athlete/", status=200, delay_s=1.5),
        Fault("/api/v1/athlete/", status=401),
        Fault("/api/v1/athlete/", status=403),
    ):
        contract.state.faults.append(fault)
        connection = sync(connection, django_capture_on_commit_callbacks)
        errors.append(connection.problem)
    client = IntervalsClient(base_url=contract.url, athlete_id=REMOTE_ID, api_key=KEY, timeout_s=1)
    contract.state.faults.append(Fault("/api/v1/athlete/", status=401))
    with pytest.raises(ServiceError) as refused:
        client.athlete()
    errors += [str(refused.value), repr(refused.value), repr(client)]
    with pytest.raises(DomainError) as wrong:
        services.connect(
            athlete=world.athlete_a, by=world.athlete_a.user, remote_athlete_id=REMOTE_ID,
            api_key=KEY + "x",
        )  # fmt: skip
    errors.append(wrong.value.message)
    assert_no_key("\n".join(errors), "an error message")
    assert_no_key(caplog.text, "the log")

    stored = Connection.objects.get(pk=connection.pk)
    assert_no_key(stored.sealed_key + stored.key_shown + stored.problem, "the database row")
    assert vault.unseal(stored.sealed_key, key=settings.SECRETS_KEY) == KEY
    assert stored.key_shown == "••••••••" + KEY[-4:]

    audit = " ".join(str(e.data) for e in AuditEntry.objects.all())
    assert_no_key(audit, "the audit trail")

    browser = Client()
    browser.force_login(world.athlete_a.user)
    page = browser.get(f"/athletes/{world.athlete_a.pk}/sync/").content.decode()
    assert "••••••••" + KEY[-4:] in page
    assert_no_key(page, "the athlete's page")
    coach = Client()
    coach.force_login(world.coach_a)
    coach_page = coach.get(f"/athletes/{world.athlete_a.pk}/sync/").content.decode()
    assert KEY[-4:] not in coach_page  # the coach sees the state, not even the key's tail

    with django_capture_on_commit_callbacks(execute=True):
        export = request_export(athlete=world.athlete_a, by=world.athlete_a.user)
    export.refresh_from_db()
    assert export.status == ExportStatus.DONE
    with zipfile.ZipFile(io.BytesIO(export.file.read())) as archive:
        names = archive.namelist()
        assert "sync/connection.json" in names and "sync/pulled_activities.csv" in names
        for name in names:
            data = archive.read(name)
            for form in (*FORMS, stored.sealed_key):
                assert form.encode() not in data, f"the key is in the export's {name}"


def test_a_stored_key_the_server_can_no_longer_open_asks_to_connect_again(
    world: World, contract: ContractServer, settings, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    connection = connected(world, django_capture_on_commit_callbacks)
    settings.SECRETS_KEY = vault.derived_key("another secret")
    connection = sync(connection, django_capture_on_commit_callbacks)
    assert connection.state == "broken"
    assert "connect again" in connection.problem


def test_a_bad_secrets_key_stops_start_up() -> None:
    assert vault.check_key("too-short") is not None
    assert vault.check_key(vault.derived_key("x")) is None


def test_an_error_report_of_the_connect_page_hides_the_key(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import RequestFactory
    from django.views.debug import ExceptionReporter

    from tagalong.sync import views

    def broken(**kwargs: object) -> None:
        raise RuntimeError("a fault of ours")

    monkeypatch.setattr(views.services, "connect", broken)
    request = RequestFactory().post(
        f"/athletes/{world.athlete_a.pk}/sync/connect/",
        {"remote_athlete_id": REMOTE_ID, "api_key": KEY},
    )
    request.user = world.athlete_a.user
    request.session = SessionStore()
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
    with pytest.raises(RuntimeError):
        try:
            views.connect_view(request, athlete_id=world.athlete_a.pk)
        except RuntimeError:
            report = ExceptionReporter(request, *sys.exc_info()).get_traceback_text()
            raise
    assert "api_key" in report and "a fault of ours" in report
    assert_no_key(report, "an error report")
