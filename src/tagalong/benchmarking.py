"""``tagalong bench import``: the import pipeline against plain parsers, on the shared corpus.

The pipeline side imports every FIT, GPX and TCX file of the corpus END TO END into a throwaway
database (a temporary folder holding an SQLite file and the media files, or ``--database-url``):
upload copy, content hash, decode, metrics, chart copy, original file, rows, then one daily-load
update for the batch. The baseline side only parses the same bytes with the plain libraries and
builds nothing: fitdecode (every frame, CRC check off) for FIT, ``gpxpy.parse`` for GPX and
``tcxreader`` for TCX. ``ratio`` is baseline seconds over pipeline seconds.

Peak memory is measured in a fresh interpreter that sets up Django and imports
``fit-benchmarks/large.fit`` end to end (``ru_maxrss`` of that process).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus"
LARGE_FIT = Path("fit-benchmarks") / "large.fit"
SUFFIXES = (".fit", ".gpx", ".tcx")
BASELINE = {
    "fit": "fitdecode.FitReader over every frame (CRC check off, errors ignored)",
    "gpx": "gpxpy.parse of the text",
    "tcx": "tcxreader.TCXReader().read of the file",
}
TARGET_RATIO = 10.0
TARGET_PEAK_RSS_MB = 150.0


def corpus_files(corpus: Path, limit: int | None = None) -> list[Path]:
    """The corpus's activity files (one folder deep), in name order; the first ``limit``."""
    files = sorted(
        path
        for path in corpus.resolve().glob("*/*")
        if path.is_file() and path.suffix.lower() in SUFFIXES
    )
    return files if limit is None else files[:limit]


def _kind(path: Path) -> str:
    return path.suffix.lower().lstrip(".")


# --- the baseline ------------------------------------------------------------------------------


def _plain_fit(path: Path, data: bytes) -> None:
    import fitdecode

    try:
        with fitdecode.FitReader(
            data,
            check_crc=fitdecode.CrcCheck.DISABLED,
            error_handling=fitdecode.ErrorHandling.IGNORE,
        ) as reader:
            for _frame in reader:
                pass
    except fitdecode.FitError:
        pass


def _plain_gpx(path: Path, data: bytes) -> None:
    import gpxpy
    import gpxpy.gpx

    with contextlib.suppress(gpxpy.gpx.GPXException):
        gpxpy.parse(data.decode("utf-8-sig", errors="replace"))


def _plain_tcx(path: Path, data: bytes) -> None:
    from tcxreader.tcxreader import TCXReader

    with contextlib.suppress(Exception):  # the baseline only has to try
        TCXReader().read(str(path))


PLAIN: dict[str, Callable[[Path, bytes], None]] = {
    "fit": _plain_fit,
    "gpx": _plain_gpx,
    "tcx": _plain_tcx,
}


def time_baseline(files: list[Path]) -> dict[str, float]:
    """Seconds per format for the plain parsers (bytes read before the clock starts)."""
    seconds = {kind: 0.0 for kind in PLAIN}
    for path in files:
        data = path.read_bytes()
        started = time.perf_counter()
        PLAIN[_kind(path)](path, data)
        seconds[_kind(path)] += time.perf_counter() - started
    return seconds


def time_decode(files: list[Path]) -> dict[str, float]:
    """Seconds per format for our decoder alone (no metrics, no database), for information."""
    from tagalong.activityfile.decode import decode_activity
    from tagalong.activityfile.errors import ActivityFileError

    seconds = {kind: 0.0 for kind in PLAIN}
    for path in files:
        data = path.read_bytes()
        started = time.perf_counter()
        with contextlib.suppress(ActivityFileError):
            decode_activity(data, filename=path.name)
        seconds[_kind(path)] += time.perf_counter() - started
    return seconds


# --- the pipeline ------------------------------------------------------------------------------


def throwaway_environment(data_dir: Path, database_url: str | None) -> dict[str, str]:
    """Environment for a Django process that writes only under ``data_dir``."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="tagalong.config.settings",
        TAGALONG_DATA_DIR=str(data_dir),
        TAGALONG_SECRET_KEY=secrets.token_urlsafe(48),
        TAGALONG_TASK_BACKEND="immediate",
        TAGALONG_DEBUG="false",
    )
    env.pop("REDIS_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env.pop("DATABASE_URL", None)
    return env


def setup_django(env: dict[str, str], *, migrate: bool) -> None:
    os.environ.update(env)
    for name in ("DATABASE_URL", "REDIS_URL"):
        if name not in env:
            os.environ.pop(name, None)
    import django

    django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)


def make_athlete(email: str) -> Any:
    from tagalong.accounts.models import Role, User
    from tagalong.athletes.models import AthleteProfile

    user = User.objects.create_user(email, None, full_name="Benchmark Runner", role=Role.ATHLETE)
    return AthleteProfile.objects.create(user=user, sex="female", hr_rest=50, hr_max=190)


@dataclass(slots=True)
class PipelineRun:
    seconds: float
    outcomes: dict[str, int] = field(default_factory=dict)
    batch_status: str = ""


def import_files(athlete: Any, files: list[Path]) -> PipelineRun:
    """Import ``files`` as one batch, the way the CLI does (in this process, no queue)."""
    from django.core.files import File

    from tagalong.activities.services import claim_batch, process_batch, start_import

    with contextlib.ExitStack() as stack:
        started = time.perf_counter()
        uploads = [File(stack.enter_context(p.open("rb")), name=p.name) for p in files]
        batch = start_import(athlete=athlete, by=None, upload=uploads, enqueue=False)
        claimed = claim_batch(batch.pk)
        assert claimed is not None
        batch = process_batch(claimed)
        seconds = time.perf_counter() - started
    outcomes: dict[str, int] = {}
    for status in batch.items.values_list("status", flat=True):
        outcomes[status] = outcomes.get(status, 0) + 1
    return PipelineRun(seconds, outcomes, batch.status)


def peak_rss_mb(path: Path, env: dict[str, str]) -> float:
    """Peak RSS (MiB) of a fresh process that imports ``path`` end to end."""
    command = [sys.executable, "-m", "tagalong.benchmarking", "--rss-child", str(path)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise RuntimeError(f"the memory probe failed: {done.stderr.strip()[-2000:]}")
    return float(done.stdout.strip().splitlines()[-1])


def _rss_child(path: Path) -> None:
    setup_django(dict(os.environ), migrate=False)
    athlete = make_athlete(f"rss-{secrets.token_hex(4)}@example.org")
    import_files(athlete, [path])
    print(_peak_rss_kib() / 1024)


def _peak_rss_kib() -> int:
    """This process's high-water RSS. Linux's ``ru_maxrss`` would do, but a process started
    from a large parent inherits the parent's figure across the exec; ``VmHWM`` does not."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


