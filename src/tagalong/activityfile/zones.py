"""Times written without a zone (a Garmin Dakota's TCX, some GPX writers) read as local time.

What goes wrong with such files: ISO 8601 leaves a time without an offset to be "local time",
and these devices write the clock the runner saw (``2012-05-12T07:30:00``, no ``Z``). Read as
UTC, as most readers do, the run lands hours off: six in the US Central zone in winter. The
zone that clock was set to is the zone of the place the run was recorded, so it is looked up
from the track's first position (``tzfpy``: an offline lookup in the time zone boundaries
shipped with the package, no network). A file with no position (a treadmill) falls back to
the zone the importer knows (the athlete's); with neither, the times stay as written (UTC).

Times that carry a zone (``Z`` or an offset) are trusted as written: a GPS device takes UTC
from the satellites, and a file that writes local time marked ``Z`` cannot be told from a
correct one without a second clock, so no offset is ever guessed for it.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import tzfpy

from tagalong.activityfile.model import Activity
from tagalong.wording import Phrase

EVIDENCE_ID = "activityfile.times.local_without_zone"


def zone_at(latitude: float, longitude: float) -> ZoneInfo | None:
    """The IANA time zone at a position (None at sea or for an unknown name)."""
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        return None
    if not (-90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0):
        return None
    name = tzfpy.get_tz(longitude, latitude)
    if not name or name.startswith("Etc/"):
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def zone_of_track(activity: Activity) -> ZoneInfo | None:
    """The time zone at the activity's first recorded position, if it has one."""
    lat, lon = activity.streams.latitude_deg, activity.streams.longitude_deg
    if lat is None or lon is None:
        return None
    for y, x in zip(lat, lon, strict=True):
        if math.isfinite(y) and math.isfinite(x):
            return zone_at(float(y), float(x))
    return None


def read_in_zone(activity: Activity, fallback: tzinfo | None) -> Activity:
    """The activity with times that had no zone read as wall-clock time where it was run.

    The zone is the one at the track's first position, else ``fallback`` (the athlete's);
    without either the times stay as written. A warning on the activity says which was used.
    """
    if not activity.naive_times:
        return activity
    found = zone_of_track(activity)
    zone = found or fallback
    if zone is None:
        return activity

    def local(moment: datetime) -> datetime:
        return moment.replace(tzinfo=None).replace(tzinfo=zone).astimezone(UTC)

    start = local(activity.start)
    values = {"zone": str(zone), "start": start.astimezone(zone)}
    if found is not None:
        note = Phrase(
            "The file's times have no time zone; they were read as local time where it was "
            "recorded, {zone} (start {start:%H:%M}).",
            **values,
        )
    else:
        note = Phrase(
            "The file's times have no time zone; they were read as local time your time zone, "
            "{zone} (start {start:%H:%M}).",
            **values,
        )
    return replace(
        activity,
        start=start,
        laps=tuple(replace(lap, start=local(lap.start)) for lap in activity.laps),
        naive_times=False,
        warnings=(*activity.warnings, note),
    )
