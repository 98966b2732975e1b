"""GPX tracks (Garmin Connect, Strava and other writers) as activities.

Read without gpxpy, which builds and deep-copies an object per point and per extension: the
points are picked out of the checked bytes (``xmlpoints``, the usual case) or walked in the
element tree (GPX 1.0 and 1.1, any namespace prefix). Both give what gpxpy gives
(``tests/activityfile/test_xml_readers_agree.py``), several times faster.
"""

from __future__ import annotations

import math
from xml.etree.ElementTree import Element

import numpy as np

from tagalong.activityfile import tracks, xmlpoints
from tagalong.activityfile.errors import DecodeError
from tagalong.activityfile.model import Activity
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
from tagalong.activityfile.xmlsafety import (
    local_name,
    namespace,
    parse_safe_xml,
    refuse_declarations,
)
from tagalong.wording import Phrase

# Heart rate, cadence and power below a point's <extensions> (any namespace, any depth), by
# lower-cased local name: Garmin TrackPointExtension (hr, cad), Cluetrust gpxdata (hr, cadence),
# and the names other exporters use (heartrate, heart_rate, watts, PowerInWatts).
EXTENSION_FIELDS = {
    "hr": "heart_rate",
    "heartrate": "heart_rate",
    "heart_rate": "heart_rate",
    "heartratebpm": "heart_rate",
    "cad": "cadence",
    "cadence": "cadence",
    "runcadence": "cadence",
    "power": "power",
    "watts": "power",
    "powerinwatts": "power",
}
_TIME = xmlpoints.Field(b"time")
_ELEVATION = xmlpoints.Field(b"ele")
_EXTENSIONS = [
    (field, xmlpoints.Field(name.encode(), ignore_case=True))
    for name, field in EXTENSION_FIELDS.items()
]
_TAG_END = frozenset(b" \t\r\n/>")


class _PointReader:
    """Appends one track point at a time; caches what each tag means, since tags repeat."""

    def __init__(self, ns: str, samples: Samples) -> None:
        self.time_tag, self.ele_tag, self.ext_tag = f"{ns}time", f"{ns}ele", f"{ns}extensions"
        self.samples = samples
        self._fields: dict[str, str | None] = {}

    def _field(self, tag: str) -> str | None:
        try:
            return self._fields[tag]
        except KeyError:
            name = EXTENSION_FIELDS.get(local_name(tag).lower())
            self._fields[tag] = name
            return name

    def add(self, point: Element, segment: int) -> None:
        moment: int | None = None
        elevation = math.nan
        values = {"heart_rate": math.nan, "cadence": math.nan, "power": math.nan}
        for child in point:
            tag = child.tag
            if tag == self.time_tag:
                moment = time_us(child.text)
            elif tag == self.ele_tag:
                elevation = number(child.text)
            elif tag == self.ext_tag:
                for element in child.iter():
                    name = self._field(element.tag)
                    if name is not None and element.text:
                        value = number(element.text)
                        if not math.isnan(value):
                            values[name] = value
        samples = self.samples
        samples.times_us.append(NO_TIME if moment is None else moment)
        samples.latitude.append(number(point.get("lat")))
        samples.longitude.append(number(point.get("lon")))
        samples.altitude.append(elevation)
        samples.heart_rate.append(values["heart_rate"])
        samples.cadence.append(values["cadence"])
        samples.power.append(values["power"])
        samples.distance.append(math.nan)
        samples.speed.append(math.nan)
        samples.segment.append(float(segment))


# A track point written without a time, until ``fill_missing_times`` decides on it.
NO_TIME = int(np.iinfo(np.int64).min)


def fill_missing_times(columns: PointColumns) -> tuple[PointColumns, Phrase | None]:
    """Points without a time between two timed points of their segment get a time between
    theirs, in proportion to the distance along the track (as if the pace held); points before
    the first or after the last timed point of a segment cannot be placed and are left out.

    Returns the columns with only timed points, and a sentence saying what was done (None when
    every point had its time).
    """
    times = columns.times_us
    missing = times == NO_TIME
    if not missing.any():
        return columns, None
    count = len(columns)
    segment = np.nan_to_num(columns.column("segment"), nan=0.0)
    along = tracks.cumulative_distance_m(columns.column("latitude"), columns.column("longitude"))
    place = along + np.arange(count) * 1e-3  # strictly increasing, even standing still
    filled = times.astype(np.float64)
    keep = ~missing
    for which in np.unique(segment):
        members = np.flatnonzero(segment == which)
        timed = members[~missing[members]]
        if timed.size == 0:
            continue
        inner = members[missing[members] & (members > timed[0]) & (members < timed[-1])]
        filled[inner] = np.interp(place[inner], place[timed], filled[timed])
        keep[inner] = True
    timed_points = int((~missing).sum())
    if timed_points == 0:
        return PointColumns(np.zeros(0, dtype=np.int64), {}), None
    placed = int(keep.sum()) - timed_points
    left_out = int(missing.sum()) - placed
    note = _untimed_note(int(missing.sum()), placed, left_out)
    values = {name: column[keep] for name, column in columns.values.items()}
    return PointColumns(np.round(filled[keep]).astype(np.int64), values), note


def _untimed_note(missing: int, placed: int, left_out: int) -> Phrase:
    if placed and left_out:
        return Phrase(
            "{missing} track points had no time: {placed} were given times between their timed "
            "neighbours and {left_out} before or after the timed part were left out.",
            missing=missing,
            placed=placed,
            left_out=left_out,
        )
    if placed:
        return Phrase(
            "{missing} track points had no time: {placed} were given times between their timed "
            "neighbours.",
            missing=missing,
            placed=placed,
        )
    return Phrase(
        "{missing} track points had no time: {left_out} before or after the timed part were "
        "left out.",
        missing=missing,
        left_out=left_out,
    )


