"""Is the plan ready for its race? If not, the refusal names alternatives the generator built.

A race plan is refused only when its longest long run before the taper stays short of what
published programmes reach (``longrun.ready_km``: e.g. 75 % of the goal long run for a
marathon) within the hard limits, as when a marathon is 6 weeks away from 10 km a week.
The refusal then offers what a coach would: the same race on a later date, the next shorter
race on the same date, or a finish goal with walk breaks, each tried and kept only if it
builds (periodisation.novice_marathon.higdon, load.single_run_spike.frandsen_2025).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from tagalong.plangen import longrun
from tagalong.plangen.model import (
    RACE_GOALS,
    WEEKDAYS,
    InfeasiblePlan,
    Plan,
    PlanInputError,
    PlanRequest,
    Reason,
    Weekday,
)
from tagalong.plangen.reasons import POSTNATAL_GATE_WHY, RETURN_GATE_WHY
from tagalong.wording import Phrase, phrase_n

Builder = Callable[[PlanRequest], Plan]
SHORTER = {"marathon": "half", "half": "10k", "10k": "5k"}
GOAL_NAMES: dict[str, str] = {
    "5k": Phrase("5K"),
    "10k": Phrase("10K"),
    "half": Phrase("half marathon"),
    "marathon": Phrase("marathon"),
    "endurance": Phrase("endurance"),
    "return_to_run": Phrase("return to run"),
    "postnatal": Phrase("postnatal"),
}
MAX_WEEKS = 30
DAY_STEP_MIN = 15  # a roomier long-run day is offered in quarter hours
MAX_DAY_STEPS = 12


def goal_name(goal: str) -> str:
    return GOAL_NAMES.get(goal, goal.replace("_", " "))


def longest_planned_km(plan: Plan) -> float:
    return max(
        (s.distance_km or 0.0 for s in plan.sessions() if s.is_run and s.run_type != "race"),
        default=0.0,
    )


def _easy(plan: Plan) -> float:
    fast, slow = plan.paces["easy"]
    return (fast + slow) / 2.0


def is_ready(request: PlanRequest, plan: Plan) -> bool:
    if request.goal.type not in RACE_GOALS:
        return True
    return longest_planned_km(plan) >= longrun.ready_km(request, _easy(plan)) - 1e-6


def builds(request: PlanRequest, builder: Builder) -> bool:
    """True when generate_plan would plan ``request``: ready to race, or as a finish goal."""
    try:
        plan = builder(request)
        return is_ready(request, plan) or finish_instead(request, plan, builder) is not None
    except (InfeasiblePlan, PlanInputError):
        return False


def _weeks_of(request: PlanRequest) -> int:
    goal = request.goal
    if goal.race_date is not None:
        return (goal.race_date - request.start).days // 7 + 1
    return goal.weeks or 12


def _with_weeks(request: PlanRequest, weeks: int) -> PlanRequest:
    goal = request.goal
    if goal.race_date is not None:
        date = goal.race_date + dt.timedelta(days=7 * (weeks - _weeks_of(request)))
        return replace(request, goal=replace(goal, race_date=date))
    return replace(request, goal=replace(goal, weeks=weeks))


def with_walk_breaks(request: PlanRequest, *, keep_cap: bool) -> PlanRequest:
    """The same race as a finish goal with walk breaks. ``keep_cap`` holds the long run to the
    request's own cap; without it the walk-break cap applies (the coach chose walk breaks)."""
    goal = request.goal
    cap = longrun.long_cap_min(request) if keep_cap else goal.long_run_cap_min
    return replace(request, goal=replace(goal, walk_breaks=True, long_run_cap_min=cap))


def later_date(request: PlanRequest, builder: Builder) -> PlanRequest | None:
    low, high = _weeks_of(request) + 1, MAX_WEEKS
    found: PlanRequest | None = None
    while low <= high:  # readiness grows with the weeks, so bisect
        mid = (low + high) // 2
        candidate = _with_weeks(request, mid)
        if builds(candidate, builder):
            found, high = candidate, mid - 1
        else:
            low = mid + 1
    return found


