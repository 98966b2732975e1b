"""The weekly digest goes out on Monday of the coach's own clock, once a week."""

from __future__ import annotations

import datetime as dt

from django.core import mail
from django.utils import timezone

from tagalong.attention.digest import send_due_digests
from tagalong.attention.models import Signal
from tagalong.notifications.periodic import registered
from tests.factories import World

MONDAY_9_AUCKLAND = dt.datetime(2026, 3, 15, 20, 0, tzinfo=dt.UTC)  # Sunday in UTC


def test_the_digest_goes_out_on_monday_in_the_coachs_time_zone_once(world: World) -> None:
    for coach in (world.colleague, world.coach_other):
        coach.is_active = False
        coach.save()
    world.coach_a.time_zone = "Pacific/Auckland"
    world.coach_a.save()
    Signal.objects.create(
        athlete=world.athlete_a,
        kind="no_data",
        severity=8,
        words="Nothing recorded for 9 days.",
        evidence_id="attention.no_data",
        url="/",
        opened_at=timezone.now(),
    )
    assert send_due_digests(now=MONDAY_9_AUCKLAND - dt.timedelta(hours=12)) == 0  # Sunday there
    assert send_due_digests(now=MONDAY_9_AUCKLAND) == 1
    assert send_due_digests(now=MONDAY_9_AUCKLAND + dt.timedelta(hours=1)) == 0
    message = mail.outbox[0]
    assert message.to == [world.coach_a.email]
    assert "1 athlete needs you" in message.subject
    assert "No data: 1" in message.body and "Nothing recorded for 9 days." in message.body
    html = message.alternatives[0][0]
    assert "<li>No data: 1</li>" in html


def test_the_nightly_refresh_and_digest_are_periodic_jobs() -> None:
    names = {job.name for job in registered()}
    assert {"attention.nightly_refresh", "attention.weekly_digest"} <= names


def test_the_digest_and_the_queue_give_distances_in_the_coachs_miles(world: World) -> None:
    from django.test import Client

    for coach in (world.colleague, world.coach_other):
        coach.is_active = False
        coach.save()
    world.coach_a.time_zone = "Pacific/Auckland"
    world.coach_a.units = "mi"
    world.coach_a.save()
    Signal.objects.create(
        athlete=world.athlete_a,
        kind="worn_shoes",
        severity=5,
        words="Shoes past the reminder: Nimbus (823 km, reminder at 800 km).",
        evidence_id="shoes.replace_km.expert_target",
        url="/",
        opened_at=timezone.now(),
    )
    assert send_due_digests(now=MONDAY_9_AUCKLAND) == 1
    message = mail.outbox[0]
    for text in (message.body, message.alternatives[0][0]):
        assert "Nimbus (511.4 mi, reminder at 497.1 mi)" in text
        assert " km" not in text
    client = Client()
    client.force_login(world.coach_a)
    page = client.get(f"/athletes/{world.athlete_a.pk}/attention/")
    assert page.status_code == 200
    assert "511.4 mi" in page.content.decode()