def decode_gpx(data: bytes, *, filename: str, fast: bool = True) -> Activity:
    """``fast=False`` walks the element tree even where the patterns could read the points."""
    found = _read_fast(data, filename=filename) if fast and xmlpoints.suitable(data) else None
    root, points, samples = found or _read_tree(data, filename=filename)
    ns = namespace(root.tag)
    if not points:
        routes = root.find(f"{ns}rte") is not None
        what = (
            Phrase("only a planned route, with no recorded times of yours")
            if routes
            else Phrase("only waypoints or nothing")
        )
        raise DecodeError(
            file=filename,
            code="no_track",
            reason=Phrase(
                "the GPX holds no recorded track ({what}); export the activity itself", what=what
            ),
        )
    columns, filled = fill_missing_times(
        samples.columns() if isinstance(samples, Samples) else samples
    )
    if not len(columns):
        raise DecodeError(
            file=filename,
            code="no_timestamps",
            reason=Phrase(
                "the GPX track has no times (a planned route or a drawn track), so it cannot "
                "be placed on a day or timed; export the recorded activity instead"
            ),
        )
    track = root.find(f"{ns}trk")
    document_name = root.findtext(f"{ns}metadata/{ns}name") or root.findtext(f"{ns}name")
    header = Header(
        source_format="gpx",
        sport=sport_from_label(None if track is None else track.findtext(f"{ns}type")),
        name=(None if track is None else track.findtext(f"{ns}name")) or document_name,
        device=root.get("creator"),
        naive_times=times_without_zone(data),
        warnings=() if filled is None else (filled,),
    )
    return build_from_samples(columns, header)


def _read_tree(data: bytes, *, filename: str) -> tuple[Element, int, Samples | PointColumns]:
    root = parse_safe_xml(data, filename=filename)
    ns = namespace(root.tag)
    samples = Samples()
    reader = _PointReader(ns, samples)
    points = segments = 0
    for track in root.iterfind(f"{ns}trk"):
        for segment in track.iterfind(f"{ns}trkseg"):
            segments += 1
            for point in segment.iterfind(f"{ns}trkpt"):
                points += 1
                reader.add(point, segments)
    return root, points, samples


def _read_fast(data: bytes, *, filename: str) -> tuple[Element, int, Samples | PointColumns] | None:
    refuse_declarations(data, filename=filename)
    points = xmlpoints.find_points(data, b"trkpt")
    if points is None or not xmlpoints.plain_points(data, points):
        return None
    root = parse_safe_xml(points.rest, filename=filename)
    # The rest has just been parsed; points that fit a template are well-formed too. Points
    # read field by field are not checked by the patterns, so the parser checks them first.
    texts = xmlpoints.template_texts(data, points, _field_of, _ATTRIBUTES)
    if texts is None:
        xmlpoints.check(data, filename=filename)
        texts = _field_by_field(data, points)
    nothing: list[bytes | None] = [None] * len(points)
    stamps = [
        None if text is None else time_us(text.decode("ascii", "replace"))
        for text in texts.get("time", nothing)
    ]
    values = {
        name: xmlpoints.numbers(texts.get(name, nothing))
        for name in ("latitude", "longitude", "altitude", "heart_rate", "cadence", "power")
    }
    opened = np.array(_segment_starts(data), dtype=np.int64)
    values["segment"] = np.searchsorted(opened, points.starts).astype(np.float64)
    times = [NO_TIME if stamp is None else stamp for stamp in stamps]
    columns = PointColumns(np.array(times, dtype=np.int64), values)
    return root, len(points), columns


_ATTRIBUTES = {b"lat": "latitude", b"lon": "longitude"}


def _segment_starts(data: bytes) -> list[int]:
    """Where each ``<trkseg>`` start tag (any prefix) begins; a literal search, since a
    pattern that allows a prefix is tried at every ``<`` of a large file."""
    starts = []
    at = data.find(b"trkseg")
    while at >= 0:
        opening = data.rfind(b"<", 0, at)
        after = data[at + 6 : at + 7]
        if (
            opening >= 0
            and data[opening + 1 : opening + 2] != b"/"
            and after
            and after[0] in _TAG_END
        ):
            starts.append(opening)
        at = data.find(b"trkseg", at + 6)
    return starts


def _field_of(path: tuple[bytes, ...]) -> str | None:
    """The field of a leaf below a track point, as the tree reader would see it."""
    local = path[-1].rpartition(b":")[2]
    if len(path) == 1:
        return {b"time": "time", b"ele": "altitude"}.get(local)
    if path[0].rpartition(b":")[2] == b"extensions":
        return EXTENSION_FIELDS.get(local.decode("ascii", "replace").lower())
    return None


def _field_by_field(data: bytes, points: xmlpoints.Points) -> dict[str, list[bytes | None]]:
    lowered = data.lower()
    texts = {
        "time": xmlpoints.field_texts(data, points, _TIME),
        "altitude": xmlpoints.field_texts(data, points, _ELEVATION),
    }
    for name, field in _EXTENSIONS:
        found = xmlpoints.field_texts(data, points, field, lowered=lowered)
        known = texts.setdefault(name, [None] * len(points))
        texts[name] = [new if old is None else old for old, new in zip(known, found, strict=True)]
    positions = xmlpoints.attribute_pairs(points, b"lat", b"lon")
    texts["latitude"] = [None if p is None else p[0] for p in positions]
    texts["longitude"] = [None if p is None else p[1] for p in positions]
    return texts
