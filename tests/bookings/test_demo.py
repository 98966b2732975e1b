from __future__ import annotations

import pytest
from django.utils import timezone

from tagalong import demo
from tagalong.bookings.demo import add_demo_bookings
from tagalong.bookings.models import Booking, BookingStatus, Kind, Session, SessionNote


def test_demo_has_hours_a_weekly_clinic_and_sessions_past_and_coming(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert add_demo_bookings in demo.DEMO_EXTENSIONS
    monkeypatch.setattr(demo, "DEMO_EXTENSIONS", [add_demo_bookings])  # only ours, kept fast
    demo.load_demo()
    now = timezone.now()
    clinics = Session.objects.filter(session_type__kind=Kind.GROUP).order_by("start")
    assert clinics.count() >= 8  # weekly, up to the 60-day horizon
    first = clinics[0]
    assert first.start > now
    taken = first.bookings.filter(status=BookingStatus.CONFIRMED).count()
    assert 0 < taken < first.capacity
    assert Booking.objects.filter(status=BookingStatus.ATTENDED).count() >= 2
    assert Booking.objects.filter(status=BookingStatus.NO_SHOW).exists()
    assert SessionNote.objects.exclude(shared_advice="").count() >= 2
    coming = Booking.objects.filter(
        session__session_type__kind=Kind.ONE_ON_ONE, session__start__gt=now
    )
    assert coming.count() >= 2
