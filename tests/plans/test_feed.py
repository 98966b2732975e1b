from __future__ import annotations

import datetime as dt

import icalendar
import recurring_ical_events
from django.test import Client
from django.urls import reverse

from tagalong.plans import services
from tagalong.plans.models import Plan
from tests.factories import World


def _feed(client: Client, token: str) -> icalendar.Calendar:
    response = client.get(reverse("plans:feed", kwargs={"token": token}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def _events(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_feed_parses_and_expands_with_stable_uids(world: World, plan: Plan) -> None:
    token = services.rotate_feed_token(athlete=world.athlete_a, by=world.athlete_a.user)
    client = Client()
    events = _events(_feed(client, token.token))
    planned = plan.sessions.exclude(kind="rest")
    assert set(events) == {f"{s.ical_uid}@tagalong" for s in planned}
    expanded = recurring_ical_events.of(_feed(client, token.token)).between(plan.start, plan.end)
    assert len(expanded) == planned.filter(date__lt=plan.end).count()
    assert set(_events(_feed(client, token.token))) == set(events)  # stable across fetches


def test_sequence_increments_after_an_edit(world: World, plan: Plan) -> None:
    token = services.rotate_feed_token(athlete=world.athlete_a, by=world.athlete_a.user)
    session = plan.sessions.filter(kind="run").first()
    assert session is not None
    uid = f"{session.ical_uid}@tagalong"
    client = Client()
    assert int(_events(_feed(client, token.token))[uid]["SEQUENCE"]) == 0
    moved_to = session.date + dt.timedelta(days=1)
    services.move_session(session=session, to=moved_to, by=world.coach_a)
    event = _events(_feed(client, token.token))[uid]
    assert int(event["SEQUENCE"]) == 1
    assert event.decoded("DTSTART") == moved_to


def test_revoked_token_is_not_found(world: World, plan: Plan) -> None:
    token = services.rotate_feed_token(athlete=world.athlete_a, by=world.athlete_a.user)
    services.revoke_feed_token(athlete=world.athlete_a, by=world.athlete_a.user)
    response = Client().get(reverse("plans:feed", kwargs={"token": token.token}))
    assert response.status_code == 404


def test_rotating_gives_a_new_url_and_retires_the_old(world: World, plan: Plan) -> None:
    old = services.rotate_feed_token(athlete=world.athlete_a, by=world.athlete_a.user)
    new = services.rotate_feed_token(athlete=world.athlete_a, by=world.athlete_a.user)
    client = Client()
    assert new.token != old.token
    assert client.get(reverse("plans:feed", kwargs={"token": old.token})).status_code == 404
    assert client.get(reverse("plans:feed", kwargs={"token": new.token})).status_code == 200


def test_an_unknown_token_is_not_found(db: None) -> None:
    assert Client().get(reverse("plans:feed", kwargs={"token": "guess"})).status_code == 404


def test_the_athlete_rotates_the_link_from_the_plan_page(world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(world.athlete_a.user)
    response = client.post(reverse("plans:feed_rotate", kwargs={"athlete_id": world.athlete_a.pk}))
    assert response.status_code == 302
    token = world.athlete_a.feed_tokens.get()
    page = client.get(reverse("plans:index", kwargs={"athlete_id": world.athlete_a.pk}))
    assert token.token in page.content.decode()
