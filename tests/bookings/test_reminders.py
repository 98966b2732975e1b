from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command

from tagalong.bookings.services import book
from tagalong.bookings.tasks import send_due_reminders
from tests.bookings.helpers import NOW, group_class

pytestmark = pytest.mark.django_db


def test_reminders_go_out_24h_and_1h_before_once_each(world, mailoutbox):
    session = group_class(world.coach_a)
    book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    mailoutbox.clear()
    assert send_due_reminders(session.start - timedelta(hours=25)) == 0
    assert send_due_reminders(session.start - timedelta(hours=23)) == 1
    assert send_due_reminders(session.start - timedelta(hours=22)) == 0
    assert send_due_reminders(session.start - timedelta(minutes=50)) == 1
    assert send_due_reminders(session.start - timedelta(minutes=40)) == 0
    assert ["24h" in m.subject or "1h" in m.subject for m in mailoutbox] == [True, True]


def test_late_booking_only_gets_the_one_hour_reminder(world, mailoutbox):
    session = group_class(world.coach_a)
    book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    mailoutbox.clear()
    assert send_due_reminders(session.start - timedelta(minutes=30)) == 1
    assert "1h" in mailoutbox[0].subject


def test_send_reminders_command_runs(world, capsys):
    call_command("send_reminders")
    assert "reminder(s) sent" in capsys.readouterr().out
