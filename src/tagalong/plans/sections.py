from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest

from tagalong.athletes.models import AthleteProfile
from tagalong.plans import selectors


def this_week(request: HttpRequest, athlete: AthleteProfile) -> dict[str, Any] | None:
    """This week's sessions (Monday first, in the athlete's zone); hidden without a plan."""
    if selectors.active_plan(athlete) is None:
        return None
    today = selectors.athlete_today(athlete)
    monday = selectors.monday_of(today)
    sessions = selectors.athlete_sessions(athlete, monday, monday + dt.timedelta(days=6))
    return {
        "sessions": sessions,
        "compliance": selectors.compliance_by_session(athlete, sessions, today),
    }
