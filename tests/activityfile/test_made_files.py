"""Files we made for cases the corpus lacks (tests/activityfile/fixtures/README.md)."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

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


def test_times_without_zone_are_read_in_the_athletes_zone() -> None:
    run = decode_activity(_read("no-zone-times.tcx"), filename="x.tcx")
    assert run.naive_times
    local = read_in_zone(run, ZoneInfo("America/Chicago"))
    # 08:00 on the Chicago clock (UTC-6 in March before DST) is 14:00 UTC, not 08:00.
    assert local.start == datetime(2023, 3, 5, 14, 0, tzinfo=UTC)
    assert local.laps[0].start == local.start
    assert any("no time zone" in warning for warning in local.warnings)


def test_course_only_tcx_is_refused_saying_it_is_a_planned_route() -> None:
    with pytest.raises(DecodeError) as caught:
        decode_activity(_read("course-only.tcx"), filename="x.tcx")
    assert caught.value.code == "no_track"
    assert "planned route" in caught.value.reason


def test_tcx_multisport_session_gives_each_leg() -> None:
    ride, run = decode_activities(_read("multisport-session.tcx"), filename="x.tcx")
    assert (ride.sport, run.sport) == ("cycling", "running")
    assert run.distance_m == 1800.0 and run.start == datetime(2023, 6, 4, 7, 11, tzinfo=UTC)
