"""Plan coverage: the share of realistic requests the generator plans, and why it refuses the rest.

A seeded grid of ordinary requests (ages, sexes, goals 5K/10K/half/marathon and general
fitness, 3–6 run days, 30–90-minute weekdays with a longer weekend day, 10–80 km a week,
longest recent runs, race dates 8–30 weeks out, recent races, calf tests). The weekend day
holds at least the longest run of the last 30 days, as it did then. For every refusal the
benchmark also builds the alternative the refusal offers.

Run: PYTHONPATH=src .venv/bin/python benchmarks/bench_plan_coverage.py [--n 600] [--seed 10]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import math
import random
import sys
import time

from tagalong.physiology import vdot as vd
from tagalong.plangen import InfeasiblePlan, PlanInputError, generate_plan
from tagalong.plangen.model import (
    WEEKDAYS,
    Athlete,
    Availability,
    CurrentLoad,
    Goal,
    PlanRequest,
    RecentRace,
    SidePair,
    Tests,
    Weekday,
)

GOALS = ("5k", "10k", "half", "marathon", "endurance")
START = dt.date(2026, 1, 5)
RUN_DAY_SETS: dict[int, tuple[Weekday, ...]] = {
    3: ("tue", "thu", "sun"),
    4: ("tue", "thu", "sat", "sun"),
    5: ("mon", "tue", "thu", "sat", "sun"),
    6: ("mon", "tue", "wed", "thu", "sat", "sun"),
}


def random_request(rng: random.Random) -> PlanRequest:
    goal = rng.choice(GOALS)
    runs = rng.randint(3, 6)
    weekday = rng.choice((30, 45, 60, 75, 90))
    weekend = max(90, weekday + rng.choice((30, 60, 90, 120)))
    days = list(RUN_DAY_SETS[runs])
    if runs < 6 and rng.random() < 0.5:  # one more day, e.g. for strength
        days.append(rng.choice([d for d in WEEKDAYS if d not in days]))
    minutes: dict[Weekday, int] = {
        d: (weekend if d in ("sat", "sun") else weekday) for d in WEEKDAYS if d in days
    }
    weekly = float(rng.randint(10, 80))
    longest = round(min(rng.uniform(0.25, 0.45) * weekly, 32.0), 1)
    # The runner ran that longest run in the last 30 days, so one weekend day holds it
    # (at 7 min/km, rounded up to the quarter hour): otherwise the intake contradicts itself.
    held = 15 * math.ceil(longest * 7.0 / 15.0)
    for d in ("sat", "sun"):
        if d in minutes:
            minutes[d] = max(minutes[d], held)
    race = None
    if rng.random() < 0.6:
        value = rng.uniform(30.0, 60.0)
        distance = rng.choice((5_000.0, 10_000.0, 21_097.5))
        race = RecentRace(distance, round(vd.predict_race_time(value, distance)))
    tests = Tests()
    if rng.random() < 0.6:
        left = rng.randint(5, 35)
        tests = Tests(
            heel_raise_reps=SidePair(left, max(0, left + rng.randint(-6, 6))),
            single_leg_bridge_reps=SidePair(rng.randint(10, 30), rng.randint(10, 30)),
        )
    if goal == "endurance":
        target = Goal(type="endurance", weeks=rng.randint(8, 24))
    else:
        race_date = START + dt.timedelta(weeks=rng.randint(8, 30) - 1, days=6)
        target = Goal(type=goal, race_date=race_date)  # type: ignore[arg-type]
    return PlanRequest(
        athlete=Athlete(
            age=rng.randint(18, 70),
            sex=rng.choice(("female", "male")),
            body_mass_kg=float(rng.randint(50, 95)),
        ),
        goal=target,
        start=START,
        availability=Availability(minutes),
        current=CurrentLoad(weekly, longest, runs, race),
        tests=tests,
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=600)
    parser.add_argument("--seed", type=int, default=10)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    planned = 0
    per_goal: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    reasons: collections.Counter[str] = collections.Counter()
    alternatives_built = 0
    failures: list[str] = []
    began = time.perf_counter()
    for _ in range(args.n):
        request = random_request(rng)
        per_goal[request.goal.type][1] += 1
        try:
            generate_plan(request)
        except InfeasiblePlan as refusal:
            reasons[refusal.reason.split(" needs ")[0].split(" from ")[0]] += 1
            if refusal.alternative is not None:
                generate_plan(refusal.alternative)
                alternatives_built += 1
            continue
        except (PlanInputError, AssertionError) as error:
            failures.append(f"{type(error).__name__}: {error}")
            continue
        planned += 1
        per_goal[request.goal.type][0] += 1
    elapsed = time.perf_counter() - began
    refused = sum(reasons.values())
    print(f"requests: {args.n} (seed {args.seed}), {elapsed:.1f} s")
    print(f"planned: {planned} ({100 * planned / args.n:.1f} %)")
    for goal, (ok, total) in sorted(per_goal.items()):
        print(f"  {goal}: {ok}/{total}")
    print(f"refused: {refused}; alternatives built for {alternatives_built} of them")
    for reason, count in reasons.most_common():
        print(f"  {count} × {reason}")
    print(f"errors: {len(failures)}")
    for failure in failures[:10]:
        print(f"  {failure[:300]}")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
