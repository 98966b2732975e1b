"""Queue the laps, splits and route of activities imported before they were kept."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from tagalong.activities.details import missing_details
from tagalong.activities.tasks import fill_activity_details


class Command(BaseCommand):
    help = "Work out laps, splits and the route track from stored originals, in the background."

    def handle(self, *args: Any, **options: Any) -> None:
        ids = list(missing_details().values_list("pk", flat=True))
        for activity_id in ids:
            fill_activity_details.enqueue(activity_id)
        self.stdout.write(f"{len(ids)} activities queued")
