"""What the sync pages show: the connection, its activities and its planned workouts."""

from __future__ import annotations

from collections import Counter
from typing import Any

from tagalong.access.policy import Access, access_to_athlete
from tagalong.athletes.models import AthleteProfile
from tagalong.sync.models import Connection, PulledActivity, PushedWorkout

SHOWN_ROWS = 50


def connection_of(athlete: AthleteProfile) -> Connection | None:
    return Connection.objects.filter(athlete=athlete).first()


def page_context(user: Any, athlete: AthleteProfile) -> dict[str, Any]:
    connection = connection_of(athlete)
    pulled = (
        list(PulledActivity.objects.filter(connection=connection)[:SHOWN_ROWS])
        if connection
        else []
    )
    counts = (
        Counter(
            PulledActivity.objects.filter(connection=connection).values_list("status", flat=True)
        )
        if connection
        else Counter()
    )
    pushed = list(
        PushedWorkout.objects.filter(athlete=athlete).select_related("session")[:SHOWN_ROWS]
    )
    return {
        "athlete": athlete,
        "connection": connection,
        "own": athlete.user_id == getattr(user, "pk", None),
        "can_edit": access_to_athlete(user, athlete) is Access.WRITE,
        "pulled": pulled,
        "counts": dict(counts),
        "pushed": pushed,
    }


def section_context(user: Any, athlete: AthleteProfile) -> dict[str, Any]:
    connection = connection_of(athlete)
    waiting = (
        PushedWorkout.objects.filter(athlete=athlete).exclude(status="sent").count()
        if connection
        else 0
    )
    return {"connection": connection, "unsent": waiting}
