"""Reads for plans: the athlete's today, a plan or session of theirs, weeks and days."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

from django.http import Http404
from django.utils import timezone

from tagalong.athletes.models import AthleteProfile
from tagalong.plans.models import Plan, PlanSession, PlanStatus


def athlete_today(athlete: AthleteProfile, now: dt.datetime | None = None) -> dt.date:
    return (now or timezone.now()).astimezone(ZoneInfo(athlete.time_zone)).date()


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def active_plan(athlete: AthleteProfile) -> Plan | None:
    return athlete.plans.filter(status=PlanStatus.ACTIVE).order_by("-start", "-pk").first()


def plan_for(athlete: AthleteProfile, plan_id: int) -> Plan:
    plan = Plan.objects.filter(athlete=athlete, pk=plan_id).first()
    if plan is None:
        raise Http404("No such plan")
    return plan


def session_for(athlete: AthleteProfile, session_id: int) -> PlanSession:
    session = (
        PlanSession.objects.select_related("plan")
        .filter(plan__athlete=athlete, pk=session_id)
        .first()
    )
    if session is None:
        raise Http404("No such session")
    return session


def weeks_of(plan: Plan) -> list[tuple[dt.date, list[PlanSession]]]:
    """The plan's sessions by Monday-based week, empty weeks included."""
    by_week: dict[dt.date, list[PlanSession]] = defaultdict(list)
    for session in plan.sessions.all():
        by_week[monday_of(session.date)].append(session)
    weeks = []
    monday = monday_of(plan.start)
    while monday <= plan.end:
        weeks.append((monday, by_week.get(monday, [])))
        monday += dt.timedelta(days=7)
    return weeks


def calendar_weeks(start: dt.date, end: dt.date, sessions: Iterable[PlanSession]) -> list[Any]:
    """Monday-first weeks of days between ``start`` and ``end``: [[(date, [sessions])]]."""
    by_day: dict[dt.date, list[PlanSession]] = defaultdict(list)
    for s in sessions:
        by_day[s.date].append(s)
    weeks, day = [], monday_of(start)
    while day <= end:
        weeks.append(
            [(day + dt.timedelta(i), by_day.get(day + dt.timedelta(i), [])) for i in range(7)]
        )
        day += dt.timedelta(days=7)
    return weeks


def athlete_sessions(athlete: AthleteProfile, start: dt.date, end: dt.date) -> list[PlanSession]:
    return list(
        PlanSession.objects.filter(
            plan__athlete=athlete,
            plan__status=PlanStatus.ACTIVE,
            date__gte=start,
            date__lte=end,
        ).select_related("plan")
    )
