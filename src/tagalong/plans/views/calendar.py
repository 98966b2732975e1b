"""The athlete's calendar: a month or a week of plan sessions and other items."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tagalong.access import rules
from tagalong.access.policy import athlete_for
from tagalong.plans import calendar_items
from tagalong.plans.selectors.done import compliance_by_session
from tagalong.plans.selectors.lookups import athlete_sessions, athlete_today, monday_of


@rules.athlete_scoped
def calendar(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id)
    today = athlete_today(athlete)
    view = "week" if request.GET.get("view") == "week" else "month"
    try:
        anchor = dt.date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        anchor = today
    if view == "week":
        start = monday_of(anchor)
        end = start + dt.timedelta(days=6)
        prev, nxt = start - dt.timedelta(days=7), start + dt.timedelta(days=7)
    else:
        start = anchor.replace(day=1)
        end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        prev, nxt = (start - dt.timedelta(days=1)).replace(day=1), end + dt.timedelta(days=1)
    first, last = monday_of(start), monday_of(end) + dt.timedelta(days=6)
    sessions = athlete_sessions(athlete, first, last)
    compliance = compliance_by_session(athlete, sessions, today)
    items = calendar_items.items_between(athlete, first, last, sessions, compliance)
    weeks = calendar_items.weeks_of(start, end, items)
    # On a phone the month is one week strip and the sessions of one day: the chosen day, else
    # today when it is in this month, else the first of the month.
    try:
        day = dt.date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        day = today if start <= today <= end else start
    day = min(max(day, first), last)
    strip = next(week for week in weeks if week[0][0] <= day <= week[6][0])
    context = {
        "athlete": athlete,
        "view": view,
        "start": start,
        "end": end,
        "prev": prev,
        "next": nxt,
        "today": today,
        "weeks": weeks,
        "day": day,
        "strip": strip,
        "kinds": list(calendar_items.KIND_WORDS.items()),
        "day_items": next(items for d, items in strip if d == day),
        "strip_prev": day - dt.timedelta(days=7),
        "strip_next": day + dt.timedelta(days=7),
    }
    return render(request, "plans/calendar.html", context)
