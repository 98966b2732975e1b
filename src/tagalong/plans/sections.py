from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest

from tagalong.athletes.models import AthleteProfile
from tagalong.plans.selectors.done import compliance_by_session
from tagalong.plans.selectors.lookups import active_plan, athlete_sessions, athlete_today, monday_of


def this_week(request: HttpRequest, athlete: AthleteProfile) -> dict[str, Any] | None:
    """This week's sessions (Monday first, in the athlete's zone); hidden without a plan."""
    if active_plan(athlete) is None:
        return None
    today = athlete_today(athlete)
    monday = monday_of(today)
    sessions = athlete_sessions(athlete, monday, monday + dt.timedelta(days=6))
    return {
        "sessions": sessions,
        "compliance": compliance_by_session(athlete, sessions, today),
    }
