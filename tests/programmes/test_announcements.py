"""Announcements: in the app at once, by email under the message rules, on the runner's
programme page and, read only, in the messaging inbox."""

from __future__ import annotations

import datetime as dt

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tagalong.notifications.models import Notification
from tagalong.programmes.announcements import send_waiting_emails
from tagalong.programmes.models import AnnouncementEmail
from tagalong.programmes.services import announce, join
from tests.factories import World, make_athlete
from tests.programmes.helpers import programme


def _cohort(world: World, zones: tuple[str, ...]):  # type: ignore[no-untyped-def]
    p = programme(world.coach_a, clinic=False)
    athletes = []
    for zone in zones:
        athlete = make_athlete()
        athlete.time_zone = zone
        athlete.save(update_fields=["time_zone"])
        join(programme=p, athlete=athlete, now=timezone.now())
        athletes.append(athlete)
    return p, athletes


def test_members_get_a_notification_then_one_email_unless_they_read_it_or_it_is_night(
    world: World,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    p, (reader, london, tokyo) = _cohort(world, ("Europe/London", "Europe/London", "Asia/Tokyo"))
    with django_capture_on_commit_callbacks(execute=True):
        a = announce(programme=p, by=world.coach_a, text="Clinic moves to 19:00 this week.")
    assert Notification.objects.filter(kind="programme_announcement").count() == 3
    # the first runner reads it on her programme page
    client = Client()
    client.force_login(reader.user)
    page = client.get(reverse("programmes:member", args=[p.slug])).content.decode()
    assert "Clinic moves to 19:00 this week." in page and f'id="announcement-{a.pk}"' in page
    assert send_waiting_emails(a.created_at + dt.timedelta(minutes=1)) == 0  # not waited yet
    # the next day, 15:00 UTC: afternoon in London, midnight in Tokyo (her email waits)
    night = dt.datetime.combine(a.created_at.date() + dt.timedelta(1), dt.time(15), dt.UTC)
    assert send_waiting_emails(night) == 1
    (email,) = mail.outbox
    assert email.to == [london.user.email]
    assert "Clinic moves to 19:00 this week." in email.body
    assert f"#announcement-{a.pk}" in email.body
    assert send_waiting_emails(night) == 0  # once per member
    morning = night + dt.timedelta(hours=8)  # 08:00 in Tokyo
    assert send_waiting_emails(morning) == 1
    assert mail.outbox[-1].to == [tokyo.user.email]
    rows = AnnouncementEmail.objects.filter(announcement=a)
    assert rows.get(user=reader.user).skipped and rows.get(user=reader.user).sent_at is None
    assert rows.filter(sent_at__isnull=False).count() == 2


def test_the_inbox_lists_announcements_read_only(
    world: World,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    p, (runner,) = _cohort(world, ("Europe/London",))
    with django_capture_on_commit_callbacks(execute=True):
        a = announce(programme=p, by=world.coach_a, text="Bring a step for the calf raises.")
    client = Client()
    client.force_login(runner.user)
    inbox = client.get(reverse("messaging:inbox")).content.decode()
    assert "Bring a step for the calf raises." in inbox
    assert f"#announcement-{a.pk}" in inbox and "read only" in inbox
    # another runner, not in the programme, sees nothing of it
    client.force_login(world.athlete_b.user)
    assert "Bring a step" not in client.get(reverse("messaging:inbox")).content.decode()
    # nor does the coach's inbox list it as something to answer
    client.force_login(world.coach_a)
    assert "Bring a step" not in client.get(reverse("messaging:inbox")).content.decode()
