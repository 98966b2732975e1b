"""The checklist, Settings (language, push, practice) and today's session fit a 390 px phone
without scrolling sideways, for a runner and a coach."""

from __future__ import annotations

import os

import pytest

from tests.browser.test_calf_check_journey import sign_in
from tests.factories import make_athlete, make_coach
from tests.web.test_installable_app import _plan_today

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("TAGALONG_SCREENSHOTS")  # a folder to keep the screenshots in, if set


@pytest.mark.parametrize("who", ["runner", "coach"])
def test_product_pages_fit_a_phone(live_server, browser, who):  # type: ignore[no-untyped-def]
    coach = make_coach()
    athlete = make_athlete(coach=coach)
    _plan_today(athlete)
    user = athlete.user if who == "runner" else coach
    pages = ["/", "/accounts/settings/"] + (["/me/today/"] if who == "runner" else [])
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    sign_in(page, live_server.url, user.email)
    for path in pages:
        page.goto(f"{live_server.url}{path}")
        if path == "/":
            assert page.locator("#first-steps").is_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        if SHOTS:
            name = path.strip("/").replace("/", "-") or "home"
            page.screenshot(path=f"{SHOTS}/{who}-{name}-390.png", full_page=True)
        assert width <= 390, f"{path} is {width} px wide"
    context.close()
