"""The export button on the athlete page, for the coach who manages the athlete."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from tagalong.access.policy import Access, access_to_athlete
from tagalong.athletes.models import AthleteProfile


def export_section(request: HttpRequest, athlete: AthleteProfile) -> dict[str, Any] | None:
    if request.user.pk == athlete.user_id:
        return None  # the runner's own button is in Settings
    if access_to_athlete(request.user, athlete) is not Access.WRITE:
        return None
    return {}
