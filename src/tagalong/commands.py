"""Sub-commands of ``tagalong`` that run the pure core: no database, no Django."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, date
from pathlib import Path
from typing import Any


def _analyze(args: argparse.Namespace) -> int:
    from tagalong.activityfile.analyze import analyze_main

    return analyze_main(args.paths, as_json=args.json, out=sys.stdout)


def run_summaries(paths: list[str]) -> list[Any]:
    """Decode run files into the calf check's per-run summaries (files that fail are skipped)."""
    from tagalong.activityfile.analyze import summarize
    from tagalong.activityfile.decode import decode_activities
    from tagalong.activityfile.errors import ActivityFileError
    from tagalong.calfcheck.merge import RunSummary

    summaries = []
    for path in paths:
        try:
            # Every leg of a multisport file; the calf check keeps the running ones.
            activities = decode_activities(Path(path).read_bytes(), filename=path)
        except (OSError, ActivityFileError) as error:
            print(f"warning: {path}: {error}", file=sys.stderr)
            continue
        for activity in activities:
            cadence = summarize(activity, file=path)["avg_cadence_spm"]
            moving = activity.moving_s or activity.duration_s
            distance = activity.distance_m
            summaries.append(
                RunSummary(
                    date=activity.start.astimezone(UTC).date(),
                    distance_km=(distance or 0.0) / 1000,
                    duration_min=activity.duration_s / 60,
                    avg_cadence_spm=cadence if activity.is_run else None,  # type: ignore[arg-type]
                    avg_speed_m_s=distance / moving if distance and moving else None,
                    sport=activity.sport,
                )
            )
    return summaries


def _calf_check(args: argparse.Namespace) -> int:
    from tagalong.calfcheck.cli import calf_check_main

    return calf_check_main(args.case, out=sys.stdout, decode_files=run_summaries, today=args.today)


def _calendar_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD") from None


def _plan(args: argparse.Namespace) -> int:
    from tagalong.plangen.jsonio import plan_main

    return plan_main(args.profile, out=sys.stdout, workouts_dir=args.workouts)


def register_all(registry: list[Callable[[Any], None]]) -> None:
    if not registry:
        registry.append(_register)


def _register(sub: Any) -> None:
    analyze = sub.add_parser(
        "analyze", help="read activity files and print their summary (no database)"
    )
    analyze.add_argument("--json", action="store_true", help="one JSON object per file")
    analyze.add_argument("paths", nargs="+", help="files or folders (.fit .gpx .tcx, .gz too)")
    analyze.set_defaults(func=_analyze)

    calf = sub.add_parser("calf-check", help="rank the five causes of tight calves for a CASE.json")
    calf.add_argument("--json", action="store_true", help="print JSON (the only format)")
    calf.add_argument("case", help="path to CASE.json (docs/calf-check.md)")
    calf.add_argument(
        "--today",
        type=_calendar_day,
        default=None,
        help="judge the case as on this day, YYYY-MM-DD (default: the system date)",
    )
    calf.set_defaults(func=_calf_check)

    plan = sub.add_parser("plan", help="generate a training plan for a PROFILE.json")
    plan.add_argument("--json", action="store_true", help="print JSON (the only format)")
    plan.add_argument("profile", help="path to PROFILE.json (docs/plans.md)")
    plan.add_argument("--workouts", metavar="DIR", help="also write one .fit workout per run")
    plan.set_defaults(func=_plan)

    from tagalong.benchmarking import register as register_bench

    register_bench(sub)
