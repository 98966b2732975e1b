"""Planned against done: compliance of past run sessions from the athlete's activities."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from tagalong.activityfile import sports
from tagalong.athletes.models import AthleteProfile
from tagalong.plans.models import PlanSession
from tagalong.trainingload.compliance import Compliance, compliance

RUN_SPORTS = tuple(sorted(sports.RUN_SPORTS))


def _done_by_day(athlete: AthleteProfile, start: dt.date, end: dt.date) -> dict[dt.date, float]:
    """Seconds of running per local day; empty when the activities app has nothing."""
    try:
        from tagalong.activities.models import Activity
    except ImportError:  # the activities app is not installed here
        return {}
    zone = ZoneInfo(athlete.time_zone)
    lo = dt.datetime.combine(start, dt.time.min, zone)
    hi = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, zone)
    done: dict[dt.date, float] = defaultdict(float)
    rows = Activity.objects.filter(
        athlete=athlete, start__gte=lo, start__lt=hi, sport__in=RUN_SPORTS
    ).values_list("start", "duration_s")
    for start_at, seconds in rows:
        done[start_at.astimezone(zone).date()] += seconds
    return done


def compliance_by_session(
    athlete: AthleteProfile, sessions: Iterable[PlanSession], today: dt.date
) -> dict[int, Compliance]:
    """Planned vs done for past run sessions (neutral words from trainingload.compliance)."""
    runs = [s for s in sessions if s.kind == "run" and s.duration_min > 0 and s.date <= today]
    if not runs:
        return {}
    done = _done_by_day(athlete, min(s.date for s in runs), max(s.date for s in runs))
    out = {}
    for s in runs:
        completed = done.get(s.date)
        if completed is None and s.date == today:
            continue  # the day is not over yet
        out[s.pk] = compliance(planned=s.duration_min * 60, completed=completed)
    return out
