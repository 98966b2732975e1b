from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
from django.test import Client
from django.urls import reverse

from tagalong.plans import builder
from tagalong.plans.models import Plan
from tagalong.plans.services.feed_tokens import revoke_feed_token, rotate_feed_token
from tests.factories import World


def _feed(client: Client, token: str) -> icalendar.Calendar:
    response = client.get(reverse("plans:feed", kwargs={"token": token}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def _events(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_feed_parses_and_expands_with_stable_uids(world: World, plan: Plan) -> None:
    token = rotate_feed_token(athlete=world.athlete_a, by=world.athlete_a.user)
    client = Client()
    events = _events(_feed(client, token.token))
    planned = plan.sessions.exclude(kind="rest")
    assert set(events) == {f"{s.ical_uid}@tagalong" for s in planned}
    expanded = recurring_ical_events.of(_feed(client, token.token)).between(plan.start, plan.end)
    assert len(expanded) == planned.filter(date__lt=plan.end).count()
    assert set(_events(_feed(client, token.token))) == set(events)  # stable across fetches


def test_sequence_increments_after_an_edit(world: World, plan: Plan) -> None:
    token = rotate_feed_token(athlete=world.athlete_a, by=world.athlete_a.user)
    session = plan.sessions.filter(kind="run").first()
    assert session is not None
    uid = f"{session.ical_uid}@tagalong"
    client = Client()
    assert int(_events(_feed(client, token.token))[uid]["SEQUENCE"]) == 0
    moved_to = session.date + dt.timedelta(days=1)
    builder.move_session(session=session, to=moved_to, by=world.coach_a)
    event = _events(_feed(client, token.token))[uid]
    assert int(event["SEQUENCE"]) == 1
    assert event.decoded("DTSTART").date() == moved_to


def test_revoked_token_is_not_found(world: World, plan: Plan) -> None:
    token = rotate_feed_token(athlete=world.athlete_a, by=world.athlete_a.user)
    revoke_feed_token(athlete=world.athlete_a, by=world.athlete_a.user)
    response = Client().get(reverse("plans:feed", kwargs={"token": token.token}))
    assert response.status_code == 404


def test_rotating_gives_a_new_url_and_retires_the_old(world: World, plan: Plan) -> None:
    old = rotate_feed_token(athlete=world.athlete_a, by=world.athlete_a.user)
    new = rotate_feed_token(athlete=world.athlete_a, by=world.athlete_a.user)
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


def test_sessions_are_timed_at_7_local_with_a_vtimezone_across_the_clock_change(
    world: World, plan: Plan
) -> None:
    """Europe/London goes to summer time on 29 March 2026: 07:00 stays 07:00 on the wall."""
    world.athlete_a.time_zone = "Europe/London"
    world.athlete_a.save(update_fields=["time_zone"])
    token = rotate_feed_token(athlete=world.athlete_a, by=world.athlete_a.user)
    calendar = _feed(Client(), token.token)
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/London"
    london = ZoneInfo("Europe/London")
    expanded = recurring_ical_events.of(calendar).between(dt.date(2026, 3, 23), dt.date(2026, 4, 6))
    firsts = {}
    for event in expanded:
        start = event["DTSTART"].dt
        assert start.tzinfo is not None
        firsts.setdefault(start.date(), start)
        firsts[start.date()] = min(firsts[start.date()], start)
    before = [d for d in firsts if d < dt.date(2026, 3, 29)]
    after = [d for d in firsts if d > dt.date(2026, 3, 29)]
    assert before and after
    for day, start in firsts.items():
        local = start.astimezone(london)
        assert (local.hour, local.minute) == (7, 0), day
    utc_hours = {d: firsts[d].astimezone(dt.UTC).hour for d in firsts}
    assert {utc_hours[d] for d in before} == {7} and {utc_hours[d] for d in after} == {6}


def test_a_days_sessions_follow_one_another_run_first(world: World, plan: Plan) -> None:
    token = rotate_feed_token(athlete=world.athlete_a, by=world.athlete_a.user)
    events = _events(_feed(Client(), token.token))
    by_day: dict[dt.date, list[icalendar.Event]] = {}
    for event in events.values():
        by_day.setdefault(event.decoded("DTSTART").date(), []).append(event)
    shared = [day for day, evs in by_day.items() if len(evs) > 1]
    assert shared, "the plan has a day with a run and strength work"
    for day in shared:
        ordered = sorted(by_day[day], key=lambda e: e.decoded("DTSTART"))
        assert str(ordered[0]["SUMMARY"]).endswith("min")  # the run comes first
        for first, second in itertools.pairwise(ordered):
            assert first.decoded("DTEND") <= second.decoded("DTSTART")


def test_feed_descriptions_use_the_runners_choice_of_miles(world: World, plan: Plan) -> None:
    run = plan.sessions.filter(kind="run").first()
    assert run is not None
    run.distance_km = 10.0
    run.pace_fast_s_per_km, run.pace_slow_s_per_km = 300.0, 330.0
    run.save()
    world.athlete_a.user.units = "mi"
    world.athlete_a.user.save()
    token = rotate_feed_token(athlete=world.athlete_a, by=world.athlete_a.user)
    description = str(
        _events(_feed(Client(), token.token))[f"{run.ical_uid}@tagalong"]["DESCRIPTION"]
    )
    assert "about 6.2 mi" in description and "pace 8:03–8:51 /mi" in description
    assert "km" not in description


def test_plan_pages_show_distance_and_pace_in_the_readers_miles(world: World, plan: Plan) -> None:
    run = plan.sessions.filter(kind="run").first()
    assert run is not None
    run.distance_km = 10.0
    run.pace_fast_s_per_km, run.pace_slow_s_per_km = 300.0, 330.0
    run.save()
    world.athlete_a.user.units = "mi"
    world.athlete_a.user.save()
    client = Client()
    client.force_login(world.athlete_a.user)
    ids = {"athlete_id": world.athlete_a.pk, "plan_id": plan.pk}
    pages = {
        "session": reverse(
            "plans:session", kwargs={"athlete_id": world.athlete_a.pk, "session_id": run.pk}
        ),
        "plan": reverse("plans:detail", kwargs=ids),
        "print": reverse("plans:print", kwargs=ids),
    }
    for name, url in pages.items():
        page = client.get(url)
        assert page.status_code == 200, name
        text = page.content.decode()
        assert "6.2 mi" in text, name
        assert "8:03–8:51 /mi" in text, name
        for leftover in ("/km", "per km"):
            at = text.find(leftover)
            assert at < 0, (name, text[max(0, at - 200) : at + 50])
