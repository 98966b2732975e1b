"""Plan generator timings: one 24-week plan (target < 50 ms) and 1,000 random re-plans (< 60 s).

Run: .venv/bin/python benchmarks/bench_plan.py
"""

from __future__ import annotations

import datetime as dt
import random
import time

from tagalong.plangen import InfeasiblePlan, generate_plan
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
)

GOALS = ("5k", "10k", "half", "marathon", "endurance", "return_to_run")


def marathon_24_weeks() -> PlanRequest:
    return PlanRequest(
        athlete=Athlete(age=35, sex="male", body_mass_kg=72),
        goal=Goal(type="half", weeks=24),
        start=dt.date(2025, 1, 6),
        availability=Availability(
            {"mon": 60, "tue": 90, "wed": 60, "thu": 90, "sat": 150, "sun": 180}
        ),
        current=CurrentLoad(40, 16, 5, RecentRace(10_000, 45 * 60)),
        tests=Tests(heel_raise_reps=SidePair(28, 30), single_leg_bridge_reps=SidePair(18, 24)),
    )


def random_request(rng: random.Random) -> PlanRequest:
    days = rng.sample(WEEKDAYS, rng.randint(3, 7))
    weekly = rng.choice((10.0, 20.0, 30.0, 45.0, 60.0))
    return PlanRequest(
        athlete=Athlete(
            age=rng.randint(18, 70), sex=rng.choice(("female", "male")), body_mass_kg=65
        ),
        goal=Goal(type=rng.choice(GOALS), weeks=rng.randint(8, 24)),
        start=dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 364)),
        availability=Availability({d: rng.choice((45, 60, 90, 120)) for d in days}),
        current=CurrentLoad(weekly, weekly / 3, rng.randint(2, 5)),
        tests=Tests(heel_raise_reps=SidePair(rng.randint(5, 35), rng.randint(5, 35))),
    )


def main() -> None:
    request = marathon_24_weeks()
    generate_plan(request)  # warm caches
    runs = 50
    t0 = time.perf_counter()
    for _ in range(runs):
        generate_plan(request)
    single_ms = (time.perf_counter() - t0) / runs * 1000
    print(f"24-week plan: {single_ms:.1f} ms each (target < 50 ms)")

    rng = random.Random(20250303)
    requests = [random_request(rng) for _ in range(1000)]
    infeasible = 0
    t0 = time.perf_counter()
    for r in requests:
        try:
            generate_plan(r)
        except InfeasiblePlan:
            infeasible += 1
    total_s = time.perf_counter() - t0
    print(f"1,000 random plans: {total_s:.1f} s ({infeasible} infeasible) (target < 60 s)")


if __name__ == "__main__":
    main()
