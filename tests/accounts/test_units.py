"""The per-person choice of kilometres or miles, and the one formatting layer that applies it."""

import pytest

from tagalong import units
from tagalong.activities.templatetags import activity_format as f
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db


def test_a_runner_chooses_miles_in_settings_and_keeps_it(client):
    athlete = make_athlete()
    client.force_login(athlete.user)
    page = client.get("/accounts/settings/")
    assert "Miles (pace per mile)" in page.content.decode()
    response = client.post("/accounts/settings/units/", {"units": "mi"}, follow=True)
    assert "now shown in miles" in response.content.decode()
    athlete.user.refresh_from_db()
    assert athlete.user.units == "mi"


def test_an_unknown_unit_is_refused_with_a_message_and_changes_nothing(client):
    athlete = make_athlete()
    client.force_login(athlete.user)
    response = client.post("/accounts/settings/units/", {"units": "furlong"}, follow=True)
    assert "Choose kilometres or miles." in response.content.decode()
    athlete.user.refresh_from_db()
    assert athlete.user.units == "km"


def test_distances_paces_and_speeds_in_each_unit():
    assert units.distance_text(6200, "km") == "6.20 km"
    assert units.distance_text(6200, "mi") == "3.85 mi"
    assert units.pace_text(348, "km") == "5:48 /km"
    assert units.pace_text(348, "mi") == "9:20 /mi"
    assert units.speed_text(6.75, "km") == "24.3 km/h"
    assert units.speed_text(6.75, "mi") == "15.1 mph"
    assert units.km_text(31, "mi") == "19.3 mi"
    assert units.pace_text(float("inf"), "km") == "–"


def test_template_filters_take_the_user_or_a_unit_name():
    class Reader:
        units = "mi"

    assert f.km(1609.344, Reader()) == "1.00 mi"
    assert f.km(1000, "") == "1.00 km"  # no choice (e.g. signed out): kilometres
    assert f.pace(300, Reader()) == "8:03 /mi"
    assert f.speed_band({"low_m_s": 2.5, "high_m_s": 3.0}, "km") == "5:33–6:40 /km"
    assert f.speed_band({"low_m_s": 0, "high_m_s": 3.0}, "km") == "–"


def test_distances_inside_engine_sentences_follow_the_unit():
    text = "Adjust the load: keep the next long run within 10 % of 14 km (at most 15.4 km)."
    assert units.km_in_text(text, "km") == text
    assert units.km_in_text(text, "mi") == (
        "Adjust the load: keep the next long run within 10 % of 8.7 mi (at most 9.6 mi)."
    )
    assert f.in_units("823.0 km vs 10 % kmh", "mi") == "511.4 mi vs 10 % kmh"


def test_a_german_decimal_comma_inside_an_engine_sentence_is_converted_whole():
    assert units.km_in_text("der längste 12,5 km.", "mi") == "der längste 7.8 mi."
