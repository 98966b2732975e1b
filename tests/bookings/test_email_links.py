"""Booking emails: the iTIP method on the calendar part, links to the configured site that
keep working after the booking moves."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.test import override_settings
from icalendar import Calendar

from tagalong.bookings.services import SlotRequest, book, cancel, reschedule
from tests.bookings.helpers import NOW, one_on_one, open_coach

pytestmark = pytest.mark.django_db
SLOT = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)
SITE = "https://coaching.example.org"


def _book(world, capture):  # type: ignore[no-untyped-def]
    open_coach(world.coach_a)
    check_in = one_on_one(world.coach_a, cutoff=0)
    with capture(execute=True):
        slot = SlotRequest(check_in, SLOT)
        booking = book(athlete=world.athlete_a, session_or_slot=slot, now=NOW)
    return check_in, booking


def _calendar_part(message):  # type: ignore[no-untyped-def]
    return next(p for p in message.message().walk() if p.get_content_type() == "text/calendar")


def _links(message) -> list[str]:  # type: ignore[no-untyped-def]
    html = message.alternatives[0][0]
    text = message.body
    return re.findall(r'href="([^"]+)"', html) + re.findall(r"https?://\S+", text)


def test_calendar_part_carries_the_method_request_then_cancel(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    _, booking = _book(world, django_capture_on_commit_callbacks)
    assert mailoutbox
    for message in mailoutbox:
        part = _calendar_part(message)
        assert part.get_param("method") == "REQUEST"
        assert Calendar.from_ical(part.get_payload(decode=True))["METHOD"] == "REQUEST"
        assert part.get_filename() == "invite.ics"
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancel(booking=booking, by=world.athlete_a.user, now=NOW)
    parts = [_calendar_part(m) for m in mailoutbox]
    assert parts and all(p.get_param("method") == "CANCEL" for p in parts)


@override_settings(SITE_URL=SITE)
def test_every_link_in_the_booking_emails_uses_the_site_url(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    _, booking = _book(world, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        cancel(booking=booking, by=world.athlete_a.user, now=NOW)
    links = [link for m in mailoutbox for link in _links(m)]
    ours = [link for link in links if booking.session.room_url not in link]
    assert ours and all(link.startswith(SITE) for link in ours)
    assert not any(":8000" in link for link in links)
    ics = _calendar_part(mailoutbox[0]).get_payload(decode=True).decode()
    assert f"{SITE}/bookings/{booking.pk}/" in ics.replace("\r\n ", "")


def test_the_invitation_link_opens_the_new_time_after_a_move(
    world, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    check_in, booking = _book(world, django_capture_on_commit_callbacks)
    link = next(
        line.split(": ", 1)[1].strip()
        for line in mailoutbox[0].body.splitlines()
        if "Session page" in line
    )
    path = link.removeprefix("http://testserver").split("://", 1)[-1]
    path = path[path.index("/") :] if not path.startswith("/") else path
    moved = reschedule(
        booking=booking,
        to=SlotRequest(check_in, SLOT + timedelta(hours=3)),
        by=world.athlete_a.user,
        now=NOW,
    )
    assert moved.session_id != booking.session_id
    for user in (world.athlete_a.user, world.coach_a):
        response = client_for(user).get(path)
        assert response.status_code == 302
        assert response["Location"] == f"/sessions/{moved.session_id}/"
        assert client_for(user).get(response["Location"]).status_code == 200
