from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from tagalong.athletes.models import AthleteProfile
from tagalong.attention.red_flags import open_red_flag
from tagalong.attention.selectors import athlete_signals, notes_of


def build_section(request: HttpRequest, athlete: AthleteProfile) -> dict[str, Any] | None:
    """The coach's view of an athlete: open reasons and notes. The runner sees only the pause."""
    flag = open_red_flag(athlete)
    if not getattr(request.user, "is_coach", False) and not getattr(
        request.user, "is_platform_staff", False
    ):
        return {"open": [], "notes": [], "red_flag": flag, "runner": True} if flag else None
    today = timezone.localdate()
    return {
        "open": [s for s in athlete_signals(athlete) if s.is_open_on(today)],
        "notes": notes_of(athlete, limit=3),
        "red_flag": flag,
        "runner": False,
    }
