"""Full recompute of five years of daily load against an incremental update of the last 7 days.

Run: .venv/bin/python benchmarks/bench_load.py
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date, timedelta

from tagalong.trainingload.daily import DayInput, recompute, update_from

YEARS = 5
REPEATS = 5


def _history(start: date, days: int) -> dict[date, DayInput]:
    rng = random.Random(2017)
    history = {}
    for offset in range(days):
        if rng.random() < 0.7:  # about five runs a week
            km = rng.uniform(4, 25)
            history[start + timedelta(days=offset)] = DayInput(
                load=km * rng.uniform(5, 9), distance_km=km, longest_run_km=km
            )
    return history


def _best_of(repeats: int, action: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    start = date(2021, 1, 1)
    total_days = 365 * YEARS + 1
    end = start + timedelta(days=total_days - 1)
    days = _history(start, total_days)
    from_day = end - timedelta(days=6)
    stored = recompute(days, start=start, end=from_day - timedelta(days=1))[-1].state

    full = _best_of(REPEATS, lambda: recompute(days, start=start, end=end))
    incremental = _best_of(REPEATS, lambda: update_from(stored, days, from_day=from_day, end=end))
    print(f"full recompute, {total_days} days: {full * 1000:.2f} ms")
    print(f"incremental update, last 7 days: {incremental * 1000:.3f} ms")
    print(f"ratio full / incremental: {full / incremental:.0f}×")


if __name__ == "__main__":
    main()
