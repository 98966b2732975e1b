"""The ``tagalong analyze`` command: one summary object per file, as JSON or a table."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path
from typing import TextIO

from tagalong.activityfile.cadence import is_foot_sport
from tagalong.activityfile.decode import decode_activities
from tagalong.activityfile.errors import ActivityFileError
from tagalong.activityfile.model import Activity
from tagalong.activityfile.totals import moving_mean
from tagalong.activityfile.zones import read_in_zone
from tagalong.wording import Phrase

ACTIVITY_SUFFIXES = (".fit", ".gpx", ".tcx", ".fit.gz", ".gpx.gz", ".tcx.gz")
SUMMARY_KEYS = (
    "file",
    "activity",
    "activities_in_file",
    "status",
    "error",
    "sport",
    "start",
    "duration_s",
    "moving_s",
    "timer_s",
    "distance_m",
    "ascent_m",
    "avg_hr",
    "max_hr",
    "avg_cadence_spm",
    "avg_stance_time_ms",
    "avg_vertical_oscillation_mm",
    "avg_step_length_mm",
    "laps",
    "records",
    "recovered",
    "warnings",
)


def _rounded(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def summarize(activity: Activity, *, file: str, count: int = 1) -> dict[str, object]:
    """The JSON object of ``tagalong analyze --json`` for a decoded activity.

    Totals are the device's where it wrote them (``totals.settle``); ``avg_cadence_spm`` is
    null for sports that do not count steps (a ride's rpm is not steps). ``activity`` is the
    activity's place in its file (1-based) of ``activities_in_file``.
    """
    streams = activity.streams
    foot = is_foot_sport(activity.sport)
    summary: dict[str, object] = {
        "file": file,
        "activity": activity.index_in_file + 1,
        "activities_in_file": count,
        "status": "ok",
        "error": None,
        "sport": activity.sport,
        "start": activity.start.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "duration_s": _rounded(activity.duration_s),
        "moving_s": _rounded(activity.moving_s),
        "timer_s": _rounded(activity.timer_s),
        "distance_m": _rounded(activity.distance_m),
        "ascent_m": _rounded(activity.ascent_m),
        "avg_hr": _rounded(activity.avg_hr_bpm),
        "max_hr": _rounded(activity.max_hr_bpm),
        "avg_cadence_spm": _rounded(activity.avg_cadence_spm) if foot else None,
        "avg_stance_time_ms": _rounded(moving_mean(streams.stance_time_ms)),
        "avg_vertical_oscillation_mm": _rounded(moving_mean(streams.vertical_oscillation_mm)),
        "avg_step_length_mm": _rounded(moving_mean(streams.step_length_mm)),
        "laps": len(activity.laps),
        "records": len(streams),
        "recovered": activity.recovered,
        "warnings": list(activity.warnings),
    }
    return summary


def error_summary(error: ActivityFileError, *, file: str) -> dict[str, object]:
    summary: dict[str, object] = dict.fromkeys(SUMMARY_KEYS)
    summary.update(
        file=file,
        activity=None,
        activities_in_file=0,
        status="error",
        error=error.reason,
        recovered=False,
        warnings=[],
    )
    return summary


def analyze_file(path: Path) -> list[dict[str, object]]:
    """Decode one file and summarise each activity in it; a bad file gives one summary with
    ``status: "error"``, never raises."""
    file = str(path)
    try:
        activities = decode_activities(path.read_bytes(), filename=path.name)
    except ActivityFileError as exc:
        return [error_summary(exc, file=file)]
    except OSError as exc:
        return [
            error_summary(
                ActivityFileError(
                    file=file,
                    code="unreadable",
                    reason=Phrase("cannot read it ({error})", error=str(exc)),
                ),
                file=file,
            )
        ]
    local = [read_in_zone(activity, None) for activity in activities]
    return [summarize(activity, file=file, count=len(local)) for activity in local]


def activity_paths(paths: list[str]) -> Iterator[Path]:
    """The named files, and inside named folders every activity file, in a stable order."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(
                child
                for child in path.rglob("*")
                if child.is_file() and child.name.lower().endswith(ACTIVITY_SUFFIXES)
            )
        else:
            yield path


def analyze_main(paths: list[str], *, as_json: bool, out: TextIO) -> int:
    """Run the command; exit status 0 when every file was read, 1 otherwise."""
    summaries = [summary for path in activity_paths(paths) for summary in analyze_file(path)]
    if as_json:
        json.dump(summaries, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(render_table(summaries))
    return 0 if summaries and all(s["status"] == "ok" for s in summaries) else 1


TABLE_COLUMNS = (
    ("file", "file"),
    ("sport", "sport"),
    ("start", "start"),
    ("duration_s", "time s"),
    ("distance_m", "dist m"),
    ("ascent_m", "asc m"),
    ("avg_hr", "HR"),
    ("avg_cadence_spm", "spm"),
    ("laps", "laps"),
    ("records", "records"),
)


def _cell(summary: dict[str, object], key: str) -> str:
    value = summary[key]
    if value is None:
        return "-"
    if key == "sport" and summary.get("recovered"):
        return f"{value} (recovered)"
    return str(value)


def render_table(summaries: list[dict[str, object]]) -> str:
    """A plain aligned table; an unreadable file shows its reason in place of the numbers."""
    rows = [[title for _, title in TABLE_COLUMNS]]
    for summary in summaries:
        if summary["status"] == "ok":
            rows.append([_cell(summary, key) for key, _ in TABLE_COLUMNS])
        else:
            rows.append([str(summary["file"]), f"ERROR: {summary['error']}"])
    full_rows = [row for row in rows if len(row) == len(TABLE_COLUMNS)]
    widths = [max(len(row[i]) for row in full_rows) for i in range(len(TABLE_COLUMNS))]
    widths[0] = max(len(row[0]) for row in rows)
    lines = [
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows
    ]
    return "\n".join(lines) + "\n"
