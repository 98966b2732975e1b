"""A runner lets a physio of their coach's practice see their record, then withdraws it."""

from __future__ import annotations

import os

import pytest

from tests.browser.test_invitation_journey import sign_in
from tests.factories import PASSWORD, make_athlete, make_coach

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("TAGALONG_SHOTS", "")


def test_runner_allows_the_physio_and_withdraws(live_server, page, browser) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach(name="Maya Okafor")
    physio = make_coach(practice=coach.coach_profile.practice, name="Tom Lindqvist")
    runner = make_athlete(coach=coach)
    record = f"{live_server.url}/athletes/{runner.pk}/"

    colleague = browser.new_context().new_page()
    sign_in(colleague, live_server.url, physio.email, PASSWORD)
    assert colleague.goto(record).status == 404

    sign_in(page, live_server.url, runner.user.email, PASSWORD)
    page.goto(f"{live_server.url}/accounts/settings/")
    page.get_by_role("link", name="See and change who can see your data").click()
    page.get_by_role("heading", name="Who can see my data").wait_for()
    assert page.get_by_text("Maya Okafor").first.is_visible()
    page.get_by_role("button", name="Allow Tom").click()
    page.get_by_text("Tom Lindqvist can now see your record.").wait_for()
    if SHOTS:
        for width in (1366, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=f"{SHOTS}/privacy-{width}.png", full_page=True)
    assert colleague.goto(record).status == 200

    page.get_by_role("button", name="Stop sharing with Tom").click()
    page.get_by_text("no longer sees your record").wait_for()
    assert colleague.goto(record).status == 404
