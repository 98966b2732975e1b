"""The activity page in a real browser: pace on an m:ss axis beside heart rate, the elevation
chart, and the route outline, fitting the page at 1366 px and 390 px."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from tagalong.activities.models import Activity
from tests.browser.test_calf_check_journey import sign_in
from tests.factories import make_athlete, make_coach

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _run(athlete) -> Activity:  # type: ignore[no-untyped-def]
    return Activity.objects.create(
        athlete=athlete,
        sport="running",
        start=datetime(2026, 3, 1, 8, tzinfo=UTC),
        duration_s=1800.0,
        moving_s=1800.0,
        distance_m=6000.0,
        load_value=30.0,
        load_measure="duration",
        chart={
            "time_s": [0, 600, 1200, 1800],
            "pace_s_per_km": [300, 310, 295, 305],
            "heart_rate_bpm": [130, 145, 150, 155],
            "altitude_m": [12.0, 30.5, 22.0, 15.0],
        },
        track=[[51.5, -0.12], [51.51, -0.11], [51.52, -0.125], [51.505, -0.13]],
        splits={"km": [{"number": 1, "distance_m": 1000, "elapsed_s": 300, "moving_s": 300}]},
    )


@pytest.mark.parametrize("width", [1366, 390])
def test_pace_heart_rate_elevation_and_route_fit_the_page(live_server, browser, width):  # type: ignore[no-untyped-def]
    athlete = make_athlete(coach=make_coach())
    run = _run(athlete)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    sign_in(page, live_server.url, athlete.user.email)
    page.goto(f"{live_server.url}/athletes/{athlete.pk}/activities/{run.pk}/")
    page.wait_for_function("document.getElementById('elevation-chart').uplot")
    axes = page.evaluate(
        "document.getElementById('activity-chart').uplot.axes.map(a => [a.scale, a._values])"
    )
    assert axes[1][0] == "pace" and all(re.fullmatch(r"\d+:\d\d", t) for t in axes[1][1])
    assert axes[2][0] == "bpm"
    ticks = page.evaluate("document.getElementById('elevation-chart').uplot.axes[1]._values")
    assert ticks and all(t.endswith(" m") for t in ticks)
    box = page.locator("svg.route-map").bounding_box()
    assert box is not None and box["width"] > 200
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
