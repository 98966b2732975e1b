"""A generated 1,000-activity Strava export imported by two real task workers, end to end.

Run from the repository root: ``.venv/bin/python benchmarks/bench_strava_import.py``
(``--activities``, ``--workers``, ``--templates``, ``--database-url`` to change the set-up).

A throwaway data folder (SQLite database and media files, or ``--database-url``) is migrated, an
athlete created and the export generated (``strava_export_fixture``, not timed). Then the clock
starts: the upload is saved and queued as the web page would do it, ``--workers`` db_worker
processes share its parts, and the clock stops when the batch is done (daily load included).
The default templates are two real, hour-long recordings from the corpus: a 65-minute run as
TCX (3,507 points) and an 86-minute ride as Strava's own GPX (5,159 points).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from strava_export_fixture import make_strava_export

from tagalong.benchmarking import (
    DEFAULT_CORPUS,
    make_athlete,
    setup_django,
    throwaway_environment,
)

TEMPLATES = ("sweatpy/3173437224.tcx", "sweatpy/4801048867_strava.gpx")
TARGET_S = 60.0


def start_workers(count: int, env: dict[str, str]) -> list[subprocess.Popen[bytes]]:
    command = [sys.executable, "-m", "tagalong.cli", "manage", "db_worker"]
    options = ["--queue-name", "*", "--interval", "0.2", "--no-reload", "--verbosity", "0"]
    return [
        subprocess.Popen([*command, *options, "--worker-id", f"bench-{n}"], env=env)
        for n in range(count)
    ]


def stop_workers(workers: list[subprocess.Popen[bytes]]) -> None:
    for worker in workers:
        worker.terminate()
    for worker in workers:
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()


def wait_for(batch_id: int, timeout_s: float) -> Any:
    from tagalong.activities.models import ImportBatch

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        batch = ImportBatch.objects.get(pk=batch_id)
        if batch.finished:
            return batch
        time.sleep(0.2)
    raise TimeoutError(f"import {batch_id} not finished after {timeout_s:.0f} s")


def run(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="tagalong-strava-") as folder:
        env = throwaway_environment(Path(folder), args.database_url)
        env["TAGALONG_TASK_BACKEND"] = "database"
        setup_django(env, migrate=True)
        return _timed(args, Path(folder), env)


def _timed(args: argparse.Namespace, folder: Path, env: dict[str, str]) -> dict[str, Any]:
    from django.core.files import File
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    from tagalong.activities.models import Activity, DailyLoad
    from tagalong.activities.services import start_import

    if True:
        athlete = make_athlete("strava-bench@example.org")
        templates = [Path(args.corpus) / t for t in args.templates]
        made = time.perf_counter()
        export = make_strava_export(folder, args.activities, seed=1, template_files=templates)
        generated_s = time.perf_counter() - made
        workers = start_workers(args.workers, env)
        try:
            time.sleep(2.0)  # let the workers start up before the clock does
            started = time.perf_counter()
            with export.open("rb") as upload, transaction.atomic():
                batch = start_import(
                    athlete=athlete, by=None, upload=[File(upload, name=export.name)]
                )
            batch = wait_for(batch.pk, timeout_s=args.timeout)
            seconds = time.perf_counter() - started
        finally:
            stop_workers(workers)
        per_worker: dict[str, int] = {}
        for ids in DBTaskResult.objects.values_list("worker_ids", flat=True):
            for worker_id in ids:
                per_worker[worker_id] = per_worker.get(worker_id, 0) + 1
        outcomes: dict[str, int] = {}
        for status in batch.items.values_list("status", flat=True):
            outcomes[status] = outcomes.get(status, 0) + 1
        return {
            "activities": args.activities,
            "workers": args.workers,
            "seconds": round(seconds, 2),
            "ms_per_activity": round(seconds * 1000 / args.activities, 1),
            "batch_status": batch.status,
            "outcomes": outcomes,
            "parts": batch.parts_total,
            "tasks_per_worker": per_worker,
            "stored_activities": Activity.objects.filter(athlete=athlete).count(),
            "daily_rows": DailyLoad.objects.filter(athlete=athlete).count(),
            "export_mb": round(export.stat().st_size / 2**20, 1),
            "generate_s": round(generated_s, 1),
            "templates": list(args.templates),
            "cpus": os.cpu_count(),
            "target_s": TARGET_S,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--templates", nargs="+", default=list(TEMPLATES))
    parser.add_argument("--database-url", help="a throwaway database instead of SQLite")
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"{result['activities']} activities ({result['export_mb']} MiB export) imported by "
        f"{result['workers']} workers in {result['seconds']:.1f} s "
        f"({result['ms_per_activity']:.0f} ms each; target < {TARGET_S:g} s)"
    )
    print(f"outcomes: {result['outcomes']}, batch {result['batch_status']}")
    print(f"parts: {result['parts']}, tasks per worker: {result['tasks_per_worker']}")
    print(f"daily rows: {result['daily_rows']}; export generated in {result['generate_s']} s")


if __name__ == "__main__":
    main()
