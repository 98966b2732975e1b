"""Files we made for cases the corpus lacks (tests/activityfile/fixtures/README.md)."""

from __future__ import annotations

import gzip
import re
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tagalong.activityfile.analyze import analyze_file
from tagalong.activityfile.decode import decode_activities, decode_activity
from tagalong.activityfile.errors import DecodeError
from tagalong.activityfile.zones import read_in_zone

FIXTURES = Path(__file__).parent / "fixtures"


def _read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_two_sessions_79_minutes_apart_are_two_runs_without_the_gap() -> None:
    first, second = decode_activities(_read("two-runs-79-min-apart.fit"), filename="x.fit")
    assert (first.sport, second.sport) == ("running", "running")
    assert (first.duration_s, second.duration_s) == (600.0, 900.0)
    assert second.start == datetime(2024, 5, 4, 8, 29, tzinfo=UTC)
    assert len(first.streams) == 601 and len(second.streams) == 901
    assert second.streams.time_s[0] == 0.0
    assert (first.index_in_file, second.index_in_file) == (0, 1)


def test_device_session_totals_win_and_keep_the_fractional_cadence() -> None:
    first = decode_activity(_read("two-runs-79-min-apart.fit"), filename="x.fit")
    # The session says 2 x (81 + 0.5) = 163 steps/min and 152 bpm; the records say 160 and 150.
    assert first.avg_cadence_spm == 163.0
    assert first.avg_hr_bpm == 152.0


def test_tcx_with_two_activities_and_empty_courses_gives_both() -> None:
    run, ride = decode_activities(_read("two-activities-empty-courses.tcx"), filename="x.tcx")
    assert (run.sport, ride.sport) == ("running", "cycling")
    assert (run.distance_m, ride.distance_m) == (1800.0, 4800.0)
    assert ride.start == datetime(2023, 3, 5, 10, 0, tzinfo=UTC)
    assert run.avg_hr_bpm == 150.0 and ride.avg_hr_bpm == 130.0


def test_odometer_start_gives_the_distance_covered() -> None:
    run = decode_activity(_read("odometer-start.tcx"), filename="x.tcx")
    assert run.duration_s == 129.0
    assert run.distance_m == pytest.approx(387.0)
    assert run.streams.distance_m is not None and run.streams.distance_m[0] == 0.0


def test_treadmill_cadence_already_in_steps_is_not_doubled() -> None:
    run = decode_activity(_read("treadmill-steps-per-minute.tcx"), filename="x.tcx")
    assert run.avg_cadence_spm == pytest.approx(126.0)


def test_indoor_run_gets_moving_time_and_its_lap_distance() -> None:
    run = decode_activity(_read("indoor-one-lap-distance.tcx"), filename="x.tcx")
    assert run.moving_s == 1800.0 and run.timer_s == 1800.0
    assert run.distance_m == 5000.0


def test_gpx_segment_break_adds_no_straight_line_and_no_moving_time() -> None:
    run = decode_activity(_read("segment-break-gpxdata.gpx"), filename="x.gpx")
    # Two halves of 600 s at 3 m/s: 3.6 km, not 5.6 km across the 2 km gap.
    assert run.distance_m == pytest.approx(3600.0, rel=0.01)
    assert run.duration_s == 3000.0  # elapsed includes the break
    assert run.timer_s == 1200.0
    assert run.moving_s == pytest.approx(1200.0, abs=10)


def test_cluetrust_gpxdata_heart_rate_and_cadence_are_read() -> None:
    run = decode_activity(_read("segment-break-gpxdata.gpx"), filename="x.gpx")
    assert run.avg_hr_bpm == pytest.approx(152.5, abs=0.1)
    assert run.avg_cadence_spm == pytest.approx(169.0, abs=0.5)


@pytest.mark.parametrize("packed", [False, True])
def test_strava_tcx_with_spaces_before_the_declaration_is_read(packed: bool) -> None:
    data = _read("strava-leading-spaces.tcx")
    run = decode_activity(gzip.compress(data) if packed else data, filename="x.tcx.gz")
    assert run.distance_m == 900.0


def test_times_without_zone_are_read_where_the_track_was_recorded() -> None:
    run = decode_activity(_read("no-zone-times.tcx"), filename="x.tcx")
    assert run.naive_times
    # The track is in Ljubljana: 08:00 on the clock there (UTC+1 in March) is 07:00 UTC,
    # whatever zone the athlete's profile names.
    local = read_in_zone(run, ZoneInfo("America/Chicago"))
    assert local.start == datetime(2023, 3, 5, 7, 0, tzinfo=UTC)
    assert local.laps[0].start == local.start
    assert any("where it was recorded, Europe/Ljubljana" in w for w in local.warnings)


def test_dakota_style_times_in_the_us_central_zone_are_not_six_hours_off() -> None:
    data = _read("no-zone-times.tcx").replace(b">46.05", b">41.88").replace(b">14.50", b">-87.63")
    run = read_in_zone(decode_activity(data, filename="x.tcx"), None)
    # Read as UTC the start was 08:00Z, six hours early; on the Chicago clock it is 14:00Z.
    assert run.start == datetime(2023, 3, 5, 14, 0, tzinfo=UTC)


