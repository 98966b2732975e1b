"""A red flag stops everything until a coach records that the runner was seen and cleared."""

from __future__ import annotations

import datetime as dt

import icalendar
from django.core import mail
from django.test import Client

from tagalong.assessments import services as assessments
from tagalong.attention.models import RedFlag
from tagalong.notifications.models import Notification
from tagalong.plans.models import Plan
from tagalong.plans.proposals import review_athlete
from tagalong.plans.selectors.exports import plan_feed_events
from tagalong.plans.services.feed_tokens import rotate_feed_token
from tests.attention.helpers import refresh, today
from tests.factories import World, make_coach
from tests.plans.conftest import generate

INTAKE = {"goal": "race_10k", "weekly_km": "30", "longest_run_km_30d": "12", "tight_after": "5"}


def _flag_in_intake(world: World, client: Client, capture) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.athlete_a.user)
    with capture(execute=True):
        client.post(
            f"/athletes/{world.athlete_a.pk}/intake/", {**INTAKE, "red_flags": ["chest_pain"]}
        )


def test_an_intake_red_flag_tells_every_coach_in_the_app_and_by_email(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    second = make_coach()
    from tests.factories import link_athlete

    link_athlete(world.athlete_a, second)
    _flag_in_intake(world, Client(), django_capture_on_commit_callbacks)
    flag = RedFlag.objects.get(athlete=world.athlete_a)
    assert flag.is_open and flag.red_flags == ["chest_pain"] and flag.source == "intake"
    told = set(Notification.objects.filter(kind="red_flag").values_list("user_id", flat=True))
    assert told == {world.coach_a.pk, second.pk}
    assert sorted(mail.outbox[0].to) == sorted([world.coach_a.email, second.email])
    signals = refresh(world.athlete_a)
    assert signals["red_flag"].severity == 0 and "paused" in signals["red_flag"].words


def test_the_runner_cannot_clear_it_by_unticking_the_box(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    _flag_in_intake(world, client, django_capture_on_commit_callbacks)
    client.post(f"/athletes/{world.athlete_a.pk}/intake/", INTAKE)  # no red flag ticked now
    assert RedFlag.objects.get().is_open
    page = client.get(f"/athletes/{world.athlete_a.pk}/calf-check/").content.decode()
    assert "seek urgent medical care" in page and "Your coach has been told" in page
    cleared = client.post(
        f"/athletes/{world.athlete_a.pk}/attention/red-flag/clear/",
        {"seen_on": today().isoformat(), "note": "fine"},
    )
    assert cleared.status_code == 403 and RedFlag.objects.get().is_open


def test_the_plan_pauses_feed_fit_and_proposals_until_a_coach_clears_it(world: World) -> None:
    plan = generate(world, start=today() - dt.timedelta(days=today().weekday()))
    assessments.submit_intake(
        athlete=world.athlete_a,
        by=world.athlete_a.user,
        data={"red_flags": ["one_sided_calf_swelling"]},
    )
    events = plan_feed_events(world.athlete_a)
    assert events and all(e.status == "CANCELLED" for e in events)
    assert all(e.description.startswith("Training paused: a red flag") for e in events)
    token = rotate_feed_token(athlete=world.athlete_a, by=world.athlete_a.user)
    feed = icalendar.Calendar.from_ical(Client().get(f"/feeds/plan/{token.token}.ics").content)
    assert {str(e["STATUS"]) for e in feed.walk("VEVENT")} == {"CANCELLED"}
    session = plan.sessions.filter(kind="run").first()
    assert session is not None
    client = Client()
    client.force_login(world.athlete_a.user)
    fit = client.get(f"/athletes/{world.athlete_a.pk}/sessions/{session.pk}/workout.fit")
    assert fit.status_code == 409 and b"Training paused" in fit.content
    assert review_athlete(athlete=world.athlete_a, source="symptoms") == []

    coach = Client()
    coach.force_login(world.coach_a)
    future = coach.post(
        f"/athletes/{world.athlete_a.pk}/attention/red-flag/clear/",
        {"seen_on": (today() + dt.timedelta(days=2)).isoformat(), "note": "GP"},
    )
    assert future.status_code == 302 and RedFlag.objects.get().is_open
    coach.post(
        f"/athletes/{world.athlete_a.pk}/attention/red-flag/clear/",
        {"seen_on": today().isoformat(), "note": "GP saw her: no clot."},
    )
    flag = RedFlag.objects.get()
    assert not flag.is_open and flag.cleared_by == world.coach_a and flag.seen_on == today()
    assert all(e.status == "CONFIRMED" for e in plan_feed_events(world.athlete_a))
    assert (
        client.get(f"/athletes/{world.athlete_a.pk}/sessions/{session.pk}/workout.fit").status_code
        == 200
    )
    assert Plan.objects.get(pk=plan.pk).status == "active"


def test_a_calf_check_red_flag_pauses_the_plan_and_emails_the_coach(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        assessments.run_calf_check(
            athlete=world.athlete_a,
            by=world.athlete_a.user,
            case={"red_flags": ["breathlessness"]},
            today=today(),
        )
    assert RedFlag.objects.get().source == "self_check"
    assert mail.outbox[0].to == [world.coach_a.email] and "paused" in mail.outbox[0].subject


def test_the_anonymous_self_check_never_claims_a_coach_was_told(db: None) -> None:
    response = Client().post("/calf-check/", {"red_flags": ["chest_pain"], "tight_after": "6"})
    assert b"seek urgent medical care" in response.content
    assert b"coach has been told" not in response.content
    assert not RedFlag.objects.exists()


def test_a_symptom_log_red_flag_opens_one_and_shows_the_urgent_message(world: World) -> None:
    client = Client()
    client.force_login(world.athlete_a.user)
    response = client.post(
        f"/athletes/{world.athlete_a.pk}/symptoms/new/",
        {"day": today().isoformat(), "red_flags": ["one_sided_calf_swelling"]},
    )
    assert response.status_code == 302 and response["Location"].endswith("/calf-check/")
    flag = RedFlag.objects.get()
    assert flag.source == "symptoms" and flag.red_flags == ["one_sided_calf_swelling"]
    page = client.get(response["Location"]).content.decode()
    assert "seek urgent medical care" in page


def test_the_runners_home_says_training_is_paused(world: World) -> None:
    RedFlag.objects.create(athlete=world.athlete_a, source="intake", red_flags=["chest_pain"])
    client = Client()
    client.force_login(world.athlete_a.user)
    page = client.get("/").content.decode()
    assert "Training paused" in page and "your coach restarts the plan" in page
