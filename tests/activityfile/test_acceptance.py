"""Peer-style acceptance: our summaries against the device's totals, read by other readers.

For FIT the device's session totals are read independently with fitdecode; for TCX tcxreader's
figures; for GPX gpxpy's; for the files we made, the values they were made with. Tolerances:

* distance: 1 m for FIT sessions; 1 % (or 10 m) where a peer adds points up itself (gpxpy,
  tcxreader);
* elapsed and timer time: 0.5 s; heart rate: 0.5 bpm against the device's session value;
* cadence: 0.5 steps/min against 2 x (avg_cadence + avg_fractional_cadence);
* every multi-activity file gives one activity per non-transition session (or <Activity>).
"""

from __future__ import annotations

from pathlib import Path

import fitdecode
import gpxpy
import pytest
from tcxreader.tcxreader import TCXReader

from tagalong.activityfile.analyze import analyze_file
from tagalong.activityfile.cadence import is_foot_sport
from tagalong.activityfile.decode import decode_activities

from .conftest import CORPUS

FIXTURES = Path(__file__).parent / "fixtures"

FIT_FILES = [
    "fitparse/sample_mulitple_header.fit",  # triathlon: swim, bike, run
    "fitparse/activity-large-fenxi2-multisport.fit",  # four legs, three transitions
    "sweatpy/6471559601_ACTIVITY.fit",  # run, transition, row
    "fitparse/garmin-fenix-5-run.fit",
    "fitparse/compressed-speed-distance.fit",
    "fitparse/developer-types-sample.fit",
    "fitparse/garmin-edge-500-activity.fit",
    "fitparse/2019-02-17-062644-ELEMNT-297E-195-0.fit",
    "fit-benchmarks/sample.fit",
    "sweatpy/4078723797.fit",
]


def _device_sessions(path: Path) -> list[dict[str, object]]:
    sessions = []
    with fitdecode.FitReader(path.read_bytes(), check_crc=fitdecode.CrcCheck.DISABLED) as fit:
        for frame in fit:
            if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "session":
                values = {f.name: f.value for f in frame.fields}
                if values.get("sport") != "transition":
                    sessions.append(values)
    return sessions


@pytest.mark.parametrize("relative", FIT_FILES)
def test_fit_summaries_match_the_device_session_totals(relative: str) -> None:
    path = CORPUS / relative
    sessions = _device_sessions(path)
    summaries = analyze_file(path)
    assert len(summaries) == len(sessions)
    for summary, session in zip(summaries, sessions, strict=True):
        assert summary["sport"] == session["sport"] or session["sport"] == "generic"
        assert summary["distance_m"] == pytest.approx(session["total_distance"] or 0, abs=1.0)
        assert summary["duration_s"] == pytest.approx(session["total_elapsed_time"], abs=0.5)
        assert summary["timer_s"] == pytest.approx(session["total_timer_time"], abs=0.5)
        if session.get("avg_heart_rate"):
            assert summary["avg_hr"] == pytest.approx(session["avg_heart_rate"], abs=0.5)
            assert summary["max_hr"] == pytest.approx(session["max_heart_rate"], abs=0.5)
        cadence = session.get("avg_running_cadence", session.get("avg_cadence"))
        if cadence and is_foot_sport(str(summary["sport"])):
            steps = 2 * (cadence + (session.get("avg_fractional_cadence") or 0))
            assert summary["avg_cadence_spm"] == pytest.approx(steps, abs=0.5)


TCX_FILES = [
    "tcxparser/test.tcx",
    "sweatpy/activity_5039744860.tcx",
    "tcxreader/mapmyride_biking.tcx",
]


@pytest.mark.parametrize("relative", TCX_FILES)
def test_tcx_summaries_match_tcxreader(relative: str) -> None:
    path = CORPUS / relative
    peer = TCXReader().read(str(path), only_gps=False)
    (summary,) = analyze_file(path)
    assert summary["distance_m"] == pytest.approx(peer.distance, rel=0.01, abs=10)
    assert summary["duration_s"] == pytest.approx(peer.duration, abs=1.0)
    # tcxreader averages the points; ours is the laps' own average (the device's), so only
    # the maximum is compared.
    if peer.hr_max:
        assert summary["max_hr"] == pytest.approx(peer.hr_max, abs=1.0)


GPX_FILES = [
    "sweatpy/activity_4801048867.gpx",
    "gpxpy/around-visnjan-with-car.gpx",
    "gpxpy/cerknicko-jezero.gpx",  # four segments with breaks between them
]


@pytest.mark.parametrize("relative", GPX_FILES)
def test_gpx_summaries_match_gpxpy(relative: str) -> None:
    path = CORPUS / relative
    peer = gpxpy.parse(path.read_text(encoding="utf-8"))
    (summary,) = analyze_file(path)
    assert summary["distance_m"] == pytest.approx(peer.length_2d(), rel=0.01, abs=10)
    # gpxpy's duration adds up the segments, leaving out the breaks: our timer time.
    assert (summary["timer_s"] or summary["duration_s"]) == pytest.approx(
        peer.get_duration(), abs=1.0
    )


# Our own files: (activities, [(sport, distance m, elapsed s, moving s, avg hr, cadence)]).
MADE = {
    "two-runs-79-min-apart.fit": [
        ("running", 1800.0, 600.0, 600.0, 152.0, 163.0),
        ("running", 2880.0, 900.0, 900.0, 158.0, 168.0),
    ],
    "two-activities-empty-courses.tcx": [
        ("running", 1800.0, 600.0, 600.0, 150.0, 164.0),
        ("cycling", 4800.0, 600.0, 600.0, 130.0, None),
    ],
    "odometer-start.tcx": [("running", 387.0, 129.0, 129.0, 148.0, 168.0)],
    "treadmill-steps-per-minute.tcx": [("running", 1560.0, 600.0, 600.0, 140.0, 126.0)],
    "indoor-one-lap-distance.tcx": [("running", 5000.0, 1800.0, 1800.0, 145.0, None)],
    "segment-break-gpxdata.gpx": [("running", 3600.0, 3000.0, 1200.0, 152.5, 169.0)],
}


@pytest.mark.parametrize("name", sorted(MADE))
def test_made_files_match_the_values_they_were_made_with(name: str) -> None:
    expected = MADE[name]
    activities = decode_activities((FIXTURES / name).read_bytes(), filename=name)
    assert len(activities) == len(expected)
    for activity, (sport, distance, elapsed, moving, hr, cadence) in zip(
        activities, expected, strict=True
    ):
        assert activity.sport == sport
        assert activity.distance_m == pytest.approx(distance, rel=0.01)
        assert activity.duration_s == pytest.approx(elapsed, abs=0.5)
        assert activity.moving_s == pytest.approx(moving, abs=10)
        assert activity.avg_hr_bpm == pytest.approx(hr, abs=0.5)
        if cadence is None:
            assert activity.avg_cadence_spm is None or not activity.is_run
        else:
            assert activity.avg_cadence_spm == pytest.approx(cadence, abs=0.5)
