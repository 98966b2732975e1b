"""Sign-up takes the time zone and units the page's script read from the browser, checked."""

from __future__ import annotations

import pytest

from tagalong.accounts.models import User
from tests.factories import make_coach, make_invitation

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-and-unusual-passphrase"


def _sign_up(client, **fields):  # type: ignore[no-untyped-def]
    invitation = make_invitation(coach=make_coach())
    data = {"full_name": "New Runner", "password": PASSWORD, **fields}
    return invitation, client.post(f"/invite/{invitation.token()}/", data)


def test_the_detected_zone_and_miles_are_kept_on_the_account_and_profile(client):
    invitation, response = _sign_up(client, time_zone="America/Chicago", units="mi")
    assert response.status_code == 302
    user = User.objects.get(email=invitation.email)
    assert (user.time_zone, user.units) == ("America/Chicago", "mi")
    assert (user.athlete_profile.time_zone, user.athlete_profile.units) == ("America/Chicago", "mi")


def test_without_a_unit_the_account_reads_kilometres(client):
    invitation, _ = _sign_up(client, time_zone="Europe/Berlin")
    assert User.objects.get(email=invitation.email).units == "km"


def test_a_made_up_time_zone_is_refused_naming_the_field(client):
    invitation, response = _sign_up(client, time_zone="Mars/Olympus", units="km")
    assert response.status_code == 200
    assert "time_zone" in response.context["form"].errors
    assert not User.objects.filter(email=invitation.email).exists()


def test_a_made_up_unit_is_refused_naming_the_field(client):
    invitation, response = _sign_up(client, time_zone="Europe/Berlin", units="furlongs")
    assert "units" in response.context["form"].errors
    assert not User.objects.filter(email=invitation.email).exists()


def test_the_page_carries_the_detection_script_and_its_fields(client):
    invitation = make_invitation(coach=make_coach())
    html = client.get(f"/invite/{invitation.token()}/").content.decode()
    assert "accounts/signup.js" in html
    assert 'data-detect="time-zone"' in html and 'data-detect="units"' in html
