"""Times written without a zone (a Garmin Dakota's TCX, some GPX writers) read as local time.

ISO 8601 leaves a time without an offset to be "local time", and these devices write the
clock the runner saw. Taken as UTC they place the run hours off (six in the US Central zone);
the person importing knows their zone, so the importer re-reads them there.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, tzinfo

from tagalong.activityfile.model import Activity


def read_in_zone(activity: Activity, zone: tzinfo) -> Activity:
    """The activity with times that had no zone read as wall-clock time in ``zone``."""
    if not activity.naive_times:
        return activity

    def local(moment: datetime) -> datetime:
        return moment.replace(tzinfo=None).replace(tzinfo=zone).astimezone(UTC)

    start = local(activity.start)
    note = (
        f"The file's times have no time zone; they were read as local time in {zone} "
        f"(start {start.astimezone(zone):%H:%M})."
    )
    return replace(
        activity,
        start=start,
        laps=tuple(replace(lap, start=local(lap.start)) for lap in activity.laps),
        naive_times=False,
        warnings=(*activity.warnings, note),
    )
