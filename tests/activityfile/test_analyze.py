from __future__ import annotations

import io
import json
from pathlib import Path

from tagalong.activityfile.analyze import SUMMARY_KEYS, analyze_file, analyze_main

from .conftest import corpus_file


def test_fit_run_summary_has_every_key_in_coach_units() -> None:
    (summary,) = analyze_file(corpus_file("fitparse/garmin-fenix-5-run.fit"))
    assert tuple(summary) == SUMMARY_KEYS
    assert summary["status"] == "ok" and summary["error"] is None
    assert summary["sport"] == "running"
    assert summary["start"] == "2017-06-11T14:34:09Z"
    assert summary["distance_m"] == 157.6
    assert isinstance(summary["avg_cadence_spm"], float) and summary["avg_cadence_spm"] > 150
    assert summary["avg_stance_time_ms"] is not None
    assert summary["avg_step_length_mm"] is not None
    assert summary["laps"] == 1 and summary["records"] == 21


def test_ride_summary_has_no_steps_cadence_and_no_running_dynamics() -> None:
    (summary,) = analyze_file(corpus_file("sweatpy/4078723797.fit"))
    assert summary["avg_cadence_spm"] is None
    assert summary["avg_stance_time_ms"] is None


def test_unreadable_file_is_an_error_row_with_the_reason(tmp_path: Path) -> None:
    photo = tmp_path / "run.fit"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + bytes(20))
    (summary,) = analyze_file(photo)
    assert tuple(summary) == SUMMARY_KEYS
    assert summary["status"] == "error"
    assert "JPEG" in str(summary["error"])
    assert summary["sport"] is None


def test_folder_is_walked_and_exit_status_is_1_when_a_file_fails(tmp_path: Path) -> None:
    (tmp_path / "good.fit").write_bytes(corpus_file("fitparse/Activity.fit").read_bytes())
    (tmp_path / "empty.gpx").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("ignored")
    out = io.StringIO()
    assert analyze_main([str(tmp_path)], as_json=True, out=out) == 1
    rows = json.loads(out.getvalue())
    assert [Path(row["file"]).name for row in rows] == ["empty.gpx", "good.fit"]


def test_exit_status_is_0_when_every_file_reads_and_table_names_them() -> None:
    out = io.StringIO()
    paths = [str(corpus_file("fitparse/Activity.fit")), str(corpus_file("tcxparser/test.tcx"))]
    assert analyze_main(paths, as_json=False, out=out) == 0
    table = out.getvalue()
    assert "Activity.fit" in table and "test.tcx" in table and "running" in table


def test_multisport_file_lists_each_leg_with_its_own_sport_and_device_totals() -> None:
    out = io.StringIO()
    analyze_main([str(corpus_file("fitparse/sample_mulitple_header.fit"))], as_json=True, out=out)
    rows = json.loads(out.getvalue())
    assert [(r["activity"], r["activities_in_file"], r["sport"]) for r in rows] == [
        (1, 3, "swimming"),
        (2, 3, "cycling"),
        (3, 3, "running"),
    ]
    run = rows[2]
    # The run leg's session: 9,805.92 m, 2,850.694 s, 176 bpm, 2 x (83 + 0.515625) spm.
    assert run["distance_m"] == 9805.9
    assert run["duration_s"] == 2850.7 and run["timer_s"] == 2850.7
    assert run["avg_hr"] == 176.0
    assert run["avg_cadence_spm"] == 167.0
    assert run["start"] == "2018-05-27T09:23:41Z"
