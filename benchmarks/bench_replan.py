"""The nightly plan review for 1,000 athletes with active plans, in a throwaway SQLite database.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_replan.py [--athletes 1000]

Each athlete has a plan under way (started three weeks ago), and a realistic mix of data: most
record their runs (some skipped, some longer than planned), a third logged calf symptoms
(some above the pain limits), a tenth did a heel-raise retest. The script times the nightly
task end to end (``nightly_plan_review``, as the worker runs it), then a second night on the
same data (every proposal already stored). Target: under 60 s for 1,000 athletes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

TEMPLATES = 10  # distinct generated plans, cloned across the athletes
SEED = 20260301


def _setup_django(data_dir: str) -> None:
    os.environ["TAGALONG_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("TAGALONG_DEBUG", "true")
    os.environ["TAGALONG_TASK_BACKEND"] = "immediate"
    os.environ["TAGALONG_LOG_LEVEL"] = "WARNING"
    os.environ["DJANGO_SETTINGS_MODULE"] = "tagalong.config.settings"
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _athletes(count: int, coach):  # type: ignore[no-untyped-def]
    from tagalong.accounts.models import Role, User
    from tagalong.athletes.models import AthleteProfile, CoachingLink

    users = User.objects.bulk_create(
        User(email=f"runner{i}@bench.invalid", full_name=f"Runner {i}", role=Role.ATHLETE)
        for i in range(count)
    )
    profiles = AthleteProfile.objects.bulk_create(
        AthleteProfile(
            user=u,
            birth_date=dt.date(1985 + i % 20, 1 + i % 12, 1 + i % 28),
            sex="female" if i % 2 else "male",
            body_mass_kg=Decimal("65.0"),
            time_zone=("Europe/London", "America/New_York", "Australia/Sydney")[i % 3],
        )
        for i, u in enumerate(users)
    )
    practice = coach.coach_profile.practice
    CoachingLink.objects.bulk_create(
        CoachingLink(athlete=a, coach=coach, practice=practice) for a in profiles
    )
    return profiles


def _templates(coach, athletes, start: dt.date):  # type: ignore[no-untyped-def]
    from tagalong.plans.services.generation import generate_for_athlete

    goals = ("10k", "half", "endurance", "5k", "return_to_run")
    plans = []
    for k, athlete in enumerate(athletes[:TEMPLATES]):
        plans.append(
            generate_for_athlete(
                athlete=athlete,
                by=coach,
                goal=goals[k % len(goals)],
                start=start,
                weeks=12 + 2 * (k % 4),
                availability={"mon": 45, "tue": 60, "thu": 60, "sat": 100, "sun": 120},
                current={
                    "weekly_km": 25.0 + 5 * (k % 4),
                    "longest_run_km_30d": 12.0,
                    "runs_per_week": 4,
                },
            )
        )
    return plans


def _clone_plans(templates, athletes) -> None:  # type: ignore[no-untyped-def]
    from tagalong.plans.models import Plan, PlanSession

    rest = athletes[TEMPLATES:]
    sources = [templates[i % len(templates)] for i in range(len(rest))]
    plans = Plan.objects.bulk_create(
        Plan(
            athlete=a,
            title=t.title,
            goal_type=t.goal_type,
            start=t.start,
            end=t.end,
            created_by=t.created_by,
            profile=t.profile,
            summary=t.summary,
        )
        for a, t in zip(rest, sources, strict=True)
    )
    rows = {t.pk: list(t.sessions.all()) for t in templates}
    PlanSession.objects.bulk_create(
        (s.copy_to(p, s.date) for p, t in zip(plans, sources, strict=True) for s in rows[t.pk]),
        batch_size=2000,
    )


def _data(athletes, today: dt.date, rng: random.Random) -> dict[str, int]:  # type: ignore[no-untyped-def]
    from tagalong.activities.models import Activity
    from tagalong.assessments.models import TestResult, TestSession
    from tagalong.plans.models import PlanSession
    from tagalong.symptoms.models import SymptomLog

    activities, logs, counts = [], [], {"runs": 0, "logs": 0, "retests": 0}
    for athlete in athletes:
        if rng.random() < 0.6:  # records runs: most as planned, some skipped or stretched
            past = PlanSession.objects.filter(
                plan__athlete=athlete, kind="run", date__lt=today
            ).values_list("date", "duration_min", "distance_km")
            for day, minutes, km in past:
                factor = rng.choice((0.0, 0.7, 1.0, 1.0, 1.0, 1.0, 1.4))
                if factor:
                    activities.append(
                        Activity(
                            athlete=athlete,
                            sport="running",
                            start=dt.datetime.combine(day, dt.time(7), dt.UTC),
                            duration_s=minutes * 60 * factor,
                            moving_s=minutes * 60 * factor,
                            distance_m=(km or 0) * 1000 * factor,
                            load_measure="duration",
                        )
                    )
        if rng.random() < 0.33:  # logged calf symptoms this fortnight
            for back in rng.sample(range(14), 3):
                logs.append(
                    SymptomLog(
                        athlete=athlete,
                        day=today - dt.timedelta(days=back),
                        calf_pain_left_during=rng.choice((0, 1, 2, 3, 4, 6)),
                        calf_pain_right_next_morning=rng.choice((0, 1, 2, 4)),
                        calf_tightness_left_after=rng.randint(0, 8),
                    )
                )
        if rng.random() < 0.10:  # a retest, better by 0-12 reps
            base = rng.randint(12, 26)
            for back, reps in ((40, base), (3, base + rng.randint(0, 12))):
                session = TestSession.objects.create(
                    athlete=athlete, date=today - dt.timedelta(days=back)
                )
                TestResult.objects.create(
                    session=session, test="heel_raise", left=reps, right=reps + 1, unit="reps"
                )
            counts["retests"] += 1
    Activity.objects.bulk_create(activities, batch_size=2000)
    SymptomLog.objects.bulk_create(logs, batch_size=2000)
    counts["runs"], counts["logs"] = len(activities), len(logs)
    return counts


class QueryCount:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        self.count += 1
        return execute(sql, params, many, context)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--athletes", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tagalong-bench-") as data_dir:
        _setup_django(data_dir)
        from django.db import connection

        from tagalong.plans.models import Proposal
        from tagalong.plans.selectors.lookups import monday_of
        from tagalong.plans.tasks import nightly_plan_review
        from tests.factories import make_coach

        rng = random.Random(SEED)
        today = dt.date.today()
        t0 = time.perf_counter()
        coach = make_coach(name="Bench Coach")
        athletes = _athletes(args.athletes, coach)
        templates = _templates(coach, athletes, monday_of(today) - dt.timedelta(days=21))
        _clone_plans(templates, athletes)
        counts = _data(athletes, today, rng)
        print(
            f"setup: {args.athletes} athletes with plans, {counts['runs']} runs, "
            f"{counts['logs']} calf logs, {counts['retests']} retests "
            f"({time.perf_counter() - t0:.1f} s, not timed below)"
        )

        for night in ("first night", "second night (nothing new)"):
            queries = QueryCount()
            with connection.execute_wrapper(queries):
                t0 = time.perf_counter()
                created = nightly_plan_review.call()
                seconds = time.perf_counter() - t0
            print(
                f"{night}: {seconds:.1f} s for {args.athletes} athletes "
                f"({seconds / args.athletes * 1000:.1f} ms each, {queries.count} queries), "
                f"{created} proposals (target < 60 s)"
            )
        by_trigger: dict[str, int] = {}
        for trigger in Proposal.objects.values_list("trigger", flat=True):
            by_trigger[trigger] = by_trigger.get(trigger, 0) + 1
        print("proposals by trigger:", ", ".join(f"{k} {v}" for k, v in sorted(by_trigger.items())))


if __name__ == "__main__":
    main()
