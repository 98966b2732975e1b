from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tagalong.shoes.models import Shoe, ShoeUse
from tests.factories import World
from tests.shoes.helpers import make_run, make_shoe

pytestmark = pytest.mark.django_db


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_list_shows_mileage_alerts_and_the_evidence_source(world: World) -> None:
    make_shoe(world.athlete_a, name="Worn pair", starting_km=812)
    page = _client(world.athlete_a.user).get(reverse("shoes:list", args=[world.athlete_a.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "812 km" in html and "<progress" in html
    assert "Evidence is weak: check comfort and wear" in html
    assert "shoes.replace_km.expert_target" not in html  # sources in words, not ids
    assert "Malisoux L et al. 2015" in html


def test_empty_list_invites_adding_shoes(world: World) -> None:
    page = _client(world.athlete_a.user).get(reverse("shoes:list", args=[world.athlete_a.pk]))
    assert "No shoes yet." in page.content.decode()


def test_shared_viewer_sees_shoes_without_edit_buttons(world: World) -> None:
    make_shoe(world.athlete_a, name="Seen pair")
    page = _client(world.colleague).get(reverse("shoes:list", args=[world.athlete_a.pk]))
    html = page.content.decode()
    assert "Seen pair" in html and "Retire" not in html and "Add shoes" not in html


def test_add_form_creates_a_default_shoe(world: World) -> None:
    url = reverse("shoes:create", args=[world.athlete_a.pk])
    data = {"name": "Racers", "starting_km": "0", "remind_km": "500", "retire_km": "800"}
    response = _client(world.coach_a).post(url, {**data, "default_for_running": "on"})
    assert response.status_code == 302
    assert Shoe.objects.get(athlete=world.athlete_a).default_for_sport == "running"


def test_add_form_shows_the_reminder_error_next_to_the_field(world: World) -> None:
    url = reverse("shoes:create", args=[world.athlete_a.pk])
    data = {"name": "Racers", "starting_km": "0", "remind_km": "900", "retire_km": "800"}
    response = _client(world.athlete_a.user).post(url, data)
    assert response.status_code == 200
    assert response.context["form"].errors["remind_km"] == [
        "The reminder must come before the retirement distance."
    ]


def test_edit_of_another_athletes_shoe_is_not_found(world: World) -> None:
    other = make_shoe(world.athlete_b)
    url = reverse("shoes:edit", args=[world.athlete_a.pk, other.pk])
    assert _client(world.athlete_a.user).get(url).status_code == 404


def test_which_shoes_prompt_lists_runs_without_a_shoe(world: World) -> None:
    make_shoe(world.athlete_a, name="Blue")
    run = make_run(world.athlete_a)
    page = _client(world.athlete_a.user).get(reverse("shoes:list", args=[world.athlete_a.pk]))
    html = page.content.decode()
    assert "Which shoes?" in html and f'id="run-{run.pk}"' in html


def test_one_tap_assign_with_htmx_returns_the_swapped_row(world: World) -> None:
    shoe = make_shoe(world.athlete_a, name="Blue")
    run = make_run(world.athlete_a)
    url = reverse("shoes:assign", args=[world.athlete_a.pk, run.pk])
    response = _client(world.athlete_a.user).post(url, {"shoe_id": shoe.pk}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert f'id="run-{run.pk}"' in response.content.decode() and "Blue" in response.content.decode()
    assert ShoeUse.objects.get(activity=run).shoe == shoe


def test_assign_refuses_another_athletes_shoe_and_run(world: World) -> None:
    client = _client(world.athlete_a.user)
    mine, theirs = make_run(world.athlete_a), make_run(world.athlete_b)
    their_shoe = make_shoe(world.athlete_b)
    url = reverse("shoes:assign", args=[world.athlete_a.pk, mine.pk])
    assert client.post(url, {"shoe_id": their_shoe.pk}).status_code == 404
    url = reverse("shoes:assign", args=[world.athlete_a.pk, theirs.pk])
    assert client.post(url, {"shoe_id": make_shoe(world.athlete_a).pk}).status_code == 404
    assert client.post(url.replace(str(theirs.pk), str(mine.pk)), {}).status_code == 400
    assert not ShoeUse.objects.exists()


def test_retire_and_unretire_buttons(world: World) -> None:
    shoe = make_shoe(world.athlete_a)
    client = _client(world.athlete_a.user)
    client.post(reverse("shoes:retire", args=[world.athlete_a.pk, shoe.pk]))
    shoe.refresh_from_db()
    assert shoe.is_retired
    client.post(reverse("shoes:unretire", args=[world.athlete_a.pk, shoe.pk]))
    shoe.refresh_from_db()
    assert not shoe.is_retired


def test_athlete_home_and_coach_page_show_the_shoe_section(world: World) -> None:
    make_shoe(world.athlete_a, starting_km=640, name="Tired pair")
    home = _client(world.athlete_a.user).get("/").content.decode()
    coach = _client(world.coach_a).get(reverse("athletes:detail", args=[world.athlete_a.pk]))
    for html in (home, coach.content.decode()):
        assert 'id="section-shoes"' in html and "Tired pair have 640 km" in html


def test_my_shoes_goes_to_the_athletes_own_list(world: World) -> None:
    response = _client(world.athlete_a.user).get(reverse("shoes:mine"))
    assert response["Location"] == reverse("shoes:list", args=[world.athlete_a.pk])


def test_a_reader_of_miles_sees_and_types_shoe_distances_in_miles(world: World) -> None:
    world.athlete_a.user.units = "mi"
    world.athlete_a.user.save()
    client = _client(world.athlete_a.user)
    url = reverse("shoes:create", args=[world.athlete_a.pk])
    form = client.get(url).context["form"]
    assert "(mi)" in str(form.fields["remind_km"].label)
    assert form.initial["remind_km"] == 311  # the 500 km default, in miles
    data = {"name": "Racers", "starting_km": "10", "remind_km": "300", "retire_km": "500"}
    assert client.post(url, data).status_code == 302
    shoe = Shoe.objects.get(athlete=world.athlete_a)
    assert (shoe.remind_km, shoe.retire_km) == (483, 805)  # stored in km
    assert shoe.starting_km == pytest.approx(16.09, abs=0.01)
    page = client.get(reverse("shoes:list", args=[world.athlete_a.pk])).content.decode()
    assert "reminder 300 mi" in page and "retire 500 mi" in page
    assert "483 km" not in page and "805 km" not in page
