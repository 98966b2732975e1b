"""200 concurrent booking attempts on a 10-seat class against a throwaway PostgreSQL database.

    TAGALONG_DEBUG=1 PYTHONPATH=. DATABASE_URL=postgres://postgres@127.0.0.1:5432/tg_bench \
        .venv/bin/python \
        benchmarks/bench_booking.py [--attempts 200] [--workers 20]

The database named in DATABASE_URL is migrated and written to: never point it at real data.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--attempts", type=int, default=200)
    parser.add_argument("--workers", type=int, default=20)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a throwaway PostgreSQL database.")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tagalong.config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from tagalong.bookings.models import Booking, Kind, SessionType
    from tagalong.bookings.services import book, create_class
    from tagalong.errors import DomainError
    from tests.factories import make_athlete, make_coach

    call_command("migrate", verbosity=0)
    coach = make_coach()
    session_type = SessionType.objects.create(
        coach=coach, name="Bench clinic", duration_min=45, kind=Kind.GROUP, capacity=10
    )
    now = timezone.now()
    session = create_class(
        coach=coach,
        session_type=session_type,
        start=now + timedelta(days=2),
        tz_name="Europe/London",
        now=now,
    )[0]
    runners = [make_athlete(coach=coach) for _ in range(args.attempts)]

    def attempt(athlete) -> str:  # type: ignore[no-untyped-def]
        try:
            return str(book(athlete=athlete, session_or_slot=session, now=now).status)
        except DomainError as refused:
            return f"refused: {refused.message}"
        finally:
            connection.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.workers) as pool:
        outcomes = Counter(pool.map(attempt, runners))
    seconds = time.perf_counter() - started
    confirmed = Booking.objects.filter(session=session, status="confirmed").count()
    print(f"attempts: {args.attempts}")
    for outcome, count in sorted(outcomes.items()):
        print(f"{outcome}: {count}")
    print(f"confirmed in database: {confirmed}")
    print(f"seconds: {seconds:.2f}")


if __name__ == "__main__":
    main()
