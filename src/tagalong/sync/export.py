"""The sync's part of a data export: the connection without its key, and what was synced."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tagalong.dataexport.archive import rows_of
from tagalong.sync.models import Connection, PulledActivity, PushedWorkout

if TYPE_CHECKING:
    from tagalong.athletes.models import AthleteProfile
    from tagalong.dataexport.archive import Archive

# The key, sealed or masked, never leaves the server.
CONNECTION_FIELDS = (
    "remote_athlete_id",
    "state",
    "problem",
    "connected_at",
    "last_success_at",
)


def write_sync(athlete: AthleteProfile, archive: Archive) -> None:
    archive.table(
        "sync",
        "connection",
        rows_of(Connection.objects.filter(athlete=athlete), fields=CONNECTION_FIELDS),
    )
    archive.table(
        "sync",
        "pulled_activities",
        rows_of(
            PulledActivity.objects.filter(connection__athlete=athlete),
            fields=("remote_id", "start", "name", "sport", "distance_m", "status", "reason",
                    "activity_id"),
        ),
    )  # fmt: skip
    archive.table(
        "sync",
        "planned_workouts",
        rows_of(
            PushedWorkout.objects.filter(athlete=athlete),
            fields=("external_id", "day", "status", "problem", "sent_at", "session_id"),
        ),
    )
