"""Our element-tree GPX and TCX readers give the points gpxpy and tcxreader give, on the corpus."""

from __future__ import annotations

import dataclasses
import math
from datetime import UTC, datetime

import gpxpy
import numpy as np
import pytest
from tcxreader.tcxreader import TCXReader

from tagalong.activityfile.decode import decode_activity
from tagalong.activityfile.errors import DecodeError
from tagalong.activityfile.gpx import decode_gpx
from tagalong.activityfile.model import Activity, Streams
from tagalong.activityfile.tcx import decode_tcx

from .conftest import CORPUS


def _files(suffix: str) -> list[str]:
    return sorted(
        str(path.relative_to(CORPUS.resolve())) for path in CORPUS.resolve().glob(f"*/*{suffix}")
    )


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # GPX: no zone means UTC


def _values(values: list[float | None]) -> np.ndarray:
    return np.array([math.nan if v is None else v for v in values], dtype=np.float64)


@pytest.mark.parametrize("relative", _files(".gpx"))
def test_gpx_reader_keeps_the_timed_points_gpxpy_reads(relative: str) -> None:
    data = (CORPUS / relative).read_bytes()
    document = gpxpy.parse(data.decode("utf-8-sig", errors="replace"))
    points = [
        p for t in document.tracks for s in t.segments for p in s.points if p.time is not None
    ]
    try:
        activity = decode_activity(data, filename=relative)
    except DecodeError as error:
        assert not points, error
        return
    times = [_utc(p.time) for p in points]
    order = np.argsort([t.timestamp() for t in times], kind="stable")
    streams = activity.streams
    assert len(streams) == len(points)
    first = min(times)
    assert activity.start == first
    expected_time = np.array([(t - first).total_seconds() for t in times])[order]
    np.testing.assert_allclose(streams.time_s, expected_time, atol=1e-6)
    for stream, values in (
        (streams.latitude_deg, [p.latitude for p in points]),
        (streams.longitude_deg, [p.longitude for p in points]),
        (streams.altitude_m, [p.elevation for p in points]),
    ):
        expected = _values(values)[order]
        if stream is None:
            assert not np.isfinite(expected).any()
        else:
            np.testing.assert_allclose(stream, expected, equal_nan=True)


@pytest.mark.parametrize("relative", _files(".tcx"))
def test_tcx_reader_keeps_the_points_tcxreader_reads(relative: str) -> None:
    path = CORPUS / relative
    exercise = TCXReader().read(str(path), only_gps=False)
    points = [p for p in exercise.trackpoints if p.time is not None]
    activity = decode_activity(path.read_bytes(), filename=relative)
    streams = activity.streams
    assert len(streams) == len(points)
    hr = _values([p.hr_value for p in points])
    if streams.heart_rate_bpm is None:
        assert not np.isfinite(hr).any()
    else:
        np.testing.assert_allclose(streams.heart_rate_bpm, hr, equal_nan=True)
    distance = _values([p.distance for p in points])
    if np.isfinite(distance).any():
        assert streams.distance_m is not None
        # Ours counts from the start (a channel may start at an odometer value).
        covered = distance - distance[np.isfinite(distance)][0]
        np.testing.assert_allclose(streams.distance_m, covered, equal_nan=True, atol=1e-9)


def _same_activity(fast: object, tree: object) -> None:
    assert type(fast) is type(tree)
    if isinstance(fast, DecodeError):
        assert isinstance(tree, DecodeError) and fast.code == tree.code
        return
    assert isinstance(fast, Activity) and isinstance(tree, Activity)
    for name in ("start", "sport", "name", "device", "duration_s", "distance_m", "laps"):
        assert getattr(fast, name) == getattr(tree, name), name
    for field in dataclasses.fields(Streams):
        if field.name == "developer":
            continue
        a, b = getattr(fast.streams, field.name), getattr(tree.streams, field.name)
        assert (a is None) == (b is None), field.name
        if a is not None:
            np.testing.assert_array_equal(a, b, err_msg=field.name)


def _decoded(decode, data: bytes, **kwargs):  # type: ignore[no-untyped-def]
    try:
        return decode(data, filename="x", **kwargs)
    except DecodeError as error:
        return error


@pytest.mark.parametrize("relative", _files(".gpx") + _files(".tcx"))
def test_pattern_reader_gives_what_the_element_tree_gives(relative: str) -> None:
    decode = decode_gpx if relative.endswith(".gpx") else decode_tcx
    data = (CORPUS / relative).read_bytes()
    _same_activity(_decoded(decode, data), _decoded(decode, data, fast=False))


def _gpx(points: str) -> bytes:
    return (
        "<?xml version='1.0'?><gpx version='1.1' xmlns='http://www.topografix.com/GPX/1/1' "
        "xmlns:tp='http://www.garmin.com/xmlschemas/TrackPointExtension/v1'><trk><type>running"
        f"</type><trkseg>{points}</trkseg></trk></gpx>"
    ).encode()


def _point(second: int, hr: str | None = "150") -> str:
    extension = (
        f"<extensions><tp:TrackPointExtension><tp:hr>{hr}</tp:hr></tp:TrackPointExtension>"
        "</extensions>"
        if hr is not None
        else ""
    )
    return (
        f"<trkpt lat='46.{second:04d}' lon='14.0'><ele>300</ele>"
        f"<time>2024-05-01T06:00:{second:02d}Z</time>{extension}</trkpt>"
    )


def test_points_of_several_shapes_are_read_alike_by_both_paths() -> None:
    points = "".join(_point(i, hr=None if i % 3 else str(140 + i)) for i in range(12))
    data = _gpx(points)
    fast, tree = _decoded(decode_gpx, data), _decoded(decode_gpx, data, fast=False)
    _same_activity(fast, tree)
    assert fast.streams.heart_rate_bpm is not None
    assert np.isnan(fast.streams.heart_rate_bpm[1]) and fast.streams.heart_rate_bpm[3] == 143


def test_a_comment_inside_a_point_sends_the_file_to_the_tree_reader() -> None:
    points = _point(0) + _point(1).replace("<ele>", "<!-- x --><ele>") + _point(2)
    data = _gpx(points)
    _same_activity(_decoded(decode_gpx, data), _decoded(decode_gpx, data, fast=False))


@pytest.mark.parametrize(
    "broken",
    [
        _gpx(_point(0) + _point(1))[:-30],  # cut off in the closing tags
        _gpx(_point(0) + _point(1)).replace(b"</ele>", b"</elevation>", 1),  # tags that cross
        _gpx(_point(0) + _point(1)).replace(b"lon='14.0'", b"lon=14.0", 1),  # attribute unquoted
    ],
)
def test_malformed_xml_is_corrupt_on_both_paths(broken: bytes) -> None:
    for fast in (True, False):
        error = _decoded(decode_gpx, broken, fast=fast)
        assert isinstance(error, DecodeError) and error.code == "corrupt", fast
