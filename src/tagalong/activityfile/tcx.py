"""Garmin Training Center (TCX) activities.

Parsed with defusedxml's ElementTree rather than tcxreader: tcxreader only reads from a path
(a temporary file per upload) and builds its own objects we would convert again, while the
safe tree we already need for the XML-bomb check gives every field in a few lines.
"""

from __future__ import annotations

from datetime import datetime
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeElementTree

from tagalong.activityfile.errors import DecodeError
from tagalong.activityfile.model import Activity, Lap
from tagalong.activityfile.samples import Header, Samples, build_from_samples, sport_from_label
from tagalong.activityfile.xmlsafety import check_safe_xml

NS = "{http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2}"


def decode_tcx(data: bytes, *, filename: str) -> Activity:
    check_safe_xml(data, filename=filename)
    root = SafeElementTree.fromstring(data, forbid_dtd=True)
    activity = root.find(f"{NS}Activities/{NS}Activity")
    if activity is None:
        what = "a course" if root.find(f"{NS}Courses") is not None else "no activity"
        raise DecodeError(
            file=filename, code="no_track", reason=f"the TCX holds {what}, not a recorded activity"
        )
    samples = Samples()
    for point in activity.iter(f"{NS}Trackpoint"):
        time = _time(point.findtext(f"{NS}Time"))
        if time is not None:
            samples.add(time, **_point_values(point))
    if not samples.times:
        raise DecodeError(
            file=filename,
            code="no_timestamps",
            reason="the TCX activity has no timed track points",
        )
    header = Header(
        source_format="tcx",
        sport=sport_from_label(activity.get("Sport")),
        name=activity.findtext(f"{NS}Notes"),
        device=activity.findtext(f"{NS}Creator/{NS}Name"),
        laps=tuple(lap for lap in map(_lap, activity.iter(f"{NS}Lap")) if lap is not None),
    )
    return build_from_samples(samples, header)


def _time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def _number(element: Element, path: str) -> float | None:
    text = element.findtext(path)
    if text is None:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def _local_number(element: Element, local_name: str) -> float | None:
    """An extension value (ns3:RunCadence, ns3:Watts ...) whatever its namespace prefix."""
    for child in element.iter():
        if child.tag.rpartition("}")[2] == local_name and child.text:
            try:
                return float(child.text)
            except ValueError:
                return None
    return None


def _point_values(point: Element) -> dict[str, float | None]:
    cadence = _number(point, f"{NS}Cadence")
    return {
        "latitude": _number(point, f"{NS}Position/{NS}LatitudeDegrees"),
        "longitude": _number(point, f"{NS}Position/{NS}LongitudeDegrees"),
        "altitude": _number(point, f"{NS}AltitudeMeters"),
        "distance": _number(point, f"{NS}DistanceMeters"),
        "heart_rate": _number(point, f"{NS}HeartRateBpm/{NS}Value"),
        # RunCadence (foot pods) and Cadence are both strides or revolutions per minute.
        "cadence": cadence if cadence is not None else _local_number(point, "RunCadence"),
        "speed": _local_number(point, "Speed"),
        "power": _local_number(point, "Watts"),
    }


def _lap(lap: Element) -> Lap | None:
    start = _time(lap.get("StartTime"))
    if start is None:
        return None
    distance = _number(lap, f"{NS}DistanceMeters")
    duration = _number(lap, f"{NS}TotalTimeSeconds") or 0.0
    return Lap(
        start=start,
        duration_s=duration,
        distance_m=distance,
        avg_hr=_number(lap, f"{NS}AverageHeartRateBpm/{NS}Value"),
        max_hr=_number(lap, f"{NS}MaximumHeartRateBpm/{NS}Value"),
        avg_speed_m_s=distance / duration if distance is not None and duration > 0 else None,
    )
