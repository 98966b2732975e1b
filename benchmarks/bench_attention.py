"""The attention queue at scale: p95 of the page, ``GET /api/attention`` and ``GET /api/athletes``
(the roster) on SQLite.

    PYTHONPATH=src:. .venv/bin/python benchmarks/bench_attention.py [--athletes 200] [--years 3]

A throwaway SQLite database in a temporary folder gets one coach, first 20 then ``--athletes``
runners with ``--years`` of runs each (about four a week, bulk-created) and their stored signals
(computed by ``refresh_signals``, timed too). Each size then answers ``--requests`` page and API
requests through the Django test client; the number of database queries per request is printed
for both sizes and must not grow. Target: p95 under 150 ms at 200 athletes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from datetime import time as clock

TARGET_P95_MS = 150.0
SMALL = 20
URLS = (("page", "/coach/athletes/"), ("api", "/api/attention"), ("roster", "/api/athletes"))


def _setup(data_dir: str) -> None:
    os.environ["TAGALONG_DATA_DIR"] = data_dir
    os.environ.setdefault("TAGALONG_DEBUG", "true")
    os.environ["TAGALONG_TASK_BACKEND"] = "immediate"
    os.environ["TAGALONG_ALLOWED_HOSTS"] = "testserver"
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tagalong.config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.conf import settings

    # Thousands of test users: a cheap hasher keeps the set-up short (sign-in is not measured).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _add_runners(coach, count: int, years: int, offset: int) -> list:  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from tagalong.activities.models import Activity
    from tagalong.symptoms.models import SymptomLog
    from tests.factories import make_athlete

    today = timezone.now().date()
    athletes = []
    for n in range(offset, offset + count):
        athlete = make_athlete(coach=coach)
        athletes.append(athlete)
        stop = 10 if n % 3 == 0 else 0  # a third stopped recording 10 days ago
        rows = []
        day = today - timedelta(days=365 * years)
        while day <= today - timedelta(days=stop):
            if day.weekday() in (1, 3, 5, 6):
                km = 16.0 if day.weekday() == 6 else 8.0
                if n % 7 == 0 and day > today - timedelta(days=4):
                    km = 30.0  # a long-run spike
                rows.append(
                    Activity(
                        athlete=athlete,
                        sport="running",
                        start=datetime.combine(day, clock(7), UTC),
                        duration_s=km * 330,
                        moving_s=km * 330,
                        distance_m=km * 1000,
                        load_measure="duration",
                    )
                )
            day += timedelta(days=1)
        Activity.objects.bulk_create(rows, batch_size=2000)
        if n % 5 == 0:
            SymptomLog.objects.bulk_create(
                SymptomLog(athlete=athlete, day=today - timedelta(days=d), calf_pain_left_after=p)
                for d, p in ((6, 1), (3, 3), (1, 6))
            )
    return athletes


def _refresh(athletes: list) -> float:  # type: ignore[type-arg]
    from django.utils import timezone

    from tagalong.attention.services import refresh_signals

    started = time.perf_counter()
    for athlete in athletes:
        refresh_signals(athlete=athlete, now=timezone.now())
    return (time.perf_counter() - started) / max(1, len(athletes)) * 1000


def _measure(client, url: str, requests: int) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    """(p95 wall ms, p95 CPU ms of this process, queries of one request). On a shared machine
    the wall time includes waiting for a core; the CPU time is the request's own work."""
    from django.db import connection

    seen: list[str] = []

    def count(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        seen.append(sql)
        return execute(sql, params, many, context)

    # An execute wrapper survives the reconnect each request makes (CONN_MAX_AGE 0 on SQLite).
    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    timings, cpu = [], []
    for _ in range(requests):
        started, started_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return _p95(timings), _p95(cpu), len(seen)


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--athletes", type=int, default=200)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--requests", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tagalong-bench-attention-") as data_dir:
        _setup(data_dir)
        from django.test import Client

        from tagalong.activities.models import Activity
        from tagalong.attention.models import Signal
        from tests.factories import make_coach

        coach = make_coach()
        client = Client()
        client.force_login(coach)
        results = {}
        done = 0
        for size in (SMALL, args.athletes):
            started = time.perf_counter()
            athletes = _add_runners(coach, size - done, args.years, done)
            built = time.perf_counter() - started
            refresh_ms = _refresh(athletes)
            done = size
            print(
                f"{size} athletes: {Activity.objects.count()} runs, "
                f"{Signal.objects.count()} stored signals (built in {built:.1f} s, "
                f"refresh {refresh_ms:.1f} ms per athlete)"
            )
            for name, url in URLS:
                p95, cpu, queries = _measure(client, url, args.requests)
                results[(size, name)] = (p95, queries)
                line = f"  {name:7} {url:18} p95 {p95:6.1f} ms wall, {cpu:6.1f} ms CPU"
                print(f"{line}  queries {queries}")
        names = [name for name, _ in URLS]
        constant = all(results[(SMALL, n)][1] == results[(args.athletes, n)][1] for n in names)
        fast = all(results[(args.athletes, n)][0] < TARGET_P95_MS for n in names)
        verdicts = ("yes" if constant else "NO", "yes" if fast else "NO")
        print(f"queries constant from {SMALL} to {args.athletes} athletes: {verdicts[0]}")
        print(f"p95 under {TARGET_P95_MS:.0f} ms (wall) at {args.athletes} athletes: {verdicts[1]}")
        load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"load average (1/5/15 min) while measuring: {load} on {os.cpu_count()} cores")
        sys.exit(0 if constant and fast else 1)


if __name__ == "__main__":
    main()
