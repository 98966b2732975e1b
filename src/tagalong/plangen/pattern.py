"""Which weekdays carry runs, the long run, the quality run, calf strength and mobility."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from tagalong.plangen.model import WEEKDAYS, InfeasiblePlan, PlanRequest

MIN_RUN_MINUTES = 20.0
MAX_RUNS_PER_WEEK = 6
MOBILITY_MINUTES = 10.0


@dataclass(frozen=True, slots=True)
class WeekPattern:
    run_days: tuple[int, ...]  # weekday numbers, Monday = 0
    long_day: int | None
    quality_day: int | None
    strength_days: tuple[int, ...]
    mobility_day: int | None
    rest_day: int
    run_capacity: dict[int, float]  # minutes left for running on each run day


def _adjacent(a: int, b: int) -> bool:
    return (a - b) % 7 in (1, 6)


def _spread_penalty(days: tuple[int, ...]) -> int:
    return sum(1 for a, b in combinations(days, 2) if _adjacent(a, b))


def _minutes(request: PlanRequest) -> dict[int, float]:
    return {i: float(request.availability.minutes.get(d, 0)) for i, d in enumerate(WEEKDAYS)}


def _pick_rest_day(minutes: dict[int, float]) -> int:
    free = [i for i in range(7) if minutes[i] <= 0]
    if free:
        return free[0]
    return min(range(7), key=lambda i: (minutes[i], -i))


def _run_options(
    candidates: list[int], wanted: int, minutes: dict[int, float], *, no_consecutive: bool
) -> list[tuple[int, ...]]:
    """Run-day sets, best first: more days, better spread, more minutes."""
    out: list[tuple[int, ...]] = []
    for k in range(min(wanted, len(candidates)), 0, -1):
        options = [
            c
            for c in combinations(candidates, k)
            if not (no_consecutive and _spread_penalty(c) > 0)
        ]
        options.sort(key=lambda c: (_spread_penalty(c), -sum(min(minutes[d], 120) for d in c)))
        out.extend(options)
    return out


def _choose_strength(
    usable: list[int],
    minutes: dict[int, float],
    runs: tuple[int, ...],
    banned: set[int],
    strength_minutes: float,
    wanted: int,
) -> tuple[int, ...]:
    def fits(d: int) -> bool:
        spare = minutes[d] - strength_minutes
        return spare >= (MIN_RUN_MINUTES if d in runs else 0.0)

    candidates = [d for d in usable if d not in banned and fits(d)]
    for k in range(min(wanted, len(candidates)), 1, -1):
        options = list(combinations(candidates, k))
        if options:
            return max(
                options,
                key=lambda c: (-_spread_penalty(c), -sum(1 for d in c if d in runs)),
            )
    return ()


def choose_pattern(
    request: PlanRequest,
    *,
    wanted_runs: int,
    running: bool,
    quality_wanted: bool,
    long_wanted: bool,
    strength_minutes: float,
    race_weekday: int | None,
) -> WeekPattern:
    minutes = _minutes(request)
    if all(m <= 0 for m in minutes.values()):
        raise InfeasiblePlan(
            "No available days were given.", "Mark at least three days a week as available."
        )
    rest = _pick_rest_day(minutes)
    usable = [i for i in range(7) if minutes[i] > 0 and i != rest]
    no_consecutive = request.goal.type in ("return_to_run", "postnatal")
    run_options: list[tuple[int, ...]] = [()]
    if running:
        candidates = [d for d in usable if minutes[d] >= MIN_RUN_MINUTES]
        run_options = _run_options(candidates, wanted_runs, minutes, no_consecutive=no_consecutive)
        if not run_options:
            raise InfeasiblePlan(
                f"No available day has the {MIN_RUN_MINUTES:.0f} minutes a run needs.",
                f"Allow at least {MIN_RUN_MINUTES:.0f} minutes on two or more days.",
            )
    wanted_strength = 3 if no_consecutive else 2
    best: tuple[tuple[float, ...], WeekPattern] | None = None
    for runs in run_options:
        if best is not None and len(runs) < len(best[1].run_days):
            break  # options come longest first
        long_day = _long_day(runs, minutes, long_wanted)
        for quality in _quality_options(runs, long_day, quality_wanted):
            banned = {(d - 1) % 7 for d in (quality, race_weekday) if d is not None}
            if race_weekday is not None:
                banned.add(race_weekday)
            strength = _choose_strength(
                usable, minutes, runs, banned, strength_minutes, wanted_strength
            )
            if len(strength) < 2:
                continue
            found = _pattern(
                runs, long_day, quality, strength, usable, rest, minutes, strength_minutes
            )
            score = _score(found)
            if best is None or score > best[0]:
                best = (score, found)
    if best is not None:
        return best[1]
    raise InfeasiblePlan(
        f"Calf strength needs two days a week with {strength_minutes:.0f} minutes "
        "(plus a run's minutes on run days), not the day before a race.",
        f"Allow {strength_minutes + MIN_RUN_MINUTES:.0f} minutes on two or more days.",
    )


def _score(pattern: WeekPattern) -> tuple[float, ...]:
    """Roomier run days first, then a quality day, then fewer back-to-back runs."""
    room = sum(min(c, 90.0) for c in pattern.run_capacity.values())
    smallest = min(pattern.run_capacity.values(), default=0.0)
    return (room, min(smallest, 45.0), float(pattern.quality_day is not None))


def _long_day(runs: tuple[int, ...], minutes: dict[int, float], wanted: bool) -> int | None:
    if not wanted or len(runs) < 4:
        return None
    return max(runs, key=lambda d: (minutes[d], d))


def _pattern(
    runs: tuple[int, ...],
    long_day: int | None,
    quality: int | None,
    strength: tuple[int, ...],
    usable: list[int],
    rest: int,
    minutes: dict[int, float],
    strength_minutes: float,
) -> WeekPattern:
    capacity = {d: minutes[d] - (strength_minutes if d in strength else 0.0) for d in runs}
    spare = [
        d for d in usable if d not in runs and d not in strength and minutes[d] >= MOBILITY_MINUTES
    ]
    return WeekPattern(
        run_days=runs,
        long_day=long_day,
        quality_day=quality,
        strength_days=strength,
        mobility_day=spare[0] if spare else None,
        rest_day=rest,
        run_capacity=capacity,
    )


def _quality_options(runs: tuple[int, ...], long_day: int | None, wanted: bool) -> list[int | None]:
    if not wanted or len(runs) < 3:
        return [None]
    others = [d for d in runs if d != long_day]
    if long_day is not None:
        others.sort(key=lambda d: -min((d - long_day) % 7, (long_day - d) % 7))
    return [*others, None]
