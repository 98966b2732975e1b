"""Garmin Training Center (TCX) activities.

Read from the safe element tree rather than through tcxreader: tcxreader only reads from a path
(a temporary file per upload) and builds its own objects we would convert again. Each track
point is walked once, every tag looked up in a small table, instead of one path search per field.
"""

from __future__ import annotations

import math
from datetime import datetime
from xml.etree.ElementTree import Element

import numpy as np

from tagalong.activityfile import xmlpoints
from tagalong.activityfile.errors import DecodeError
from tagalong.activityfile.model import Activity, Lap
from tagalong.activityfile.samples import (
    Header,
    PointColumns,
    Samples,
    build_from_samples,
    number,
    sport_from_label,
    time_us,
    times_without_zone,
)
from tagalong.activityfile.xmlsafety import local_name, parse_safe_xml, refuse_declarations
from tagalong.wording import Phrase

NS = "{http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2}"
# Track point fields by tag; extension values (ns3:RunCadence, ns3:Speed, ns3:Watts ...) by local
# name, whatever their namespace prefix. Within the TCX namespace, "Value" only occurs under
# HeartRateBpm in a track point, and the degrees only under Position.
POINT_FIELDS = {
    f"{NS}Time": "time",
    f"{NS}LatitudeDegrees": "latitude",
    f"{NS}LongitudeDegrees": "longitude",
    f"{NS}AltitudeMeters": "altitude",
    f"{NS}DistanceMeters": "distance",
    f"{NS}Value": "heart_rate",
    f"{NS}Cadence": "cadence",
}
EXTENSION_FIELDS = {"RunCadence": "run_cadence", "Speed": "speed", "Watts": "power"}
# The same fields for the pattern reader (xmlpoints), by local name in any namespace.
_FIELDS = {
    name: xmlpoints.Field(local.encode())
    for local, name in [
        *((tag.rpartition("}")[2], name) for tag, name in POINT_FIELDS.items()),
        *EXTENSION_FIELDS.items(),
    ]
}


class _PointReader:
    def __init__(self, samples: Samples) -> None:
        self.samples = samples
        self._fields: dict[str, str | None] = dict(POINT_FIELDS)

    def _field(self, tag: str) -> str | None:
        try:
            return self._fields[tag]
        except KeyError:
            name = EXTENSION_FIELDS.get(local_name(tag))
            self._fields[tag] = name
            return name

    def add(self, point: Element) -> None:
        found: dict[str, str] = {}
        for element in point.iter():
            name = self._field(element.tag)
            # The first occurrence with text counts, as a path search would find it.
            if name is not None and element.text and name not in found:
                found[name] = element.text
        moment = time_us(found.get("time"))
        if moment is None:
            return
        samples = self.samples
        cadence = number(found.get("cadence"))
        # RunCadence (foot pods) and Cadence are both strides or revolutions per minute.
        if math.isnan(cadence):
            cadence = number(found.get("run_cadence"))
        samples.times_us.append(moment)
        samples.latitude.append(number(found.get("latitude")))
        samples.longitude.append(number(found.get("longitude")))
        samples.altitude.append(number(found.get("altitude")))
        samples.distance.append(number(found.get("distance")))
        samples.heart_rate.append(number(found.get("heart_rate")))
        samples.cadence.append(cadence)
        samples.speed.append(number(found.get("speed")))
        samples.power.append(number(found.get("power")))


def decode_tcx(data: bytes, *, filename: str, fast: bool = True) -> Activity:
    """The first activity of a TCX file (``decode_tcx_activities`` gives every one)."""
    return decode_tcx_activities(data, filename=filename, fast=fast)[0]


def decode_tcx_activities(data: bytes, *, filename: str, fast: bool = True) -> tuple[Activity, ...]:
    """One activity per ``<Activity>`` (a multisport session's legs included), in file order.

    ``fast=False`` walks the element tree even where the patterns could read the points.
    """
    found = _read_fast(data, filename=filename) if fast and xmlpoints.suitable(data) else None
    read = [found] if found is not None else _read_tree(data, filename=filename)
    naive = times_without_zone(data)
    timed = [(element, samples) for element, samples in read if len(samples.times_us)]
    if not timed:
        raise DecodeError(
            file=filename,
            code="no_timestamps",
            reason=Phrase("the TCX activity has no timed track points"),
        )
    return tuple(
        build_from_samples(samples, _header(element, index=index, naive=naive))
        for index, (element, samples) in enumerate(timed)
    )


