"""The week's layout: run days, the long-run day, the quality day, calf strength and mobility.

Runs take the roomiest, best-spread days; the long run the roomiest of them; the quality run
sits as far from the long run as the week allows. Calf strength (2 a week, 3 in a return to
running) takes a free day when there is one, otherwise it shares a run day and comes after
the run (Green 2022: run before strength work): an easy run's day first, then the long or the
quality run's ("hard days hard"). The day before the long run comes only when no other day is
left (the calves come fresh to the long run), before a run given up for strength or a long
run cut short, and never the day before a hard run or the race in race week
(periodisation.plan.calf_strength_frequency, rehab.return_to_run.green_2022).
One day a week stays free of running and strength (periodisation.plan.rest_day).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from tagalong.plangen.model import WEEKDAYS, PlanInputError, PlanRequest
from tagalong.wording import Phrase

MIN_RUN_MINUTES = 20.0
SHORT_RUN_MINUTES = 15.0  # the least a run keeps when strength shares its day
MAX_RUNS_PER_WEEK = 6
MOBILITY_MINUTES = 10.0
QUALITY_DAY_MIN = 40.0  # 15 min warm-up, 10 min cool-down and room for the work between
LONG_EVE_COST = 100  # above any set of other days: the day before the long run comes last
RUN_LOST_COST = LONG_EVE_COST + 6  # a run given up for strength: after the long run's eve
LONG_CUT_COST = 2 * LONG_EVE_COST  # a long-run day too short for both: the run first
BACK_TO_BACK_COST = 2  # calf sessions on consecutive days, as dear as moving one to a hard day


@dataclass(frozen=True, slots=True)
class WeekDays:
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


def day_minutes(request: PlanRequest) -> dict[int, float]:
    return {i: float(request.availability.minutes.get(d, 0)) for i, d in enumerate(WEEKDAYS)}


def check_availability(request: PlanRequest) -> None:
    """Bad availability names its field: no day at all, or a listed day with 0 minutes."""
    given = request.availability.minutes
    if not given:
        problem = Phrase("no day is available; mark at least one day")
        raise PlanInputError("availability.days", problem)
    if all(m <= 0 for m in given.values()):
        day = next(iter(given))
        raise PlanInputError(
            f"availability.minutes.{day}",
            Phrase("every available day has 0 minutes; give some minutes"),
        )
    if max(given.values()) < MIN_RUN_MINUTES:
        raise PlanInputError(
            "availability.minutes",
            Phrase(
                "no day has the {minutes:.0f} minutes a run needs; allow {minutes:.0f} minutes "
                "or more on at least one day",
                minutes=MIN_RUN_MINUTES,
            ),
        )


def _rest_day(minutes: dict[int, float]) -> int:
    free = [i for i in range(7) if minutes[i] <= 0]
    if free:
        return free[0]
    return min(range(7), key=lambda i: (minutes[i], -i))


def _run_days(
    usable: list[int], wanted: int, minutes: dict[int, float], *, no_consecutive: bool
) -> tuple[int, ...]:
    candidates = [d for d in usable if minutes[d] >= MIN_RUN_MINUTES]
    for k in range(min(wanted, len(candidates)), 0, -1):
        options = [
            c for c in combinations(candidates, k) if not (no_consecutive and _spread_penalty(c))
        ]
        if options:
            return min(
                options, key=lambda c: (_spread_penalty(c), -sum(min(minutes[d], 120) for d in c))
            )
    return ()


def _quality_day(
    runs: tuple[int, ...], long_day: int | None, wanted: bool, minutes: dict[int, float]
) -> int | None:
    if not wanted or len(runs) < 3:
        return None
    others = [d for d in runs if d != long_day]
    if long_day is None:
        return others[0]
    # A day with room for warm-up, work and cool-down; then far from the long run, and not
    # the day right after it.
    return max(
        others,
        key=lambda d: (
            minutes[d] >= QUALITY_DAY_MIN,
            min((d - long_day) % 7, (long_day - d) % 7),
            d,
        ),
    )


def strength_candidates(
    usable: list[int],
    minutes: dict[int, float],
    runs: tuple[int, ...],
    banned: set[int],
    strength_minutes: float,
    long_day: int | None,
    quality_day: int | None,
) -> list[int]:
    """The days calf strength may take: room for it (and for a short run after it on a run
    day, except on the long and quality days), never the day before a hard run."""

    def fits(d: int) -> bool:
        if minutes[d] < strength_minutes:
            return False
        shares = minutes[d] - strength_minutes >= SHORT_RUN_MINUTES
        return d not in runs or shares or d not in (long_day, quality_day)

    return [d for d in usable if d not in banned and fits(d)]


def _strength_days(
    usable: list[int],
    minutes: dict[int, float],
    runs: tuple[int, ...],
    banned: set[int],
    strength_minutes: float,
    wanted: int,
    long_day: int | None,
    quality_day: int | None,
    long_minutes: float,
) -> tuple[int, ...]:
    long_eve = None if long_day is None else (long_day - 1) % 7

    def cost(d: int) -> int:
        if d == long_eve and d != long_day:  # calves fresh for the long run: a last resort
            return LONG_EVE_COST
        if d not in runs:
            return 0
        if minutes[d] - strength_minutes < SHORT_RUN_MINUTES:
            return RUN_LOST_COST  # too short to share: a strength day instead of a run
        if d == long_day:  # after the long run (hard days hard), unless it cuts it short
            return 3 if minutes[d] - strength_minutes >= long_minutes else LONG_CUT_COST
        return 3 if d == quality_day else 1  # after the quality run: hard days hard

    candidates = strength_candidates(
        usable, minutes, runs, banned, strength_minutes, long_day, quality_day
    )
    for k in range(min(wanted, len(candidates)), 0, -1):
        options = list(combinations(candidates, k))
        if options:
            return min(
                options,
                key=lambda c: (
                    sum(cost(d) for d in c) + BACK_TO_BACK_COST * _spread_penalty(c),
                    _spread_penalty(c),
                    c,
                ),
            )
    return ()


def choose_days(
    request: PlanRequest,
    *,
    wanted_runs: int,
    running: bool,
    quality_wanted: bool,
    strength_minutes: float,
    long_minutes: float = 150.0,
    race_weekday: int | None = None,  # kept for callers; race week is handled by the plan
) -> WeekDays:
    check_availability(request)
    minutes = day_minutes(request)
    rest = _rest_day(minutes)
    usable = [i for i in range(7) if minutes[i] > 0 and i != rest]
    if not usable:  # a single available day: it carries everything, the others rest
        usable = [rest]
        rest = (rest + 1) % 7
    no_consecutive = request.goal.type in ("return_to_run", "postnatal")
    runs: tuple[int, ...] = ()
    if running:
        runs = _run_days(usable, wanted_runs, minutes, no_consecutive=no_consecutive)
    long_day = max(runs, key=lambda d: (minutes[d], d)) if len(runs) >= 2 else None
    quality = _quality_day(runs, long_day, quality_wanted, minutes)
    # The race's eve and day are kept free in race week only (see generator._assemble).
    banned = {(quality - 1) % 7} if quality is not None else set()
    wanted_strength = 3 if no_consecutive else 2
    strength = _strength_days(
        usable,
        minutes,
        runs,
        banned,
        strength_minutes,
        wanted_strength,
        long_day,
        quality,
        long_minutes,
    )
    capacity = {d: minutes[d] - (strength_minutes if d in strength else 0.0) for d in runs}
    runs = tuple(d for d in runs if capacity[d] >= SHORT_RUN_MINUTES)
    capacity = {d: capacity[d] for d in runs}
    spare = [d for d in usable if d not in runs and d not in strength]
    spare = [d for d in spare if minutes[d] >= MOBILITY_MINUTES]
    return WeekDays(
        run_days=runs,
        long_day=long_day,
        quality_day=quality,
        strength_days=strength,
        mobility_day=spare[0] if spare else None,
        rest_day=rest,
        run_capacity=capacity,
    )