def test_times_without_zone_and_without_positions_use_the_athletes_zone() -> None:
    data = re.sub(rb"<Position>.*?</Position>", b"", _read("no-zone-times.tcx"))
    run = decode_activity(data, filename="x.tcx")
    assert run.streams.latitude_deg is None
    local = read_in_zone(run, ZoneInfo("America/Chicago"))
    assert local.start == datetime(2023, 3, 5, 14, 0, tzinfo=UTC)
    assert any("your time zone" in w for w in local.warnings)
    assert read_in_zone(run, None).start == run.start  # no zone known: as written


def test_times_with_a_zone_are_taken_as_written() -> None:
    data = re.sub(rb"(\d{2}:\d{2}:\d{2})<", rb"\1Z<", _read("no-zone-times.tcx"))
    data = data.replace(b'StartTime="2023-03-05T08:00:00"', b'StartTime="2023-03-05T08:00:00Z"')
    run = decode_activity(data, filename="x.tcx")
    assert not run.naive_times
    assert read_in_zone(run, ZoneInfo("America/Chicago")).start == datetime(
        2023, 3, 5, 8, 0, tzinfo=UTC
    )


def test_analyze_reads_zoneless_times_in_the_tracks_zone(tmp_path: Path) -> None:
    path = tmp_path / "dakota.tcx"
    path.write_bytes(_read("no-zone-times.tcx"))
    (summary,) = analyze_file(path)
    assert summary["start"] == "2023-03-05T07:00:00Z"


def test_course_only_tcx_is_refused_saying_it_is_a_planned_route() -> None:
    with pytest.raises(DecodeError) as caught:
        decode_activity(_read("course-only.tcx"), filename="x.tcx")
    assert caught.value.code == "no_track"
    assert "planned route" in caught.value.reason


def test_tcx_multisport_session_gives_each_leg() -> None:
    ride, run = decode_activities(_read("multisport-session.tcx"), filename="x.tcx")
    assert (ride.sport, run.sport) == ("cycling", "running")
    assert run.distance_m == 1800.0 and run.start == datetime(2023, 6, 4, 7, 11, tzinfo=UTC)


def _gpx_points(timed: set[int], count: int, *, segment_at: int | None = None) -> bytes:
    points = []
    for i in range(count):
        if i == segment_at:
            points.append("</trkseg><trkseg>")
        when = f"<time>2023-03-05T08:{i // 6:02d}:{(i % 6) * 10:02d}Z</time>" if i in timed else ""
        points.append(f'<trkpt lat="{46 + i * 0.00009:.6f}" lon="14.5">{when}</trkpt>')
    return (
        '<?xml version="1.0"?><gpx version="1.1" creator="partial" '
        'xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>'
        + "".join(points)
        + "</trkseg></trk></gpx>"
    ).encode()


@pytest.mark.parametrize("fast", [True, False])
def test_gpx_points_without_a_time_are_kept_between_timed_ones(fast: bool) -> None:
    from tagalong.activityfile.gpx import decode_gpx

    # Every third point timed (10 s apart, 10 m apart); point 11 comes after the last time.
    run = decode_gpx(_gpx_points({0, 3, 6, 9, 10}, 12), filename="x.gpx", fast=fast)
    assert len(run.streams) == 11
    assert list(run.streams.time_s) == [10.0 * i for i in range(11)]
    assert run.distance_m == pytest.approx(100.0, rel=0.01)  # not 30 m: no point is dropped
    (note,) = run.warnings
    assert "7 track points had no time" in note and "6 were given times" in note
    assert "1 before or after" in note


def test_gpx_untimed_points_are_not_timed_across_a_segment_break() -> None:
    # Segment 2 starts untimed at point 6: it has no timed point before it in its segment.
    run = decode_activity(_gpx_points({0, 5, 7, 11}, 12, segment_at=6), filename="x.gpx")
    assert len(run.streams) == 11  # point 6 left out, 1-4 and 8-10 placed
    assert run.streams.time_s[5] == 50.0 and run.streams.time_s[6] == 70.0


def test_gpx_track_without_any_time_is_refused_saying_why() -> None:
    with pytest.raises(DecodeError) as caught:
        decode_activity(_gpx_points(set(), 5), filename="x.gpx")
    assert caught.value.code == "no_timestamps"
    assert "planned route" in caught.value.reason


def test_device_timer_is_the_moving_time_when_the_samples_say_otherwise() -> None:
    """As a Suunto file did (4,035 s from the samples, 4,961 s on the device): a slow climb
    below walking speed in the samples, while the device's timer ran throughout."""
    from tests.activityfile.fitwriter import Leg, write_activity

    leg = Leg(
        sport=1,
        start=datetime(2024, 5, 4, 7, 0, tzinfo=UTC),
        seconds=1200,
        metres_per_second=0.4,  # below the 0.5 m/s the samples count as moving
        heart_rate=140,
        strides=80,
        session={"elapsed": 1300, "timer": 1150},
    )
    run = decode_activity(write_activity([leg]), filename="x.fit")
    assert run.duration_s == 1300.0  # the device's elapsed time
    assert run.timer_s == 1150.0
    assert run.moving_s == 1150.0  # the device's timer, not ~0 s from the samples
