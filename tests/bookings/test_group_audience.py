"""Session types for "members of a group": only the group's members may see and book them."""

from __future__ import annotations

import pytest
from django.urls import reverse
from freezegun import freeze_time

from tagalong.athletes.models import AthleteGroup
from tagalong.bookings.models import Audience, Kind, SessionType
from tagalong.bookings.services import (
    book,
    create_class,
    create_session_type,
    may_book,
    update_session_type,
)
from tagalong.errors import DomainError
from tests.bookings.helpers import NOW
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db


@pytest.fixture
def squad(world):  # type: ignore[no-untyped-def]
    group = AthleteGroup.objects.create(coach=world.coach_a, name="Marathon squad")
    group.members.add(world.athlete_a)
    return group


@pytest.fixture
def squad_clinic(world, squad):  # type: ignore[no-untyped-def]
    return create_session_type(
        coach=world.coach_a,
        by=world.coach_a,
        name="Squad clinic",
        duration_min=45,
        kind=Kind.GROUP,
        capacity=10,
        audience=Audience.GROUP,
        group=squad,
    )


def test_members_may_book_and_other_athletes_of_the_coach_may_not(world, squad_clinic):
    outsider = make_athlete(coach=world.coach_a)
    assert may_book(world.athlete_a, squad_clinic)
    assert not may_book(outsider, squad_clinic)
    assert not may_book(world.athlete_b, squad_clinic)


def test_booking_a_class_of_the_group_checks_membership(world, squad_clinic):
    session = create_class(
        coach=world.coach_a,
        session_type=squad_clinic,
        start=NOW.replace(day=10, hour=18),
        tz_name="Europe/London",
        now=NOW,
    )[0]
    assert book(athlete=world.athlete_a, session_or_slot=session, now=NOW).status == "confirmed"
    with pytest.raises(DomainError, match="not open to you"):
        book(athlete=make_athlete(coach=world.coach_a), session_or_slot=session, now=NOW)


def test_the_book_page_shows_the_group_clinic_to_members_only(world, client, squad_clinic):
    client.force_login(world.athlete_a.user)
    assert "Squad clinic" in client.get(reverse("bookings:book")).content.decode()
    outsider = make_athlete(coach=world.coach_a)
    client.force_login(outsider.user)
    assert "Squad clinic" not in client.get(reverse("bookings:book")).content.decode()
    with freeze_time(NOW):
        url = reverse("bookings:book_type", args=[squad_clinic.pk])
        assert client.get(url).status_code == 404


def test_leaving_the_group_closes_the_door(world, squad, squad_clinic):
    squad.members.remove(world.athlete_a)
    assert not may_book(world.athlete_a, squad_clinic)


def test_a_group_audience_needs_one_of_the_coachs_own_groups(world):
    theirs = AthleteGroup.objects.create(coach=world.colleague, name="Not yours")
    fields = {"name": "Clinic", "duration_min": 45, "kind": Kind.GROUP, "capacity": 6}
    with pytest.raises(DomainError, match="Pick the group"):
        create_session_type(coach=world.coach_a, by=world.coach_a, audience="group", **fields)
    with pytest.raises(DomainError, match="your own groups"):
        create_session_type(
            coach=world.coach_a, by=world.coach_a, audience="group", group=theirs, **fields
        )
    with pytest.raises(DomainError, match="your own groups"):
        create_session_type(
            coach=world.coach_a, by=world.coach_a, audience="group", group=theirs.pk, **fields
        )


def test_switching_away_from_the_group_audience_forgets_the_group(world, squad_clinic):
    changed = update_session_type(
        session_type=squad_clinic, by=world.coach_a, changes={"audience": "own_athletes"}
    )
    assert changed.group is None
    assert SessionType.objects.get(pk=squad_clinic.pk).group_id is None


def test_the_form_offers_only_the_coachs_groups(world, client, squad):
    AthleteGroup.objects.create(coach=world.colleague, name="Colleague's club")
    client.force_login(world.coach_a)
    html = client.get(reverse("bookings:type_create")).content.decode()
    assert "Marathon squad" in html
    assert "Colleague&#x27;s club" not in html and "Colleague's club" not in html
    response = client.post(
        reverse("bookings:type_create"),
        {
            "name": "Squad long-run debrief",
            "duration_min": "30",
            "kind": "group",
            "capacity": "12",
            "audience": "group",
            "group": squad.pk,
            "cancel_cutoff_hours": "12",
            "location": "jitsi",
        },
    )
    assert response.status_code == 302
    assert SessionType.objects.get(name="Squad long-run debrief").group == squad


def test_the_api_takes_a_group_id(world, client, squad):
    client.force_login(world.coach_a)
    response = client.post(
        "/api/coaches/me/session-types",
        {"name": "Squad Q&A", "duration_min": 30, "audience": "group", "group_id": squad.pk},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["group_id"] == squad.pk
