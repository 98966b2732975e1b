"""The runner's programmes in their data export: each place (joined, waiting or finished), the
gift that brought it with the giver's message, and the announcements they were sent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tagalong.programmes.models import Announcement, Gift, Place, PlaceStatus

if TYPE_CHECKING:
    from tagalong.athletes.models import AthleteProfile
    from tagalong.dataexport.archive import Archive

MEMBER_STATUSES = (PlaceStatus.ACTIVE, PlaceStatus.FINISHED)


def write_programmes(athlete: AthleteProfile, archive: Archive) -> None:
    from tagalong.dataexport.archive import rows_of

    places = Place.objects.filter(athlete=athlete)
    archive.table(
        "programmes",
        "places",
        rows_of(
            places,
            fields=(
                "id",
                "programme__title",
                "programme__coach__full_name",
                "status",
                "source",
                "payment",
                "start_date",
                "plan_id",
                "show_name",
                "created_at",
                "joined_at",
            ),
        ),
    )
    archive.table(
        "programmes",
        "gifts",
        rows_of(
            Gift.objects.filter(place__in=places),
            fields=("place_id", "giver_name", "message", "created_at", "claimed_at"),
        ),
    )
    archive.table(
        "programmes",
        "announcements",
        rows_of(
            Announcement.objects.filter(
                programme__places__in=places.filter(status__in=MEMBER_STATUSES)
            ).distinct(),
            fields=("id", "programme__title", "author__full_name", "text", "created_at"),
        ),
    )
