"""In-app notifications for booking changes, and the periodic reminder job."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tagalong.bookings.apps import REMINDER_EVERY
from tagalong.bookings.services import book, cancel, reschedule
from tagalong.bookings.tasks import send_reminders_now
from tagalong.errors import DomainError
from tagalong.notifications.models import Notification
from tagalong.notifications.periodic import registered
from tests.bookings.helpers import NOW, group_class
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db


def _kinds(user) -> list[str]:  # type: ignore[no-untyped-def]
    return list(
        Notification.objects.filter(user=user).order_by("pk").values_list("kind", flat=True)
    )


def test_booking_moving_and_cancelling_tell_runner_and_coach(
    world, django_capture_on_commit_callbacks
):
    session = group_class(world.coach_a)
    other = group_class(world.coach_a, start=session.start + timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        booking = book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    with django_capture_on_commit_callbacks(execute=True):
        booking = reschedule(booking=booking, to=other, by=world.athlete_a.user, now=NOW)
    with django_capture_on_commit_callbacks(execute=True):
        cancel(booking=booking, by=world.athlete_a.user, now=NOW)
    expected = ["booking_confirmed", "booking_rescheduled", "booking_cancelled"]
    assert _kinds(world.athlete_a.user) == expected
    assert _kinds(world.coach_a) == expected
    note = Notification.objects.filter(user=world.athlete_a.user).first()
    assert note is not None and note.url == f"/sessions/{other.pk}/"


def test_the_promoted_runner_and_the_coach_hear_of_the_freed_seat(
    world, django_capture_on_commit_callbacks
):
    session = group_class(world.coach_a, capacity=1)
    first = book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    waiting = make_athlete(coach=world.coach_a)
    with django_capture_on_commit_callbacks(execute=True):
        book(athlete=waiting, session_or_slot=session, now=NOW)
    assert _kinds(waiting.user) == ["booking_waitlisted"]
    with django_capture_on_commit_callbacks(execute=True):
        cancel(booking=first, by=world.athlete_a.user, now=NOW)
    assert _kinds(waiting.user) == ["booking_waitlisted", "booking_promoted"]
    assert "booking_promoted" in _kinds(world.coach_a)


def test_nothing_is_written_when_the_booking_fails(world, django_capture_on_commit_callbacks):
    session = group_class(world.coach_a)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError):
        book(athlete=world.athlete_b, session_or_slot=session, now=NOW)
    assert not Notification.objects.exists()


def test_reminders_run_every_five_minutes_as_a_periodic_job():
    jobs = {job.name: job for job in registered()}
    assert jobs["bookings.reminders"].every == REMINDER_EVERY == timedelta(minutes=5)
    assert jobs["bookings.reminders"].task is send_reminders_now


def test_the_periodic_task_sends_what_is_due_now(world, mailoutbox):
    from django.utils import timezone

    now = timezone.now()
    session = group_class(world.coach_a, start=now + timedelta(minutes=40))
    book(athlete=world.athlete_a, session_or_slot=session, now=now)
    mailoutbox.clear()
    assert send_reminders_now.call() == 1
    assert "starts in 1h" in mailoutbox[0].subject
