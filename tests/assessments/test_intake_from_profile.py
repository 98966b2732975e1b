"""The intake does not ask again what the runner's profile already holds."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tagalong.assessments.models import Intake
from tests.factories import make_athlete, make_coach

pytestmark = pytest.mark.django_db

INTAKE = {"goal": "race_10k", "longest_run_km_30d": "12", "tight_after": "5"}


def test_runs_and_distance_on_the_profile_are_not_asked_and_are_saved(client_for):
    athlete = make_athlete(runs_per_week=4, weekly_distance_km=Decimal("32.5"))
    client = client_for(athlete.user)
    url = f"/athletes/{athlete.pk}/intake/"
    html = client.get(url).content.decode()
    assert 'name="runs_per_week"' not in html and 'name="weekly_km"' not in html
    assert "4 runs a week" in html and "32.5 km a week" in html
    assert client.post(url, INTAKE).status_code == 302
    intake = Intake.objects.get(athlete=athlete)
    assert (intake.runs_per_week, intake.weekly_km) == (4, 32.5)


def test_a_profile_without_them_leaves_the_questions_in(client_for):
    athlete = make_athlete()
    html = client_for(athlete.user).get(f"/athletes/{athlete.pk}/intake/").content.decode()
    assert 'name="runs_per_week"' in html and 'name="weekly_km"' in html
    assert 'id="from-profile"' not in html


def test_a_coach_filling_in_reads_the_runners_profile_in_their_own_units(client_for):
    coach = make_coach(units="mi")
    athlete = make_athlete(coach=coach, weekly_distance_km=Decimal("40"))
    html = client_for(coach).get(f"/athletes/{athlete.pk}/intake/").content.decode()
    assert "the runner's profile" in html and "24.9 mi a week" in html
    assert 'name="runs_per_week"' in html  # not on this profile: still asked
