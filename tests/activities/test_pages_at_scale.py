"""Activity pages and lists cost the same number of queries whatever the history's length."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tagalong.activities.load import recompute_daily_load
from tagalong.activities.models import Activity, TrendSummary
from tagalong.activities.services import add_manual_run
from tagalong.activities.views import PAGE_SIZE
from tagalong.api.pagination import MAX_LIMIT

pytestmark = pytest.mark.django_db

JOINT = {  # one run's speed × cadence histogram: 20 min at 3.1 m/s and 166 spm, 10 at 3.6 / 172
    "speed_edges": [3.0, 3.25, 3.5, 3.75],
    "cadence_edges": [160, 165, 170, 175],
    "cells": [[0, 1, 1200.0], [2, 2, 600.0]],
}


def _runs(athlete, count: int, *, first: int = 0) -> None:  # type: ignore[no-untyped-def]
    start = datetime(2025, 1, 1, 7, tzinfo=UTC)
    Activity.objects.bulk_create(
        Activity(
            athlete=athlete,
            source_format="fit",
            start=start + timedelta(days=2 * (first + i)),
            duration_s=2700,
            moving_s=2600,
            distance_m=8000,
            load_value=180,
            load_measure="srpe",
            loads={"srpe": 180, "duration": 43},
            metrics={"avg_cadence_spm": 160 + i % 20, "speed_cadence": JOINT},
        )
        for i in range(count)
    )
    recompute_daily_load(athlete=athlete)


def _queries(client, url: str) -> int:  # type: ignore[no-untyped-def]
    client.get(url)  # the session and anything cached once per process
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "/athletes/{id}/activities/",
        "/athletes/{id}/activities/?page=2",
        "/athletes/{id}/trends/",
        "/athletes/{id}/trends/?period=all",
        "/athletes/{id}/",
        "/api/athletes/{id}/activities?limit=100&offset=10",
        "/api/athletes/{id}/load?limit=200&offset=30",
        "/api/athletes/{id}/cadence-speed",
        "/api/athletes/{id}/load-settings",
    ],
)
def test_query_count_does_not_grow_with_the_history(world, client_for, url):
    athlete = world.athlete_a
    client = client_for(world.coach_a)
    page = url.format(id=athlete.pk)
    _runs(athlete, 60)
    before = _queries(client, page)
    _runs(athlete, 60, first=60)
    assert Activity.objects.filter(athlete=athlete).count() == 120
    assert _queries(client, page) == before


def test_the_list_shows_each_runs_cadence_without_reading_its_metrics(world, client_for):
    _runs(world.athlete_a, 3)
    client = client_for(world.athlete_a.user)
    html = client.get(reverse("activities:list", args=[world.athlete_a.pk])).content.decode()
    assert "160 steps/min" in html and "162 steps/min" in html
    body = client.get(f"/api/athletes/{world.athlete_a.pk}/activities").json()
    assert sorted(a["avg_cadence_spm"] for a in body) == [160, 161, 162]


def test_every_run_is_reachable_through_the_page_links(world, client_for):
    _runs(world.athlete_a, PAGE_SIZE * 2 + 7)
    client = client_for(world.athlete_a.user)
    url = reverse("activities:list", args=[world.athlete_a.pk])
    seen, page, pages = set(), url, 0
    while page:
        html = client.get(page).content.decode()
        seen |= {
            a.pk for a in Activity.objects.filter(athlete=world.athlete_a) if f"/{a.pk}/" in html
        }
        pages += 1
        marker = 'rel="next"'
        page = html.split(marker)[0].rsplit('href="', 1)[1].split('"')[0] if marker in html else ""
        page = url + page if page.startswith("?") else page
    assert pages == 3
    assert len(seen) == PAGE_SIZE * 2 + 7
    last = client.get(url + "?page=3").content.decode()
    assert f"{PAGE_SIZE * 2 + 1}–{PAGE_SIZE * 2 + 7} of {PAGE_SIZE * 2 + 7}" in last
    assert 'aria-current="page">3<' in last
    assert client.get(url + "?page=99").status_code == 200  # past the end: the last page


def test_api_pages_through_activities_with_a_next_link_and_a_maximum(world, client_for):
    _runs(world.athlete_a, 25)
    client = client_for(world.coach_a)
    url = f"/api/athletes/{world.athlete_a.pk}/activities?limit=10"
    ids: list[int] = []
    while url:
        response = client.get(url)
        ids += [a["id"] for a in response.json()]
        url = response.headers.get("Link", "").split(">")[0].lstrip("<")
    assert len(ids) == len(set(ids)) == 25
    too_many = client.get(f"/api/athletes/{world.athlete_a.pk}/activities?limit={MAX_LIMIT + 1}")
    assert too_many.status_code == 422
    schema = client.get("/api/openapi.json").json()
    params = schema["paths"]["/api/athletes/{athlete_id}/activities"]["get"]["parameters"]
    limit = next(p for p in params if p["name"] == "limit")
    assert limit["schema"]["maximum"] == MAX_LIMIT


def test_trend_summary_follows_new_runs_and_deletions(world, client_for):
    athlete = world.athlete_a
    _runs(athlete, 4)
    assert TrendSummary.objects.get(athlete=athlete).cadence_runs == 4
    run = add_manual_run(
        athlete=athlete, by=None, day=date(2025, 3, 1), duration_min=30, distance_km=5, rpe=3
    )
    summary = TrendSummary.objects.get(athlete=athlete)
    assert summary.basis["total"] == 5 and summary.cadence_runs == 4
    client = client_for(athlete.user)
    client.post(reverse("activities:delete", args=[athlete.pk, run.pk]))
    assert TrendSummary.objects.get(athlete=athlete).basis["total"] == 4
    body = client.get(f"/api/athletes/{athlete.pk}/cadence-speed").json()
    assert body["runs"] == 4 and body["points"][0]["cadence_spm"] == pytest.approx(167.5)


def test_trends_periods_bound_the_rows_read(world, client_for):
    _runs(world.athlete_a, 300)  # two years of runs every other day
    client = client_for(world.coach_a)
    url = reverse("activities:trends", args=[world.athlete_a.pk])
    for period, most in (("quarter", 91), ("year", 366), ("all", 110)):
        response = client.get(url, {"period": period})
        assert len(response.context["chart"]["x"]) <= most
    assert 300 < len(client.get(url).context["chart"]["x"]) <= 366  # a year unless asked
