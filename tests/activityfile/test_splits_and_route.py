from __future__ import annotations

import numpy as np
import pytest

from tagalong.activityfile.decode import decode_activities
from tagalong.activityfile.model import Streams
from tagalong.activityfile.route import outline, tiled, track_points
from tagalong.activityfile.splits import lap_rows, splits
from tagalong.units import METRES_PER_MILE
from tests.activityfile.conftest import corpus_file


def _decoded(relative: str):  # type: ignore[no-untyped-def]
    path = corpus_file(relative)
    return decode_activities(path.read_bytes(), filename=path.name)[0]


def _steady(metres: float, pace_s_per_km: float) -> Streams:
    """One sample a second at a steady pace, climbing 1 m every 100 m."""
    seconds = int(metres / 1000 * pace_s_per_km)
    time_s = np.arange(seconds + 1, dtype=np.float64)
    distance = time_s * 1000 / pace_s_per_km
    return Streams(
        time_s=time_s,
        distance_m=distance,
        heart_rate_bpm=np.full(time_s.shape, 150.0),
        altitude_m=distance / 100,
    )


def test_a_steady_run_splits_into_whole_kilometres_and_the_rest() -> None:
    rows = splits(_steady(5300, 300), 1000)
    assert [round(r.distance_m) for r in rows] == [1000] * 5 + [300]
    assert [round(r.pace_s_per_km or 0) for r in rows] == [300] * 6
    assert rows[0].avg_hr_bpm == 150
    assert rows[0].elevation_change_m == pytest.approx(10)


def test_miles_split_at_1609_metres() -> None:
    rows = splits(_steady(5000, 300), METRES_PER_MILE)
    assert [round(r.distance_m) for r in rows] == [1609, 1609, 1609, 172]
    assert rows[0].elapsed_s == pytest.approx(METRES_PER_MILE * 0.3, abs=0.5)


def test_a_remainder_too_short_to_read_is_left_out() -> None:
    assert len(splits(_steady(3020, 300), 1000)) == 3


def test_a_stop_counts_in_elapsed_time_not_in_moving_time() -> None:
    time_s = np.arange(0.0, 501.0, 10.0)  # 4 m/s, standing still from 200 s to 400 s
    distance = np.clip(time_s, None, 200) * 4 + np.clip(time_s - 400, 0, None) * 4
    (first, _) = splits(Streams(time_s=time_s, distance_m=distance), 1000)
    assert first.elapsed_s == pytest.approx(450)
    assert first.moving_s == pytest.approx(250)
    assert first.pace_s_per_km == pytest.approx(250)


def test_without_a_clock_or_a_distance_there_are_no_splits() -> None:
    assert splits(Streams(time_s=np.zeros(5)), 1000) == ()
    assert splits(_decoded("gpxpy/Mojstrovka.gpx").streams, 1000) == ()  # route without times


def test_a_recorded_run_adds_up_to_its_distance_and_time() -> None:
    run = _decoded("fitparse/activity-small-fenix2-run.fit")
    rows = splits(run.streams, 1000)
    assert len(rows) == 9
    assert sum(r.distance_m for r in rows) == pytest.approx(9000)
    assert sum(r.elapsed_s for r in rows) <= run.duration_s
    assert all(240 < (r.pace_s_per_km or 0) < 540 for r in rows)
    assert all(r.avg_hr_bpm is not None for r in rows)


def test_a_tcx_without_a_distance_per_split_reads_its_gps_track() -> None:
    run = _decoded("sweatpy/activity_5039744860.tcx")
    (only,) = splits(run.streams, 1000)
    assert only.distance_m == pytest.approx(run.distance_m, rel=0.02)


def test_laps_come_from_the_device_and_one_lap_is_no_table() -> None:
    laps = lap_rows(_decoded("fitparse/activity-small-fenix2-run.fit"))
    assert len(laps) == 4
    assert laps[0]["distance_m"] == pytest.approx(848.9)
    assert laps[0]["avg_speed_m_s"] == pytest.approx(3.144, abs=0.001)
    assert lap_rows(_decoded("fitparse/garmin-fenix-5-run.fit")) == []


def test_the_track_keeps_at_most_its_limit_of_points_from_start_to_finish() -> None:
    run = _decoded("fitparse/activity-small-fenix2-run.fit")
    points = track_points(run.streams, 50)
    assert len(points) == 50
    lat = run.streams.latitude_deg
    assert lat is not None
    first = float(lat[np.isfinite(lat)][0])
    assert points[0][0] == pytest.approx(first, abs=1e-5)


def test_no_positions_no_track() -> None:
    assert track_points(_steady(1000, 300)) == []


def test_the_outline_fits_its_box_and_keeps_the_shape() -> None:
    # A track twice as long east-west as north-south, on the equator.
    shape = outline([(0.0, 0.0), (0.0, 0.02), (0.01, 0.02)], width=600, height=400, pad=0)
    assert shape is not None
    assert shape.start == pytest.approx((0.0, 350.0), abs=0.5)
    assert shape.finish == pytest.approx((600.0, 50.0), abs=0.5)
    assert shape.path.startswith("M0.0 350.0L600.0 350.0")


def test_tiles_cover_the_box_at_the_zoom_that_fits_and_name_the_tile() -> None:
    run = _decoded("fitparse/activity-small-fenix2-run.fit")
    points = track_points(run.streams)
    map_ = tiled(points, "https://tiles.example/{z}/{x}/{y}.png", width=600, height=400)
    assert map_ is not None
    assert map_.tiles[0].url.startswith(f"https://tiles.example/{map_.zoom}/")
    assert min(t.left for t in map_.tiles) <= 0 and min(t.top for t in map_.tiles) <= 0
    assert max(t.left for t in map_.tiles) + 256 >= 600
    assert max(t.top for t in map_.tiles) + 256 >= 400
    bigger = tiled(points, "t/{z}/{x}/{y}", width=1200, height=800)
    assert bigger is not None and bigger.zoom == map_.zoom + 1
    assert tiled(points, "") is None
