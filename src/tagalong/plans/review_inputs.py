"""Reads for plan adaptation: the stored plan, the athlete's calf log, runs and heel-raise tests
as the pure core (``tagalong.plangen.adapt``) takes them."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from tagalong.athletes.models import AthleteProfile
from tagalong.plangen import InfeasiblePlan, PlanInputError, generate_plan, plan_from_json
from tagalong.plangen.adapt_model import (
    AthleteData,
    Block,
    Context,
    DoneRun,
    HeelRaiseTest,
    PainScore,
    PlanView,
    Side,
    Slot,
)
from tagalong.plangen.model import RETURN_GOALS, Phase, SidePair
from tagalong.plans.models import Plan
from tagalong.plans.selectors.done import RUN_SPORTS
from tagalong.plans.selectors.limits import core_session

PAIN_DAYS = 14  # this week and last week, for "worse than last week"
RUN_DAYS = 40  # the 30-day spike window of the runs ahead, and this week's missed sessions
TRACKING_DAYS = 28  # no run recorded for this long: runs are not being recorded
SIDES: tuple[Side, ...] = ("left", "right")
PHASES: dict[str, Phase] = {
    "base": "base",
    "build": "build",
    "peak": "peak",
    "taper": "taper",
    "recovery": "recovery",
    "return": "return",
}


def plan_view(plan: Plan) -> PlanView:
    profile: dict[str, Any] = plan.profile or {}
    race = (plan.summary or {}).get("race_date")
    return PlanView(
        blocks=plan_blocks(plan),
        slots=tuple(Slot(s.pk, core_session(s)) for s in plan.sessions.all()),
        start=dt.date.fromisoformat(profile["start"]) if profile.get("start") else plan.start,
        longest_before_km=float((profile.get("current") or {}).get("longest_run_km_30d") or 0.0),
        race_date=dt.date.fromisoformat(race) if race else None,
    )


def plan_blocks(plan: Plan) -> tuple[Block, ...]:
    """The generator's 7-day blocks: stored with the plan, rebuilt from its profile, or weeks."""
    stored = (plan.summary or {}).get("blocks")
    if stored:
        return tuple(
            Block(dt.date.fromisoformat(b["start"]), PHASES.get(b["phase"], "build"))
            for b in stored
        )
    if plan.profile:
        try:
            generated = generate_plan(plan_from_json(plan.profile))
        except (InfeasiblePlan, PlanInputError):  # the generator has changed since: use weeks
            pass
        else:
            return tuple(Block(w.start, w.phase) for w in generated.weeks)
    monday = plan.start - dt.timedelta(days=plan.start.weekday())
    count = (plan.end - monday).days // 7 + 1
    return tuple(Block(monday + dt.timedelta(weeks=i), "build") for i in range(count))


def review_context(plan: Plan, today: dt.date) -> Context:
    profile: dict[str, Any] = plan.profile or {}
    minutes = (profile.get("availability") or {}).get("minutes")
    easy = ((plan.summary or {}).get("paces") or {}).get("easy")
    return Context(
        today=today,
        availability=dict(minutes) if minutes else None,
        returning=plan.goal_type in RETURN_GOALS,
        easy_pace=(float(easy[0]), float(easy[1])) if easy else None,
    )


def athlete_data(athlete: AthleteProfile, today: dt.date) -> AthleteData:
    return AthleteData(
        pain=pain_scores(athlete, today),
        runs=done_runs(athlete, today),
        heel_raise=heel_raise_tests(athlete),
    )


def pain_scores(athlete: AthleteProfile, today: dt.date) -> tuple[PainScore, ...]:
    """Calf pain per side and day; tightness is shown elsewhere but is not a pain score."""
    try:
        from tagalong.symptoms.models import SymptomLog
    except ImportError:  # the symptoms app is not installed here
        return ()
    fields = [
        f"calf_pain_{side}_{t}" for side in SIDES for t in ("during", "after", "next_morning")
    ]
    first = today - dt.timedelta(days=PAIN_DAYS - 1)
    rows = SymptomLog.objects.filter(athlete=athlete, day__gte=first, day__lte=today).values(
        "day", *fields
    )
    return tuple(
        PainScore(
            row["day"],
            side,
            row[f"calf_pain_{side}_during"],
            row[f"calf_pain_{side}_after"],
            row[f"calf_pain_{side}_next_morning"],
        )
        for row in rows
        for side in SIDES
        if any(
            row[f"calf_pain_{side}_{t}"] is not None for t in ("during", "after", "next_morning")
        )
    )


def done_runs(athlete: AthleteProfile, today: dt.date) -> tuple[DoneRun, ...] | None:
    """Runs of the last 40 days on the athlete's calendar; None when none in the last 28."""
    try:
        from tagalong.activities.models import Activity
    except ImportError:  # the activities app is not installed here
        return None
    zone = ZoneInfo(athlete.time_zone)
    lo = dt.datetime.combine(today - dt.timedelta(days=RUN_DAYS), dt.time.min, zone)
    hi = dt.datetime.combine(today + dt.timedelta(days=1), dt.time.min, zone)
    rows = Activity.objects.filter(
        athlete=athlete, start__gte=lo, start__lt=hi, sport__in=RUN_SPORTS
    ).values_list("start", "duration_s", "distance_m")
    runs = tuple(
        DoneRun(start.astimezone(zone).date(), seconds / 60.0, metres / 1000.0 if metres else None)
        for start, seconds, metres in rows
    )
    recent = today - dt.timedelta(days=TRACKING_DAYS)
    return runs if any(r.day > recent for r in runs) else None


def heel_raise_tests(athlete: AthleteProfile) -> tuple[HeelRaiseTest, ...]:
    """The last two heel-raise tests on the latest protocol, oldest first."""
    try:
        from tagalong.assessments.models import TestResult
    except ImportError:  # the assessments app is not installed here
        return ()
    rows = list(
        TestResult.objects.filter(session__athlete=athlete, test="heel_raise")
        .order_by("-session__date", "-pk")
        .values_list("session__date", "session__protocol_version", "left", "right")[:20]
    )
    if not rows:
        return ()
    protocol = rows[0][1]
    same = [r for r in rows if r[1] == protocol][:2]
    return tuple(
        HeelRaiseTest(day, SidePair(left, right)) for day, _p, left, right in reversed(same)
    )