@contextlib.contextmanager
def _profiled(target: str | None) -> Iterator[None]:
    if target is None:
        yield
        return
    import cProfile

    profiler = cProfile.Profile()
    profiler.enable()
    try:
        yield
    finally:
        profiler.disable()
        profiler.dump_stats(target)


# --- the command -------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> dict[str, Any]:
    files = corpus_files(Path(args.corpus), args.limit)
    if not files:
        raise SystemExit(f"error: no .fit, .gpx or .tcx files under {args.corpus}")
    with tempfile.TemporaryDirectory(prefix="tagalong-bench-") as folder:
        env = throwaway_environment(Path(folder), args.database_url)
        setup_django(env, migrate=True)
        for path in files[:3]:  # load every parser once so neither side pays the imports
            PLAIN[_kind(path)](path, path.read_bytes())
        time_decode(files[:3])
        athlete = make_athlete("bench@example.org")
        with _profiled(args.profile):
            pipeline = import_files(athlete, files)
        baseline = time_baseline(files)
        decode = time_decode(files)
        large = Path(args.corpus) / LARGE_FIT
        rss = peak_rss_mb(large, env) if large.exists() and not args.no_rss else None
    baseline_s = sum(baseline.values())
    counts = {kind: sum(1 for p in files if _kind(p) == kind) for kind in PLAIN}
    return {
        "files": len(files),
        "pipeline_s": round(pipeline.seconds, 3),
        "baseline_s": round(baseline_s, 3),
        "ratio": round(baseline_s / pipeline.seconds, 2),
        "peak_rss_mb": None if rss is None else round(rss, 1),
        "outcomes": pipeline.outcomes,
        "batch_status": pipeline.batch_status,
        "baseline": BASELINE,
        "by_format": {
            kind: {
                "files": counts[kind],
                "baseline_s": round(baseline[kind], 3),
                "decode_only_s": round(decode[kind], 3),
            }
            for kind in PLAIN
        },
        "targets": {"ratio": TARGET_RATIO, "peak_rss_mb": TARGET_PEAK_RSS_MB},
    }


def _print_human(result: dict[str, Any], out: IO[str]) -> None:
    rss = result["peak_rss_mb"]
    lines = [
        f"{result['files']} corpus files imported end to end: {result['pipeline_s']:.2f} s "
        f"({', '.join(f'{n} {s}' for s, n in sorted(result['outcomes'].items()))})",
        f"baseline, plain parsers only: {result['baseline_s']:.2f} s",
    ]
    for kind, row in result["by_format"].items():
        lines.append(
            f"  {kind}: {row['files']} files, baseline {row['baseline_s']:.2f} s "
            f"({BASELINE[kind]}); our decoder alone {row['decode_only_s']:.2f} s"
        )
    lines.append(f"ratio baseline / pipeline: {result['ratio']:.1f}x (target >= {TARGET_RATIO:g})")
    if rss is not None:
        lines.append(
            f"peak RSS importing {LARGE_FIT}: {rss:.0f} MiB (target < {TARGET_PEAK_RSS_MB:g})"
        )
    out.write("\n".join(lines) + "\n")


def bench_import_main(args: argparse.Namespace) -> int:
    result = run(args)
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        _print_human(result, sys.stdout)
    return 0


def register(sub: Any) -> None:
    bench = sub.add_parser("bench", help="benchmarks (a throwaway database; nothing is kept)")
    kinds = bench.add_subparsers(dest="bench", required=True)
    imp = kinds.add_parser(
        "import", help="import the corpus end to end and compare with plain parsers"
    )
    imp.add_argument("--json", action="store_true", help="print the figures as JSON")
    imp.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="folder of activity files")
    imp.add_argument("--limit", type=int, help="only the first N files (a quick check)")
    imp.add_argument("--database-url", help="a throwaway database instead of a temporary SQLite")
    imp.add_argument("--no-rss", action="store_true", help="skip the large.fit memory probe")
    imp.add_argument("--profile", help="write the pipeline's cProfile stats to this file")
    imp.set_defaults(func=bench_import_main)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--rss-child":
        _rss_child(Path(sys.argv[2]))
    else:
        sys.exit("usage: python -m tagalong.benchmarking --rss-child FILE")