def alternatives(request: PlanRequest, builder: Builder) -> list[tuple[str, PlanRequest]]:
    goal = request.goal
    out: list[tuple[str, PlanRequest]] = []
    later = later_date(request, builder)
    if later is not None:
        name = goal_name(goal.type)
        plan = (
            Phrase("the {goal} on {day:%a %-d %b %Y}", goal=name, day=later.goal.race_date)
            if later.goal.race_date
            else phrase_n(
                "the {goal} in {count} week",
                "the {goal} in {count} weeks",
                later.goal.weeks or 0,
                goal=name,
            )
        )
        out.append((Phrase("{plan} or later", plan=plan), later))
    shorter = SHORTER.get(goal.type)
    while shorter is not None:
        candidate = replace(request, goal=replace(goal, type=shorter))  # type: ignore[arg-type]
        if builds(candidate, builder):
            out.append((Phrase("the {goal} on the same date", goal=goal_name(shorter)), candidate))
            break
        shorter = SHORTER.get(shorter)
    if not goal.walk_breaks:
        finish = with_walk_breaks(request, keep_cap=False)
        if builds(finish, builder):
            words = Phrase(
                "a finish goal for the {goal} with walk breaks", goal=goal_name(goal.type)
            )
            out.append((words, finish))
    if not out:  # regular easy running first: an endurance plan over the same weeks
        weeks = min(max(_weeks_of(request), 4), MAX_WEEKS)
        base = replace(request, goal=replace(goal, type="endurance", race_date=None, weeks=weeks))
        if builds(base, builder):
            words = phrase_n(
                "an endurance plan of {count} week before choosing a race",
                "an endurance plan of {count} weeks before choosing a race",
                weeks,
            )
            out.append((words, base))
    return out


def finish_instead(request: PlanRequest, plan: Plan, builder: Builder) -> Plan | None:
    """The novice programmes' answer when the long run cannot reach a racing plan's in time:
    the same race as a finish goal with walk breaks (Higdon's novice programmes allow walk
    breaks in training and racing, Galloway's plans are built on them), planned, with why.

    The long-run time cap stays the request's own: raising it for walk breaks is the coach's
    decision (ticking walk breaks), never the generator's, so the plan keeps every limit of
    the request it answers (periodisation.session_caps.daniels)."""
    goal = request.goal
    if goal.type not in RACE_GOALS or goal.walk_breaks:
        return None
    finish = with_walk_breaks(request, keep_cap=True)
    try:
        built = builder(finish)
    except (InfeasiblePlan, PlanInputError):
        return None
    if not is_ready(finish, built):
        return None
    why = Reason(
        Phrase(
            "A finish goal with walk breaks: in {weeks} weeks from {longest:g} km the long run "
            "reaches {reaches:.1f} km, short of the {needs:.0f} km a racing plan for the {goal} "
            "needs, since no run may be more than 10 % longer than the longest of the 30 days "
            "before it. Novice programmes plan this as a finish with walk breaks; a later race "
            "date lets the long run grow further.",
            weeks=len(plan.weeks),
            longest=request.current.longest_run_km_30d,
            reaches=longest_planned_km(built),
            needs=longrun.ready_km(request, _easy(plan)),
            goal=goal_name(goal.type),
        ),
        ("periodisation.novice_marathon.higdon", "load.single_run_spike.frandsen_2025"),
    )
    return replace(built, notes=(why, *built.notes))


SPIKE_HELD = Phrase("no run may be more than 10 % longer than the longest of the 30 days before it")
DAY_NAMES: dict[str, str] = dict(
    zip(
        WEEKDAYS,
        (
            Phrase("Monday"),
            Phrase("Tuesday"),
            Phrase("Wednesday"),
            Phrase("Thursday"),
            Phrase("Friday"),
            Phrase("Saturday"),
            Phrase("Sunday"),
        ),
        strict=True,
    )
)
# "45 minutes on Sundays": the day said for every week.
EVERY_DAY_NAMES: dict[str, str] = dict(
    zip(
        WEEKDAYS,
        (
            Phrase("Mondays"),
            Phrase("Tuesdays"),
            Phrase("Wednesdays"),
            Phrase("Thursdays"),
            Phrase("Fridays"),
            Phrase("Saturdays"),
            Phrase("Sundays"),
        ),
        strict=True,
    )
)


def held_day(request: PlanRequest, plan: Plan) -> tuple[Weekday, float] | None:
    """The day whose minutes the longest run fills, with the calf strength minutes it shares
    (strength stays twice a week); ``None`` when the longest run has room left on its day."""
    runs = [s for s in plan.sessions() if s.is_run and s.run_type != "race"]
    if not runs:
        return None
    longest = max(runs, key=lambda s: (s.distance_km or 0.0, s.date))
    day = WEEKDAYS[longest.date.weekday()]
    minutes = float(request.availability.minutes.get(day, 0))
    strength = sum(
        s.duration_min for s in plan.sessions() if s.date == longest.date and s.kind == "strength"
    )
    if longest.duration_min + strength < minutes - 1.0:
        return None
    return day, strength


def what_holds_the_long_run(request: PlanRequest, plan: Plan) -> str:
    """Why the longest run stops where it does: its day is full, or the spike rule."""
    held = held_day(request, plan)
    if held is None:
        return SPIKE_HELD
    day, strength = held
    minutes = float(request.availability.minutes.get(day, 0))
    if strength <= 0:
        return Phrase(
            "the long run fills {day}'s {minutes:.0f} minutes", day=DAY_NAMES[day], minutes=minutes
        )
    return Phrase(
        "{day}'s {minutes:.0f} minutes also hold the {strength:.0f}-min calf strength session, "
        "which leaves {left:.0f} min for the long run",
        day=DAY_NAMES[day],
        minutes=minutes,
        strength=strength,
        left=minutes - strength,
    )


