"""The activities section of the athlete pages: recent runs and the current load."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from tagalong.access.policy import Access, access_to_athlete
from tagalong.activities import selectors
from tagalong.athletes.models import AthleteProfile


def build_section(request: HttpRequest, athlete: AthleteProfile) -> dict[str, Any] | None:
    return {
        "recent": list(selectors.activities_of(athlete)[:5]),
        "load": selectors.latest_load(athlete),
        "can_edit": access_to_athlete(request.user, athlete) is Access.WRITE,
    }
