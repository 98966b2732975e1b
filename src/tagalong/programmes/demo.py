"""Demo programme: "Help Mom build her endurance", 8 weeks, with a weekly group calf clinic."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from tagalong.accounts.models import User

if TYPE_CHECKING:
    from tagalong.bookings.models import SessionType
    from tagalong.demo import DemoWorld
    from tagalong.plans.models import Template

TITLE = "Help Mom build her endurance"
DESCRIPTION = (
    "Eight weeks of easy running, a weekly long run and calf strength, built around each "
    "runner's own tests. Every week there is a group calf clinic over video."
)
AUDIENCE = "Mothers new to running and seasoned runners alike; a postnatal start is respected."
WHY_EASY = [
    {
        "text": "Most running easy builds endurance safely.",
        "evidence": ["periodisation.plan.easy_share"],
    }
]
WHY_CALF = [
    {
        "text": "Calf strength twice a week protects the calves as running grows.",
        "evidence": ["periodisation.plan.calf_strength_frequency"],
    }
]


def _row(week: int, weekday: int, kind: str, minutes: int, **extra: Any) -> dict[str, Any]:
    return {
        "week": week,
        "weekday": weekday,
        "kind": kind,
        "run_type": extra.get("run_type"),
        "duration_min": minutes,
        "distance_km": None,
        "target_pace_s_per_km": None,
        "hr_zone": "Z2" if kind == "run" else None,
        "ladder_level": extra.get("ladder_level"),
        "exercises": [],
        "workout": None,
        "why": WHY_EASY if kind == "run" else WHY_CALF,
    }


def endurance_rows(weeks: int = 8) -> list[dict[str, Any]]:
    """Three runs and two calf sessions a week; the long run grows, every fourth week eases."""
    rows = []
    for week in range(weeks):
        easier = week % 4 == 3
        long_min = 30 + 5 * week - (10 if easier else 0)
        rows += [
            _row(week, 1, "run", 25 if easier else 30, run_type="easy"),
            _row(week, 2, "strength", 20, ladder_level=2),
            _row(week, 3, "run", 25 if easier else 30, run_type="easy"),
            _row(week, 5, "strength", 20, ladder_level=2),
            _row(week, 6, "run", long_min, run_type="long"),
        ]
    return rows


def endurance_template(coach: User, weeks: int = 8) -> Template:
    from tagalong.plans.models import Template

    return Template.objects.create(
        coach=coach,
        name=f"{TITLE} ({weeks} weeks)",
        goal_type="endurance",
        weeks=endurance_rows(weeks),
    )


def weekly_clinic(coach: User, *, first: dt.datetime, tz_name: str, weeks: int = 8) -> SessionType:
    from tagalong.bookings.models import Audience, Kind, SessionType
    from tagalong.bookings.services import create_class

    session_type = SessionType.objects.create(
        coach=coach,
        name="Group calf clinic",
        duration_min=45,
        kind=Kind.GROUP,
        capacity=20,
        audience=Audience.OWN_ATHLETES,
    )
    create_class(
        coach=coach,
        session_type=session_type,
        start=first,
        tz_name=tz_name,
        now=timezone.now(),
        rrule=f"FREQ=WEEKLY;COUNT={weeks}",
    )
    return session_type


def add_demo_programme(world: DemoWorld) -> None:
    from tagalong.bookings.services import ensure_coach_setup
    from tagalong.programmes.models import Programme, ScheduleMode, Stage
    from tagalong.programmes.services import advance, create_programme

    if not world.coaches or Programme.objects.filter(title=TITLE).exists():
        return
    coach = world.coaches[0]
    tz_name = ensure_coach_setup(coach=coach).time_zone
    today = timezone.localdate()
    # next Monday: eight weekly clinics fit in the default 60-day booking horizon
    start = today + dt.timedelta(days=7 - today.weekday())
    evening = dt.datetime.combine(start + dt.timedelta(days=2), dt.time(18, 30))
    from zoneinfo import ZoneInfo

    clinic = weekly_clinic(coach, first=evening.replace(tzinfo=ZoneInfo(tz_name)), tz_name=tz_name)
    programme = create_programme(
        coach=coach,
        session_types=[clinic],
        title=TITLE,
        description=DESCRIPTION,
        audience=AUDIENCE,
        template=endurance_template(coach),
        schedule_mode=ScheduleMode.COHORT,
        start_date=start,
        weeks=8,
        capacity=20,
        time_zone=tz_name,
    )
    advance(programme=programme, by=coach, to=Stage.PUBLISHED, today=today)
