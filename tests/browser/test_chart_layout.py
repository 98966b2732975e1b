"""Charts hold on little data: at 1366 px and 390 px the home-test charts neither overlap nor run
past the page, and the pace axis of a run reads m:ss."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from tagalong.activities.models import Activity
from tagalong.assessments.services import record_test_session
from tests.browser.test_calf_check_journey import sign_in
from tests.factories import make_athlete, make_coach

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BOXES = """() => [...document.querySelectorAll('#test-charts .test-chart')].map(card => {
  const r = card.getBoundingClientRect(), c = card.querySelector('canvas').getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, canvasRight: c.right};
})"""


def overlap(a: dict, b: dict) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    )


@pytest.mark.parametrize("width", [1366, 390])
def test_home_test_charts_stay_inside_the_page_and_apart(live_server, browser, width):  # type: ignore[no-untyped-def]
    athlete = make_athlete(coach=make_coach())
    record_test_session(
        athlete=athlete,
        by=athlete.user,
        day=date(2026, 3, 2),
        values={"heel_raise": (20, 24), "single_leg_bridge": (15, 24), "side_plank": (35, 50)},
    )
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    sign_in(page, live_server.url, athlete.user.email)
    page.goto(f"{live_server.url}/athletes/{athlete.pk}/tests/")
    page.locator("#test-charts canvas").nth(2).wait_for()
    boxes = page.evaluate(BOXES)
    page_width = page.evaluate("document.documentElement.clientWidth")
    assert len(boxes) == 3
    assert page.evaluate("document.documentElement.scrollWidth") <= page_width
    for i, box in enumerate(boxes):
        assert box["right"] <= page_width and box["canvasRight"] <= box["right"]
        assert not any(overlap(box, other) for other in boxes[i + 1 :])
    context.close()


def test_the_pace_axis_reads_minutes_and_seconds(live_server, page):  # type: ignore[no-untyped-def]
    athlete = make_athlete(coach=make_coach())
    run = Activity.objects.create(
        athlete=athlete,
        sport="running",
        start=datetime(2026, 3, 1, 8, tzinfo=UTC),
        duration_s=1800.0,
        moving_s=1800.0,
        distance_m=6000.0,
        load_value=30.0,
        load_measure="duration",
        chart={"time_s": [0, 600, 1200, 1800], "pace_s_per_km": [300, 310, 295, 305]},
    )
    sign_in(page, live_server.url, athlete.user.email)
    page.goto(f"{live_server.url}/athletes/{athlete.pk}/activities/{run.pk}/")
    page.locator("#activity-chart canvas").wait_for()
    page.wait_for_function("document.getElementById('activity-chart').uplot")
    ticks = page.evaluate("document.getElementById('activity-chart').uplot.axes[1]._values")
    assert ticks and all(re.fullmatch(r"\d+:\d\d", t) for t in ticks), ticks
