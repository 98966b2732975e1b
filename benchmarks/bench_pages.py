"""Every list page and endpoint on a large practice, against the demo data, in one throwaway SQLite.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_pages.py \
        [--athletes 200] [--years 3] [--runs-per-week 4.5] [--requests 30] [--json]

The large practice is one coach with ``--athletes`` runners, each with ``--years`` of runs at a
realistic frequency (``--runs-per-week`` on average, varying per runner); every run carries the
metrics JSON of a real corpus running file (cadence, speed × cadence histogram, distributions),
so the rows weigh what imported rows weigh. Rows go in with bulk inserts and the daily load is
computed per runner as an import would. The demo data (``tagalong demo``) is loaded in the same
database; each page is then requested ``--requests`` times with the Django test client as the
coach (and as the runner for the runner's own pages), for a demo runner and for the busiest
runner of the large practice. Printed per page: p95 in milliseconds and the number of queries,
demo beside large. Targets: every page under 150 ms p95, and the same query count on both.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
TEMPLATE_FILES = ("fit-benchmarks/sample.fit", "fit-benchmarks/large.fit")
TARGET_P95_MS = 150.0
SEED = 20261202


def _setup_django(data_dir: str) -> None:
    os.environ.update(
        TAGALONG_DATA_DIR=data_dir,
        TAGALONG_DEBUG="true",
        TAGALONG_TASK_BACKEND="immediate",
        TAGALONG_LOG_LEVEL="WARNING",
        TAGALONG_ALLOWED_HOSTS="testserver",
        TAGALONG_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        DJANGO_SETTINGS_MODULE="tagalong.config.settings",
    )
    for name in ("DATABASE_URL", "REDIS_URL"):
        os.environ.pop(name, None)
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _templates(corpus: Path) -> list[dict[str, Any]]:
    """Metrics and chart of real running files, reused (cadence varied) for generated runs."""
    from tagalong.activities.importing import chart_data
    from tagalong.activityfile.decode import decode_activity
    from tagalong.trainingload.activity_metrics import activity_metrics

    found = []
    for name in TEMPLATE_FILES:
        path = corpus / name
        if not path.exists():
            continue
        decoded = decode_activity(path.read_bytes(), filename=path.name)
        found.append(
            {
                "metrics": activity_metrics(decoded).to_dict(),
                "chart": chart_data(decoded.streams),
                "streams": ["heart_rate", "cadence", "speed", "distance"],
            }
        )
    if not found:  # no corpus: plain metrics of the same keys, so the pages still have data
        found.append({"metrics": {"avg_cadence_spm": 165.0}, "chart": {}, "streams": []})
    return found


def _practice(athletes: int) -> tuple[Any, list[Any]]:
    from decimal import Decimal

    from django.utils import timezone

    from tagalong.accounts.models import CoachProfile, Practice, Role, User
    from tagalong.athletes.models import AthleteProfile, CoachingLink

    practice = Practice.objects.create(name="Bench Practice")
    coach = User.objects.create_user(
        "coach@bench.invalid", None, full_name="Bench Coach", role=Role.COACH
    )
    CoachProfile.objects.create(user=coach, practice=practice)
    users = User.objects.bulk_create(
        User(email=f"runner{i}@bench.invalid", full_name=f"Runner {i:03d}", role=Role.ATHLETE)
        for i in range(athletes)
    )
    profiles = AthleteProfile.objects.bulk_create(
        AthleteProfile(
            user=user,
            sex="female" if i % 2 else "male",
            body_mass_kg=Decimal("64.0"),
            hr_rest=50,
            hr_max=188,
            time_zone=("Europe/London", "America/New_York", "Australia/Sydney")[i % 3],
            weekly_distance_km=Decimal(20 + i % 40),
        )
        for i, user in enumerate(users)
    )
    CoachingLink.objects.bulk_create(
        CoachingLink(athlete=p, coach=coach, practice=practice, started_at=timezone.now())
        for p in profiles
    )
    return coach, profiles


def _runs(profile: Any, *, years: float, per_week: float, rng: random.Random, templates: list):  # type: ignore[no-untyped-def]
    from tagalong.activities.models import Activity, LoadMeasure

    today = datetime.now(UTC).replace(hour=6, minute=30, second=0, microsecond=0)
    chance = min(per_week * rng.uniform(0.7, 1.3) / 7, 0.95)
    for back in range(round(years * 365), 0, -1):
        if rng.random() > chance:
            continue
        start = today - timedelta(days=back, minutes=rng.randint(0, 720))
        km = rng.uniform(4, 12) if rng.random() > 0.15 else rng.uniform(14, 30)
        pace = rng.uniform(280, 390)
        minutes = km * pace / 60
        rpe = rng.randint(2, 8)
        template = rng.choice(templates)
        metrics = dict(template["metrics"])
        metrics["avg_cadence_spm"] = round(rng.uniform(150, 182), 1)
        yield Activity(
            athlete=profile,
            source_format="fit",
            start=start,
            duration_s=minutes * 66,
            moving_s=minutes * 60,
            distance_m=km * 1000,
            name="Morning Run",
            rpe=rpe,
            load_value=rpe * minutes,
            load_measure=LoadMeasure.SRPE,
            loads={"srpe": rpe * minutes, "duration": minutes, "trimp": minutes * 1.4},
            metrics=metrics,
            stream_names=template["streams"],
            # The chart is read by one activity's page only; the newest month carries it.
            chart=template["chart"] if back <= 30 else {},
        )


def build_practice(args: argparse.Namespace) -> tuple[Any, Any]:
    """The large practice; returns the coach and its busiest runner."""
    from tagalong.activities.load import recompute_daily_load
    from tagalong.activities.models import Activity

    rng = random.Random(SEED)
    templates = _templates(Path(args.corpus))
    coach, profiles = _practice(args.athletes)
    batch: list[Any] = []
    for profile in profiles:
        batch.extend(
            _runs(
                profile, years=args.years, per_week=args.runs_per_week, rng=rng, templates=templates
            )
        )
        if len(batch) >= 5000:
            Activity.objects.bulk_create(batch, batch_size=1000)
            batch = []
    Activity.objects.bulk_create(batch, batch_size=1000)
    for profile in profiles:
        recompute_daily_load(athlete=profile)
    busiest = max(profiles, key=lambda p: Activity.objects.filter(athlete=p).count())
    return coach, busiest


def _pages(athlete: Any, *, as_runner: bool) -> list[tuple[str, str]]:
    from tagalong.activities.models import Activity
    from tagalong.activities.views import PAGE_SIZE

    runs = Activity.objects.filter(athlete=athlete)
    newest = runs.order_by("-start").values_list("pk", flat=True).first()
    last_page = max(1, -(-runs.count() // PAGE_SIZE))
    base = f"/athletes/{athlete.pk}"
    api = f"/api/athletes/{athlete.pk}"
    pages = [
        ("home", "/"),
        ("athlete page", f"{base}/"),
        ("activities", f"{base}/activities/"),
        ("activities, last page", f"{base}/activities/?page={last_page}"),
        ("one activity", f"{base}/activities/{newest}/"),
        ("trends", f"{base}/trends/"),
        ("trends, all years", f"{base}/trends/?period=all"),
        ("API athletes", "/api/athletes"),
        ("API activities (max page)", f"{api}/activities?limit=200"),
        ("API activities, offset", f"{api}/activities?limit=100&offset=300"),
        ("API daily load (max page)", f"{api}/load?limit=200"),
        ("API cadence-speed", f"{api}/cadence-speed"),
    ]
    if not as_runner:
        pages.insert(1, ("roster", "/coach/athletes/"))
    return pages


def measure(user: Any, url: str, requests: int) -> tuple[float, int, int]:
    """p95 milliseconds, queries of one request, and the status code."""
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)
    client.get(url)  # warm the templates and the connection
    reset_queries()  # each request clears the log; the count must start from an empty one
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    p95 = statistics.quantiles(times, n=20, method="inclusive")[18]
    return p95, len(queries), status


def run(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="tagalong-bench-pages-") as folder:
        _setup_django(folder)
        from tagalong.activities.models import Activity, DailyLoad
        from tagalong.athletes.models import AthleteProfile, CoachingLink
        from tagalong.demo import load_demo

        load_demo()
        demo_runner = AthleteProfile.objects.get(user__email="sam@demo.tagalong")
        demo_coach = CoachingLink.objects.filter(athlete=demo_runner).first().coach  # type: ignore[union-attr]
        started = time.perf_counter()
        coach, runner = build_practice(args)
        build_s = time.perf_counter() - started
        sizes = {
            "athletes": args.athletes,
            "activities": Activity.objects.count(),
            "daily_rows": DailyLoad.objects.count(),
            "busiest_runner_activities": Activity.objects.filter(athlete=runner).count(),
            "demo_runner_activities": Activity.objects.filter(athlete=demo_runner).count(),
            "build_s": round(build_s, 1),
        }
        rows = []
        for who, demo_user, large_user, as_runner in (
            ("coach", demo_coach, coach, False),
            ("runner", demo_runner.user, runner.user, True),
        ):
            demo_pages = _pages(demo_runner, as_runner=as_runner)
            large_pages = _pages(runner, as_runner=as_runner)
            for (name, demo_url), (_, large_url) in zip(demo_pages, large_pages, strict=True):
                small = measure(demo_user, demo_url, args.requests)
                large = measure(large_user, large_url, args.requests)
                rows.append(
                    {
                        "as": who,
                        "page": name,
                        "demo_p95_ms": round(small[0], 1),
                        "demo_queries": small[1],
                        "large_p95_ms": round(large[0], 1),
                        "large_queries": large[1],
                        "status": [small[2], large[2]],
                        "ok": large[0] < TARGET_P95_MS and large[1] == small[1],
                    }
                )
    return {"sizes": sizes, "pages": rows, "target_p95_ms": TARGET_P95_MS}


def _print_human(result: dict[str, Any]) -> None:
    sizes = result["sizes"]
    print(
        f"large practice: {sizes['athletes']} runners, {sizes['activities']:,} activities, "
        f"{sizes['daily_rows']:,} daily rows (built in {sizes['build_s']} s); busiest runner "
        f"{sizes['busiest_runner_activities']} activities, demo runner "
        f"{sizes['demo_runner_activities']}"
    )
    print(f"{'as':7}{'page':28}{'demo p95':>10}{'q':>4}{'large p95':>11}{'q':>4}  status  ok")
    for row in result["pages"]:
        print(
            f"{row['as']:7}{row['page']:28}{row['demo_p95_ms']:>8.1f}ms{row['demo_queries']:>4}"
            f"{row['large_p95_ms']:>9.1f}ms{row['large_queries']:>4}  "
            f"{'/'.join(map(str, row['status'])):7} {'yes' if row['ok'] else 'NO'}"
        )
    failing = [r["page"] for r in result["pages"] if not r["ok"]]
    target = f"under {result['target_p95_ms']:g} ms p95 with the demo's query count"
    print(f"target {target}: " + ("met on every page" if not failing else f"missed: {failing}"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--athletes", type=int, default=200)
    parser.add_argument("--years", type=float, default=3.0)
    parser.add_argument("--runs-per-week", type=float, default=4.5)
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page")
    parser.add_argument("--corpus", default=str(CORPUS), help="folder with the corpus files")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    result = run(args)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        _print_human(result)


if __name__ == "__main__":
    main()