def roomier_day(
    request: PlanRequest, plan: Plan, builder: Builder
) -> tuple[str, PlanRequest] | None:
    """The same race with more minutes on the day the long run fills, if that builds. The
    refusal names it in its reason: alternatives change only the goal (the app's buttons and
    the API's ``alternatives`` repost the request with the goal, date and walk breaks)."""
    held = held_day(request, plan)
    if held is None:
        return None
    day = held[0]
    given = request.availability.minutes[day]

    def more(steps: int) -> PlanRequest:
        minutes = {**request.availability.minutes, day: given + DAY_STEP_MIN * steps}
        return replace(request, availability=replace(request.availability, minutes=minutes))

    low, high = 1, MAX_DAY_STEPS
    found: PlanRequest | None = None
    while low <= high:  # readiness grows with the day's minutes, so bisect
        mid = (low + high) // 2
        if builds(more(mid), builder):
            found, high = more(mid), mid - 1
        else:
            low = mid + 1
    if found is None:
        return None
    words = Phrase(
        "{minutes} minutes on {days}",
        minutes=found.availability.minutes[day],
        days=EVERY_DAY_NAMES[day],
    )
    return words, found


def check_ready(request: PlanRequest, plan: Plan, builder: Builder) -> None:
    if is_ready(request, plan):
        return
    goal = request.goal.type
    need = longrun.ready_km(request, _easy(plan))
    reason = Phrase(
        "A {goal} from {weekly:g} km a week (longest run {longest:g} km) needs long runs up to "
        "about {need:.0f} km; in {weeks} weeks they reach {reaches:.1f} km, since {held}.",
        goal=goal_name(goal),
        weekly=request.current.weekly_km,
        longest=request.current.longest_run_km_30d,
        need=need,
        weeks=len(plan.weeks),
        reaches=longest_planned_km(plan),
        held=what_holds_the_long_run(request, plan),
    )
    found = alternatives(request, builder)
    roomier = roomier_day(request, plan, builder)
    if roomier is not None:
        reason = Phrase(
            "{reason} With {change} the same race builds.", reason=reason, change=roomier[0]
        )
    if not found:
        raise InfeasiblePlan(
            reason, Phrase("build regular easy running with an endurance plan first.")
        )
    choices = found[0][0]
    for text, _ in found[1:]:
        choices = Phrase("{choices}, or {choice}", choices=choices, choice=text)
    suggestion = Phrase("choose {choices}.", choices=choices)
    raise InfeasiblePlan(reason, suggestion, found[0][1], tuple(found))


def plan_notes(
    request: PlanRequest, estimated: bool, running: bool, easy_pace_s: float
) -> tuple[Reason, ...]:
    goal = request.goal
    notes: list[Reason] = []
    if goal.type in RACE_GOALS and longrun.day_limited(request, easy_pace_s):
        wanted = longrun.goal_long_km(request, easy_pace_s)
        notes.append(
            Reason(
                Phrase(
                    "Your longest day has {minutes:.0f} minutes, so the long run stays shorter "
                    "than the {km:.0f} km a {goal} programme builds to; more time on one day "
                    "lets it grow.",
                    minutes=longrun.longest_day_min(request),
                    km=wanted,
                    goal=goal_name(goal.type),
                ),
                ("periodisation.novice_marathon.higdon", "periodisation.session_caps.daniels"),
            )
        )
    if goal.type == "return_to_run" and not running:
        notes.append(RETURN_GATE_WHY)
    if goal.type == "postnatal" and not running:
        notes.append(POSTNATAL_GATE_WHY)
    if goal.type == "postnatal" and goal.coach_override is not None:
        notes.append(
            Reason(
                Phrase(
                    "Coach override of the 12-week block: {reason}",
                    reason=goal.coach_override.reason,
                ),
                ("periodisation.postnatal.delphi_2024",),
            )
        )
    if estimated:
        notes.append(
            Reason(
                Phrase("Paces are estimated: add a recent race or time trial for personal paces."),
                ("periodisation.vdot.daniels_gilbert",),
            )
        )
    if goal.long_run_cap_min is not None or goal.walk_breaks:
        notes.append(
            Reason(
                Phrase(
                    "Long runs are capped at {minutes:.0f} minutes with walk breaks.",
                    minutes=longrun.long_cap_min(request),
                )
                if goal.walk_breaks
                else Phrase(
                    "Long runs are capped at {minutes:.0f} minutes (set by the coach).",
                    minutes=longrun.long_cap_min(request),
                ),
                ("periodisation.session_caps.daniels", "periodisation.novice_marathon.higdon"),
            )
        )
    for missing in request.missing:
        text = Phrase("Missing from the intake: {missing}.", missing=missing)
        notes.append(Reason(text, ("periodisation.plan.intake",)))
    return tuple(notes)
