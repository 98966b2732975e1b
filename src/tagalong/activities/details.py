"""Laps, splits and the route track for activities imported before they were kept.

The import works them out from every sample (importing._build_activity); an older activity
gets them from its stored original file, in a background task per activity.
"""

from __future__ import annotations

import logging
from pathlib import PurePosixPath

from django.db.models import Q, QuerySet

from tagalong.activities.importing import chart_data, split_rows
from tagalong.activities.models import Activity
from tagalong.activityfile import route, splits
from tagalong.activityfile.decode import decode_activities
from tagalong.activityfile.errors import ActivityFileError

log = logging.getLogger(__name__)


def missing_details() -> QuerySet[Activity]:
    """Activities with an original file and none of laps, splits or track."""
    return Activity.objects.exclude(original="").filter(Q(splits={}) & Q(track=[]) & Q(laps=[]))


def fill_details(activity_id: int) -> bool:
    """Read the activity's original again and keep its laps, splits and track; True if done.

    Re-checks first, so a second run (or a run after a re-import) changes nothing."""
    activity = missing_details().filter(pk=activity_id).first()
    if activity is None:
        return False
    try:
        with activity.original.open("rb") as handle:
            data = handle.read()
        legs = decode_activities(data, filename=PurePosixPath(activity.original.name).name)
    except (OSError, ActivityFileError) as error:
        log.warning("activity %s: original not readable again: %s", activity_id, error)
        return False
    if activity.source_index >= len(legs):
        return False
    decoded = legs[activity.source_index]
    chart = chart_data(decoded.streams)
    updated = (
        missing_details()
        .filter(pk=activity_id)
        .update(
            laps=splits.lap_rows(decoded),
            splits=split_rows(decoded.streams),
            track=[list(point) for point in route.track_points(decoded.streams)],
            chart=chart if chart else activity.chart,
        )
    )
    return bool(updated)
