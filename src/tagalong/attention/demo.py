"""Demo signals: a few away days, then every demo runner's signals computed from their data."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tagalong.attention.models import AvailabilityMarker, MarkerKind
from tagalong.attention.services import refresh_signals
from tagalong.demo import DemoWorld


def add_demo_attention(world: DemoWorld) -> None:
    today = timezone.localdate()
    if len(world.athletes) > 4:
        AvailabilityMarker.objects.create(
            athlete=world.athletes[4],
            kind=MarkerKind.TRAVEL,
            start=today - timedelta(days=5),
            end=today - timedelta(days=3),
            note="Work trip",
        )
    now = timezone.now()
    for athlete in world.athletes:
        refresh_signals(athlete=athlete, now=now)
