from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tagalong.accounts.services import set_units
from tagalong.activities.models import Activity
from tests.activities.conftest import CORPUS, upload

pytestmark = pytest.mark.django_db

FENIX2_RUN = CORPUS / "fitparse" / "activity-small-fenix2-run.fit"


@pytest.fixture
def run(world, client_for, django_capture_on_commit_callbacks) -> Activity:  # type: ignore[no-untyped-def]
    client = client_for(world.athlete_a.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("activities:upload", args=[world.athlete_a.pk]), {"files": [upload(FENIX2_RUN)]}
        )
    return Activity.objects.get(athlete=world.athlete_a)


def _page(client, run: Activity) -> str:  # type: ignore[no-untyped-def]
    url = reverse("activities:detail", args=[run.athlete_id, run.pk])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_import_keeps_laps_splits_in_both_units_and_a_short_track(run):
    assert len(run.laps) == 4
    assert [round(s["distance_m"]) for s in run.splits["km"]] == [1000] * 9
    assert len(run.splits["mi"]) == 6  # 5 whole miles and 0.6 mi
    assert 2 <= len(run.track) <= 400
    assert len(run.chart["altitude_m"]) == len(run.chart["time_s"])


def test_the_page_draws_the_route_outline_without_asking_a_map_server(world, client_for, run):
    html = _page(client_for(world.athlete_a.user), run)
    assert '<svg class="route-map"' in html
    assert re.search(r'<path class="route-line" d="M[\d.]+ [\d.]+L', html)
    assert "<image" not in html
    assert "no map service is asked" in html


def test_a_tile_server_lays_tiles_under_the_route_and_is_allowed_images(
    world, client_for, run, settings
):
    settings.MAP_TILES = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.MAP_ATTRIBUTION = "Map data © OpenStreetMap contributors"
    response = client_for(world.athlete_a.user).get(
        reverse("activities:detail", args=[run.athlete_id, run.pk])
    )
    html = response.content.decode()
    assert re.search(r'<image href="https://tiles.example.org/\d+/\d+/\d+.png"', html)
    assert "OpenStreetMap contributors" in html
    assert "img-src 'self' data: https://tiles.example.org" in response["Content-Security-Policy"]


def test_splits_follow_the_readers_units(world, client_for, run):
    client = client_for(world.athlete_a.user)
    html = _page(client, run)
    assert "Splits per kilometre" in html
    assert html.count("/km</td>") >= 9
    set_units(user=world.athlete_a.user, units="mi")
    html = _page(client, run)
    assert "Splits per mile" in html
    assert "<td>0.60</td>" in html  # the part after the fifth mile
    assert "/mi</td>" in html


def test_laps_table_reads_the_watchs_laps(world, client_for, run):
    html = _page(client_for(world.athlete_a.user), run)
    laps = html[html.index("<h2>Laps</h2>") :]
    assert "0.85 km" in laps  # the first lap, 848.9 m
    assert "5:18 /km" in laps  # its 3.144 m/s


def test_a_coach_reads_the_route_and_splits_of_a_linked_runner(world, client_for, run):
    html = _page(client_for(world.coach_a), run)
    assert "Splits per kilometre" in html and "route-map" in html


def test_a_hand_entered_run_has_no_route_or_splits(world, client_for):
    from datetime import date

    from tagalong.activities.services import add_manual_run

    add_manual_run(
        athlete=world.athlete_a,
        by=None,
        day=date(2026, 3, 2),
        duration_min=30,
        distance_km=5,
        rpe=4,
    )
    run = Activity.objects.get(athlete=world.athlete_a)
    html = _page(client_for(world.athlete_a.user), run)
    assert "route-map" not in html and "Splits per" not in html
