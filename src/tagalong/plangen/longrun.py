"""The long run: what the goal needs and how it grows week by week.

Goal distances follow published programmes: about 30 km for a marathon (Higdon's Novice 1
peaks at 20 miles, periodisation.novice_marathon.higdon), 18 km for a half, 12 km for a 10K,
9 km for a 5K. The long run grows every loading week by up to 10 % over the longest run of
the previous 30 days, planned runs included (the single-run spike rule allows 10 %,
load.single_run_spike.frandsen_2025), and stays within the day's minutes and the long-run
time cap (150 min unless the coach raises it, periodisation.session_caps.daniels).
Its share of the week is not capped: with few run days it grows towards half the week,
as novice programmes do (periodisation.plan.long_run_share).
"""

from __future__ import annotations

from tagalong.plangen.model import PlanRequest

SPIKE_STEP = 1.10  # the limit itself: blocks.SPIKE_MARGIN and whole minutes keep runs under it
GOAL_LONG_KM = {"5k": 9.0, "10k": 12.0, "half": 18.0, "marathon": 30.0, "endurance": 16.0}
# The long run a race needs before the taper, as a share of the goal's long run.
READY_SHARE = {"5k": 0.5, "10k": 0.6, "half": 0.6, "marathon": 0.6}
WALK_BREAK_READY_SHARE = 0.5
READY_FLOOR_KM = {"5k": 4.0, "10k": 6.0, "half": 9.0, "marathon": 16.0}
CAP_READY_SHARE = 0.9  # of what the time cap allows at easy pace
LONG_CAP_MIN = 150.0
WALK_BREAK_CAP_MIN = 180.0  # coaches raise the cap for run–walk finishers
TAPER_LONG_SHARE = 0.65


def long_cap_min(request: PlanRequest) -> float:
    goal = request.goal
    if goal.long_run_cap_min is not None:
        return goal.long_run_cap_min
    return WALK_BREAK_CAP_MIN if goal.walk_breaks else LONG_CAP_MIN


def goal_long_km(request: PlanRequest, easy_pace_s: float) -> float:
    """The goal's long run, no longer than the time cap allows at easy pace."""
    wanted = GOAL_LONG_KM.get(request.goal.type, 12.0)
    return min(wanted, 0.97 * long_cap_min(request) * 60.0 / easy_pace_s)


def day_limited(request: PlanRequest, easy_pace_s: float) -> bool:
    """True when no day has the minutes for the goal's long run (the plan says so)."""
    return longest_day_min(request) * 60.0 / easy_pace_s < goal_long_km(request, easy_pace_s)


def longest_day_min(request: PlanRequest) -> float:
    return float(max(request.availability.minutes.values(), default=0))


def ready_km(request: PlanRequest, easy_pace_s: float) -> float:
    """The long run a race needs before the taper: a share of the goal's long run, or most of
    what the time cap and the longest day allow, and never less than the goal's floor."""
    goal = request.goal.type
    share = WALK_BREAK_READY_SHARE if request.goal.walk_breaks else READY_SHARE[goal]
    minutes = min(long_cap_min(request), longest_day_min(request))
    reach = CAP_READY_SHARE * minutes * 60.0 / easy_pace_s
    return max(READY_FLOOR_KM[goal], min(share * GOAL_LONG_KM[goal], reach))


def next_long_km(reference_km: float, goal_km: float, day_km: float) -> float:
    """This loading week's long run: a step up from the 30-day longest, never past the goal."""
    return max(min(reference_km * SPIKE_STEP, goal_km, day_km), 0.0)