def _header(activity: Element, *, index: int, naive: bool) -> Header:
    laps = [lap for lap in map(_lap, activity.iter(f"{NS}Lap")) if lap is not None]
    timer = sum(lap.duration_s for lap in laps)
    distances = [lap.distance_m for lap in laps if lap.distance_m is not None]
    heart = [(lap.avg_hr, lap.duration_s) for lap in laps if lap.avg_hr and lap.duration_s > 0]
    peaks = [lap.max_hr for lap in laps if lap.max_hr]
    return Header(
        source_format="tcx",
        sport=sport_from_label(activity.get("Sport")),
        name=activity.findtext(f"{NS}Notes"),
        device=activity.findtext(f"{NS}Creator/{NS}Name"),
        laps=tuple(laps),
        timer_s=timer or None,
        distance_m=sum(distances) or None,
        avg_hr_bpm=(
            sum(hr * seconds for hr, seconds in heart) / sum(seconds for _, seconds in heart)
            if heart
            else None
        ),
        max_hr_bpm=max(peaks) if peaks else None,
        naive_times=naive,
        index_in_file=index,
    )


_POINT_LOCAL = {tag.rpartition("}")[2].encode(): name for tag, name in POINT_FIELDS.items()}
_EXTENSION_LOCAL = {local.encode(): name for local, name in EXTENSION_FIELDS.items()}


def _field_of(path: tuple[bytes, ...]) -> str | None:
    """The field of a leaf below a track point, as the tree reader would see it: TCX fields
    unprefixed (the default namespace), extension values by local name in any namespace."""
    prefix, _, local = path[-1].rpartition(b":")
    return _EXTENSION_LOCAL.get(local) or (None if prefix else _POINT_LOCAL.get(local))


def _activities(root: Element, *, filename: str) -> list[Element]:
    """Every recorded activity: under ``Activities``, alone or as legs of a multisport session."""
    found = [
        element
        for activities in root.iterfind(f"{NS}Activities")
        for element in activities.iter(f"{NS}Activity")
    ]
    if not found:
        courses = root.find(f"{NS}Courses")
        planned = courses is not None and courses.find(f"{NS}Course") is not None
        what = (
            Phrase("only a course (a planned route, with no recorded times of yours)")
            if planned
            else Phrase("no activity")
        )
        raise DecodeError(
            file=filename,
            code="no_track",
            reason=Phrase(
                "the TCX holds {what}, not a recorded activity; export the activity itself",
                what=what,
            ),
        )
    return found


def _read_tree(data: bytes, *, filename: str) -> list[tuple[Element, Samples | PointColumns]]:
    read: list[tuple[Element, Samples | PointColumns]] = []
    for activity in _activities(parse_safe_xml(data, filename=filename), filename=filename):
        samples = Samples()
        reader = _PointReader(samples)
        for point in activity.iter(f"{NS}Trackpoint"):
            reader.add(point)
        read.append((activity, samples))
    return read


def _read_fast(data: bytes, *, filename: str) -> tuple[Element, Samples | PointColumns] | None:
    refuse_declarations(data, filename=filename)
    points = xmlpoints.find_points(data, b"Trackpoint")
    if points is None or not xmlpoints.plain_points(data, points):
        return None
    root = parse_safe_xml(points.rest, filename=filename)
    activities = _activities(root, filename=filename)
    courses = root.find(f"{NS}Courses")
    if len(activities) > 1 or (courses is not None and len(courses)):
        return None  # points of several activities or courses: only the tree tells them apart
    activity = activities[0]
    # A path search finds the first match in document order; so does keep="first".
    # The rest has just been parsed; points that fit a template are well-formed too. Points
    # read field by field are not checked by the patterns, so the parser checks them first.
    text = xmlpoints.template_texts(data, points, _field_of, {}, keep="first")
    if text is None:
        xmlpoints.check(data, filename=filename)
        text = {
            name: xmlpoints.field_texts(data, points, field, keep="first")
            for name, field in _FIELDS.items()
        }
    nothing: list[bytes | None] = [None] * len(points)
    text = {name: text.get(name, nothing) for name in _FIELDS}
    stamps = [None if t is None else time_us(t.decode("ascii", "replace")) for t in text["time"]]
    timed = np.array([stamp is not None for stamp in stamps], dtype=bool)
    column = {
        name: xmlpoints.numbers(values)[timed] for name, values in text.items() if name != "time"
    }
    cadence = column["cadence"]
    # RunCadence (foot pods) and Cadence are both strides or revolutions per minute.
    cadence = np.where(np.isnan(cadence), column["run_cadence"], cadence)
    column["cadence"] = cadence
    del column["run_cadence"]
    return activity, PointColumns(
        np.array([s for s in stamps if s is not None], dtype=np.int64), column
    )


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
