"""In a real browser set to Chicago and American English, the sign-up form arrives filled with
that time zone and miles."""

from __future__ import annotations

import pytest

from tests.factories import make_coach, make_invitation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("zone", "locale", "units"),
    [("America/Chicago", "en-US", "mi"), ("Europe/Berlin", "de-DE", "km")],
)
def test_sign_up_fills_the_browsers_zone_and_units(live_server, browser, zone, locale, units):  # type: ignore[no-untyped-def]
    invitation = make_invitation(coach=make_coach())
    context = browser.new_context(timezone_id=zone, locale=locale)
    page = context.new_page()
    page.goto(f"{live_server.url}/invite/{invitation.token()}/")
    page.locator("#detected-note").wait_for(state="visible")
    assert page.locator("#id_time_zone").input_value() == zone
    assert page.locator("#id_units").input_value() == units
    context.close()
