from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client

from tagalong.athletes.services import update_profile
from tagalong.audit.models import AuditEntry
from tagalong.errors import DomainError
from tests.factories import make_athlete, make_coach

pytestmark = pytest.mark.django_db


def test_profile_update_is_saved_and_audited() -> None:
    athlete = make_athlete()
    update_profile(
        athlete=athlete, by=athlete.user, changes={"runs_per_week": 4, "time_zone": "Asia/Tokyo"}
    )
    athlete.refresh_from_db()
    assert athlete.runs_per_week == 4 and athlete.user.time_zone == "Asia/Tokyo"
    assert AuditEntry.objects.get(action="profile.updated").data["fields"] == [
        "runs_per_week",
        "time_zone",
    ]


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"time_zone": "Mars/Olympus"}, "time_zone", "not a known time zone"),
        ({"body_mass_kg": Decimal("12")}, "body_mass_kg", "greater than or equal to 25"),
        ({"hr_max": 180, "hr_rest": 190}, "hr_rest", "below maximum"),
        ({"birth_date": date(2024, 1, 1)}, "birth_date", "between 10 and 100"),
        ({"shoe_size": 44}, None, "Unknown profile field"),
    ],
)
def test_invalid_profile_values_name_the_field(changes, field, words) -> None:  # type: ignore[no-untyped-def]
    athlete = make_athlete()
    with pytest.raises(DomainError) as error:
        update_profile(athlete=athlete, by=athlete.user, changes=changes)
    assert error.value.field == field
    assert words in error.value.message


def test_api_validation_error_has_one_shape() -> None:
    athlete = make_athlete()
    client = Client()
    client.force_login(athlete.user)
    response = client.patch(
        f"/api/athletes/{athlete.pk}", data='{"hr_max": 500}', content_type="application/json"
    )
    assert response.status_code == 422
    body = response.json()["error"]
    assert body["code"] == "validation" and body["field"] == "hr_max"


def test_api_domain_error_has_one_shape() -> None:
    athlete = make_athlete()
    client = Client()
    client.force_login(athlete.user)
    response = client.patch(
        f"/api/athletes/{athlete.pk}",
        data='{"time_zone": "Nowhere/City"}',
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "time_zone"


def test_profile_form_shows_errors_next_to_fields(client: Client) -> None:
    athlete = make_athlete()
    client.force_login(athlete.user)
    response = client.post("/me/profile/", {"time_zone": "UTC", "units": "km", "hr_max": "300"})
    assert response.status_code == 200
    assert b"less than or equal to 230" in response.content


def test_roster_search_and_sort(client: Client) -> None:
    coach = make_coach()
    first = make_athlete(coach=coach, weekly_distance_km=Decimal("10"))
    second = make_athlete(coach=coach, weekly_distance_km=Decimal("40"))
    make_athlete()  # not this coach's
    client.force_login(coach)
    rows = list(client.get("/coach/athletes/?show=all&sort=-weekly").context["athletes"])
    assert rows == [second, first]
    found = client.get(f"/coach/athletes/?show=all&q={first.user.email}", HTTP_HX_REQUEST="true")
    assert found.templates[0].name == "attention/_queue_table.html"
    assert list(found.context["athletes"]) == [first]


def test_ending_a_link_keeps_history_and_hides_the_athlete(client: Client) -> None:
    coach = make_coach()
    athlete = make_athlete(coach=coach)
    link = athlete.links.get()
    client.force_login(athlete.user)
    client.post(f"/links/{link.pk}/end/")
    link.refresh_from_db()
    assert link.ended_at is not None and link.ended_by == athlete.user
    client.force_login(coach)
    assert client.get(f"/athletes/{athlete.pk}/").status_code == 404
    assert AuditEntry.objects.filter(action="link.ended").exists()


def test_unshared_athlete_is_hidden_from_practice_colleagues(client: Client) -> None:
    coach = make_coach()
    colleague = make_coach(practice=coach.coach_profile.practice)
    athlete = make_athlete(coach=coach, shared=False)
    client.force_login(colleague)
    assert client.get(f"/athletes/{athlete.pk}/").status_code == 404


def test_a_reader_of_miles_gives_the_weekly_distance_in_miles(client: Client) -> None:
    athlete = make_athlete(weekly_distance_km=Decimal("40"))
    athlete.user.units = "mi"
    athlete.user.save()
    client.force_login(athlete.user)
    form = client.get("/me/profile/").context["form"]
    assert str(form.fields["weekly_distance_km"].label) == "Weekly distance (mi)"
    assert form.initial["weekly_distance_km"] == 24.9
    data = {k: v for k, v in form.initial.items() if v is not None and k != "birth_date"}
    response = client.post("/me/profile/", {**data, "weekly_distance_km": "20"})
    assert response.status_code == 302, response.content.decode()[:2000]
    athlete.refresh_from_db()
    assert athlete.weekly_distance_km == Decimal("32.2")  # 20 mi, stored in km
