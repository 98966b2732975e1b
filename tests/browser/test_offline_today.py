"""Installed on a phone: once today's session was opened online, it opens without a signal;
any other page then shows the offline page."""

from __future__ import annotations

import pytest

from tests.browser.test_calf_check_journey import sign_in
from tests.factories import make_athlete, make_coach
from tests.web.test_installable_app import _plan_today

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_todays_session_opens_offline_after_one_visit(live_server, browser):  # type: ignore[no-untyped-def]
    athlete = make_athlete(coach=make_coach())
    _plan_today(athlete)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    sign_in(page, live_server.url, athlete.user.email)
    # evaluate has no timeout, and ready never settles when the worker fails to install
    page.wait_for_function("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # the first page loaded before the worker took charge
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.goto(f"{live_server.url}/me/today/")
    assert "Easy run" in page.content()
    page.wait_for_function(
        "caches.open('tagalong-v1').then(c => c.match('/me/today/')).then(Boolean)"
    )
    context.set_offline(True)
    page.goto(f"{live_server.url}/me/today/")
    assert "Easy run" in page.content() and "40 min" in page.content()
    page.goto(f"{live_server.url}/athletes/{athlete.pk}/shoes/")
    assert "No connection" in page.content()
    context.close()
