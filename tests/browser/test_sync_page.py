"""The watch sync page, connected with thirty runs and a plan's workouts, stays inside the page
at 1366 px and 390 px (screenshots in /tmp/sync/ for a look)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tagalong.sync import services
from tests.browser.test_calf_check_journey import sign_in
from tests.factories import make_world
from tests.sync.conftest import FILES, KEY, REMOTE_ID, listed
from tests.sync.contract_server import ContractServer, ContractState

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path("/tmp/sync")


@pytest.mark.parametrize("width", [1366, 390])
def test_the_sync_page_fits(live_server, browser, settings, tmp_path, width):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    server = ContractServer(ContractState(REMOTE_ID, KEY)).start()
    settings.SYNC_BASE_URL = server.url
    settings.SYNC_HISTORY_DAYS = 365 * 200
    try:
        for n, path in enumerate(FILES[:12]):
            server.state.add_activity(listed(path, n))
        world = make_world()
        services.connect(
            athlete=world.athlete_a, by=world.athlete_a.user, remote_athlete_id=REMOTE_ID,
            api_key=KEY,
        )  # fmt: skip
        services.settle_finished()
        for who, name in ((world.athlete_a.user, "runner"), (world.coach_a, "coach")):
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            sign_in(page, live_server.url, who.email)
            page.goto(f"{live_server.url}/athletes/{world.athlete_a.pk}/sync/")
            page.get_by_text("Activities from intervals.icu").wait_for()
            SHOTS.mkdir(exist_ok=True)
            page.screenshot(path=str(SHOTS / f"sync-{name}-{width}.png"), full_page=True)
            client_width = page.evaluate("document.documentElement.clientWidth")
            assert page.evaluate("document.documentElement.scrollWidth") <= client_width
            assert page.get_by_text("Imported").count() >= 1
            context.close()
    finally:
        server.stop()
