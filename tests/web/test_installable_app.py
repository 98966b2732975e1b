"""The installable web app: manifest, icons we draw ourselves, the service worker, the offline
page and today's session."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.contrib.staticfiles import finders

from tagalong.plans.models import Plan, PlanSession
from tagalong.plans.selectors.lookups import athlete_today
from tagalong.web.icons import SIZES, icon_png
from tests.factories import make_athlete, make_coach

pytestmark = pytest.mark.django_db


def test_the_manifest_names_the_app_its_start_and_its_icons(client):
    response = client.get("/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["display"] == "standalone" and manifest["start_url"] == "/"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])


def test_every_page_links_the_manifest(client_for):
    html = client_for(make_athlete().user).get("/").content.decode()
    assert 'rel="manifest" href="/manifest.webmanifest"' in html
    assert 'name="tagalong-today" content="/me/today/"' in html


@pytest.mark.parametrize("name", sorted(SIZES))
def test_the_committed_icons_are_what_the_drawing_code_makes(name):
    path = finders.find(f"tagalong/icons/{name}")
    assert path is not None
    with open(path, "rb") as committed:
        assert committed.read() == icon_png(SIZES[name])


def test_an_icon_is_a_png_of_its_size():
    data = icon_png(192)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 192 and int.from_bytes(data[20:24], "big") == 192


def test_the_service_worker_is_served_from_the_root_for_the_whole_site(client):
    response = client.get("/sw.js")
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    body = response.content.decode()
    assert 'var TODAY_URL = "/me/today/"' in body and 'var OFFLINE_URL = "/offline/"' in body
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_the_offline_page_points_to_todays_session(client):
    html = client.get("/offline/").content.decode()
    assert "No connection" in html and 'href="/me/today/"' in html


def _plan_today(athlete):  # type: ignore[no-untyped-def]
    day = athlete_today(athlete)
    plan = Plan.objects.create(
        athlete=athlete,
        title="Spring 10k",
        goal_type="race_10k",
        start=day - timedelta(days=7),
        end=day + timedelta(days=30),
    )
    PlanSession.objects.create(
        plan=plan, date=day, kind="run", run_type="easy", duration_min=40, distance_km=7
    )
    PlanSession.objects.create(
        plan=plan, date=day + timedelta(days=1), kind="run", run_type="long", duration_min=90
    )
    return plan


def test_today_shows_the_runners_session_of_the_day_only(client_for):
    athlete = make_athlete(coach=make_coach())
    _plan_today(athlete)
    html = client_for(athlete.user).get("/me/today/").content.decode()
    assert "Easy run" in html and "40 min" in html and "7.0 km" in html
    assert "Long run" not in html


def test_today_without_a_session_says_rest_day(client_for):
    html = client_for(make_athlete().user).get("/me/today/").content.decode()
    assert "a rest day" in html
