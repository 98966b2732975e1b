"""GPX tracks (Garmin Connect, Strava and other writers) as activities."""

from __future__ import annotations

import gpxpy
import gpxpy.gpx

from tagalong.activityfile.errors import DecodeError
from tagalong.activityfile.model import Activity
from tagalong.activityfile.samples import Header, Samples, build_from_samples, sport_from_label
from tagalong.activityfile.xmlsafety import check_safe_xml

# Garmin TrackPointExtension children, by local name.
EXTENSION_FIELDS = {"hr": "heart_rate", "cad": "cadence", "power": "power"}


def decode_gpx(data: bytes, *, filename: str) -> Activity:
    check_safe_xml(data, filename=filename)
    try:
        document = gpxpy.parse(data.decode("utf-8-sig", errors="replace"))
    except gpxpy.gpx.GPXException as exc:
        raise DecodeError(
            file=filename, code="corrupt", reason=f"the GPX is invalid ({exc})"
        ) from exc
    points = [
        point for track in document.tracks for segment in track.segments for point in segment.points
    ]
    if not points:
        what = "only a planned route" if document.routes else "only waypoints or nothing"
        raise DecodeError(
            file=filename, code="no_track", reason=f"the GPX holds no recorded track ({what})"
        )
    timed = [point for point in points if point.time is not None]
    if not timed:
        raise DecodeError(
            file=filename,
            code="no_timestamps",
            reason="the GPX track has no times, so it cannot be placed on a day or timed",
        )
    samples = Samples()
    for point in timed:
        assert point.time is not None  # filtered above; narrows the type for mypy
        samples.add(
            point.time,
            latitude=point.latitude,
            longitude=point.longitude,
            altitude=point.elevation,
            **_extension_values(point),
        )
    track = document.tracks[0]
    header = Header(
        source_format="gpx",
        sport=sport_from_label(track.type),
        name=track.name or document.name,
        device=document.creator,
    )
    return build_from_samples(samples, header)


def _extension_values(point: gpxpy.gpx.GPXTrackPoint) -> dict[str, float | None]:
    values: dict[str, float | None] = {}
    for extension in point.extensions:
        for element in extension.iter():
            name = EXTENSION_FIELDS.get(element.tag.rpartition("}")[2].lower())
            if name and element.text:
                try:
                    values[name] = float(element.text)
                except ValueError:
                    continue
    return values
