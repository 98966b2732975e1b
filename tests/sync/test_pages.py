"""The sync page: the runner connects (checked against the service), sees the key masked and
removes it; the coach sees whether each runner is connected and when the last sync worked."""

from __future__ import annotations

import pytest
from django.test import Client

from tagalong.sync.models import Connection
from tests.factories import World
from tests.sync.conftest import KEY, REMOTE_ID
from tests.sync.contract_server import ContractServer, Listed
from tests.sync.helpers import connected

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_the_runner_connects_from_settings_and_disconnects(
    world: World, contract: ContractServer, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    runner = signed_in(world.athlete_a.user)
    settings_page = runner.get("/accounts/settings/").content.decode()
    assert "/me/sync/" in settings_page
    url = f"/athletes/{world.athlete_a.pk}/sync/"
    assert runner.get("/me/sync/")["Location"] == url
    page = runner.get(url).content.decode()
    assert "Not connected" in page and 'name="api_key"' in page

    wrong = runner.post(
        url + "connect/", {"remote_athlete_id": REMOTE_ID, "api_key": "nope12345678"}
    )
    assert wrong.status_code == 400
    assert "did not accept the API key" in wrong.content.decode()
    assert "nope12345678" not in wrong.content.decode()  # the field is not filled in again
    assert not Connection.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        done = runner.post(url + "connect/", {"remote_athlete_id": REMOTE_ID, "api_key": KEY})
    assert done.status_code == 302
    page = runner.get(url).content.decode()
    assert "Working" in page and "••••••••" + KEY[-4:] in page and KEY not in page

    assert runner.post(url + "disconnect/").status_code == 302
    assert not Connection.objects.exists()
    assert "Not connected" in runner.get(url).content.decode()


def test_the_coach_sees_the_state_and_may_start_a_sync_but_not_touch_the_key(
    world: World, contract: ContractServer, thirty: list[Listed], django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    connected(world, django_capture_on_commit_callbacks)
    coach = signed_in(world.coach_a)
    detail = coach.get(f"/athletes/{world.athlete_a.pk}/").content.decode()
    assert "Watch sync" in detail and "intervals.icu: working; last successful sync" in detail
    page = coach.get(f"/athletes/{world.athlete_a.pk}/sync/").content.decode()
    assert "Last successful sync" in page and "not yet" not in page.split("Last successful")[1][:80]
    assert "Imported" in page  # each run's outcome
    assert 'name="api_key"' not in page
    url = f"/athletes/{world.athlete_a.pk}/sync/"
    assert coach.post(url + "disconnect/").status_code == 403
    assert (
        coach.post(url + "connect/", {"remote_athlete_id": REMOTE_ID, "api_key": KEY}).status_code
        == 403
    )
    assert Connection.objects.filter(athlete=world.athlete_a).exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert coach.post(url + "now/").status_code == 302
