"""The pages: the coach creates and publishes, visitors see the public page in their zone."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tagalong.programmes.demo import endurance_template, weekly_clinic
from tagalong.programmes.models import PlaceStatus, Programme, Stage
from tagalong.programmes.services import join
from tests.factories import World, make_athlete
from tests.programmes.helpers import next_monday, programme


def test_a_coach_creates_then_publishes_a_programme(world: World, client: Client) -> None:
    client.force_login(world.coach_a)
    template = endurance_template(world.coach_a)
    start = next_monday()
    import datetime as dt
    from zoneinfo import ZoneInfo

    clinic = weekly_clinic(
        world.coach_a,
        first=dt.datetime.combine(start, dt.time(18)).replace(tzinfo=ZoneInfo("Europe/London")),
        tz_name="Europe/London",
    )
    assert client.get(reverse("programmes:create")).status_code == 200
    response = client.post(
        reverse("programmes:create"),
        {
            "title": "Help Mom build her endurance",
            "description": "Eight weeks.",
            "audience": "Mothers.",
            "template": template.pk,
            "schedule_mode": "cohort",
            "start_date": start.isoformat(),
            "weeks": 8,
            "capacity": 12,
            "session_types": [clinic.pk],
            "requires_intake": "on",
            "requires_tests": "on",
            "gifts_enabled": "on",
            "time_zone": "Europe/London",
        },
    )
    made = Programme.objects.get()
    assert response.status_code == 302 and made.stage == Stage.DRAFT
    assert list(made.session_types.all()) == [clinic]
    client.post(reverse("programmes:stage", args=[made.pk]), {"to": "published"})
    made.refresh_from_db()
    assert made.stage == Stage.PUBLISHED
    page = client.get(reverse("programmes:cohort", args=[made.pk])).content.decode()
    assert "12 of 12 places left" in page and "/p/" + made.slug in page


def test_the_form_names_the_missing_start_date(world: World, client: Client) -> None:
    client.force_login(world.coach_a)
    response = client.post(
        reverse("programmes:create"),
        {
            "title": "T",
            "description": "D",
            "audience": "A",
            "template": endurance_template(world.coach_a).pk,
            "schedule_mode": "cohort",
            "weeks": 8,
            "capacity": 5,
            "time_zone": "UTC",
        },
    )
    assert response.status_code == 200
    assert "Pick the date everyone starts." in response.content.decode()
    assert not Programme.objects.exists()


def test_the_public_page_needs_no_login_and_has_open_graph_tags(world: World) -> None:
    p = programme(world.coach_a, capacity=5)
    page = Client().get(reverse("programmes:public", args=[p.slug])).content.decode()
    assert '<meta property="og:title" content="Help Mom build her endurance">' in page
    assert "5 of 5" in page and "Coach A" in page
    assert "Times in Europe/London." in page  # the practice's zone by default
    assert "Group calf clinic" in page and "18:30" in page


def test_session_times_follow_the_visitors_zone(world: World) -> None:
    p = programme(world.coach_a)
    url = reverse("programmes:public", args=[p.slug])
    page = Client().get(url, {"tz": "America/New_York"}).content.decode()
    assert "Times in America/New_York." in page
    assert "13:30" in page or "14:30" in page  # 18:30 London is 13:30 (or 14:30) in New York
    bogus = Client().get(url, {"tz": "Mars/Olympus"}).content.decode()
    assert "Times in Europe/London." in bogus


def test_a_draft_is_hidden_from_visitors_but_shown_to_its_coach(
    world: World, client: Client
) -> None:
    p = programme(world.coach_a, publish=False)
    url = reverse("programmes:public", args=[p.slug])
    assert Client().get(url).status_code == 404
    client.force_login(world.coach_a)
    assert "only you see this page" in client.get(url).content.decode()


def test_a_signed_in_runner_joins_from_the_public_page(world: World, client: Client) -> None:
    p = programme(world.coach_a)
    client.force_login(world.athlete_b.user)
    response = client.post(reverse("programmes:public", args=[p.slug]))
    assert response.status_code == 302
    assert p.places.get().athlete == world.athlete_b
    page = client.get(reverse("programmes:member", args=[p.slug])).content.decode()
    assert "Week 1 of 8" in page and "Fill in the intake" in page


def test_a_full_programme_offers_the_waiting_list(world: World, client: Client) -> None:
    p = programme(world.coach_a, capacity=1, clinic=False)
    join(programme=p, athlete=world.athlete_a, now=timezone.now())
    page = Client().get(reverse("programmes:public", args=[p.slug])).content.decode()
    assert "join the waiting list" in page
    response = Client().post(
        reverse("programmes:public", args=[p.slug]), {"email": "w@example.org"}
    )
    assert "number 1 on the waiting list" in response.content.decode()
    assert p.places.get(email="w@example.org").status == PlaceStatus.WAITLISTED


def test_the_sign_up_form_names_a_bad_email(world: World) -> None:
    p = programme(world.coach_a)
    response = Client().post(reverse("programmes:public", args=[p.slug]), {"email": "nope"})
    assert (
        response.status_code == 200 and "Enter a valid email address." in response.content.decode()
    )
    assert not p.places.exists()


def test_the_edit_form_keeps_the_start_date_and_saves(world: World, client: Client) -> None:
    p = programme(world.coach_a, clinic=False)
    client.force_login(world.coach_a)
    page = client.get(reverse("programmes:edit", args=[p.pk])).content.decode()
    assert f'value="{p.start_date.isoformat()}"' in page
    response = client.post(
        reverse("programmes:edit", args=[p.pk]),
        {
            "title": "Help Mom build her endurance, spring",
            "description": p.description,
            "audience": p.audience,
            "template": p.template_id,
            "schedule_mode": "cohort",
            "start_date": p.start_date.isoformat(),
            "weeks": 8,
            "capacity": 15,
            "gifts_enabled": "on",
            "time_zone": "Europe/London",
        },
    )
    assert response.status_code == 302
    p.refresh_from_db()
    assert (p.title, p.capacity, p.requires_tests) == (
        "Help Mom build her endurance, spring",
        15,
        False,
    )


def test_another_coachs_template_or_session_type_in_the_form_is_refused(
    world: World, client: Client
) -> None:
    import datetime as dt
    from zoneinfo import ZoneInfo

    theirs = endurance_template(world.coach_other)
    their_clinic = weekly_clinic(
        world.coach_other,
        first=dt.datetime.combine(next_monday(), dt.time(9)).replace(tzinfo=ZoneInfo("UTC")),
        tz_name="UTC",
    )
    client.force_login(world.coach_a)
    mine = endurance_template(world.coach_a)
    base = {
        "title": "T",
        "description": "D",
        "audience": "A",
        "schedule_mode": "on_join",
        "weeks": 8,
        "capacity": 5,
        "time_zone": "UTC",
    }
    refused = client.post(reverse("programmes:create"), {**base, "template": theirs.pk})
    assert "Select a valid choice" in refused.content.decode()
    refused = client.post(
        reverse("programmes:create"),
        {**base, "template": mine.pk, "session_types": [their_clinic.pk]},
    )
    assert "Select a valid choice" in refused.content.decode()
    assert not Programme.objects.exists()


def test_the_public_page_reads_a_handful_of_queries(
    world: World, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    p = programme(world.coach_a, capacity=30)
    for _ in range(10):
        join(programme=p, athlete=make_athlete(), now=timezone.now())
    client = Client()
    url = reverse("programmes:public", args=[p.slug])
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200
