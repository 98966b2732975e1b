"""Building blocks for the programme tests."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from tagalong.accounts.models import User
from tagalong.assessments.models import Intake, TestResult, TestSession
from tagalong.athletes.models import AthleteProfile
from tagalong.programmes.demo import endurance_template, weekly_clinic
from tagalong.programmes.models import Programme, ScheduleMode, Stage
from tagalong.programmes.services import advance, create_programme


def next_monday(weeks: int = 1) -> dt.date:
    today = timezone.localdate()
    return today + dt.timedelta(days=7 - today.weekday() + 7 * (weeks - 1))


def programme(
    coach: User,
    *,
    capacity: int = 10,
    publish: bool = True,
    clinic: bool = True,
    weeks: int = 8,
    **extra: Any,
) -> Programme:
    start = extra.pop("start_date", next_monday())
    session_types = []
    if clinic:
        evening = dt.datetime.combine(start + dt.timedelta(days=2), dt.time(18, 30))
        session_types = [
            weekly_clinic(
                coach,
                first=evening.replace(tzinfo=ZoneInfo("Europe/London")),
                tz_name="Europe/London",
                weeks=weeks,
            )
        ]
    fields: dict[str, Any] = {
        "title": "Help Mom build her endurance",
        "description": "Eight weeks together.",
        "audience": "Mothers, beginners and seasoned runners.",
        "template": endurance_template(coach, weeks),
        "schedule_mode": ScheduleMode.COHORT,
        "start_date": start,
        "weeks": weeks,
        "capacity": capacity,
        "time_zone": "Europe/London",
        **extra,
    }
    made = create_programme(coach=coach, session_types=session_types, **fields)
    if publish:
        advance(programme=made, by=coach, to=Stage.PUBLISHED, today=timezone.localdate())
        made.refresh_from_db()
    return made


def intake(athlete: AthleteProfile, **extra: Any) -> Intake:
    fields: dict[str, Any] = {
        "goal": "general",
        "available_days": ["tue", "wed", "thu", "sat", "sun"],
        "available_minutes": 60,
        "weekly_km": 20,
        "longest_run_km_30d": 8,
        "runs_per_week": 3,
        "recent_race_km": 5,
        "recent_race_minutes": 28,
        **extra,
    }
    return Intake.objects.create(athlete=athlete, submitted_by=athlete.user, **fields)


def home_tests(athlete: AthleteProfile, heel_raise: float = 28, bridge: float = 25) -> TestSession:
    session = TestSession.objects.create(
        athlete=athlete, date=timezone.localdate(), by=athlete.user
    )
    TestResult.objects.create(
        session=session, test="heel_raise", left=heel_raise, right=heel_raise, unit="reps"
    )
    TestResult.objects.create(
        session=session, test="single_leg_bridge", left=bridge, right=bridge, unit="reps"
    )
    return session
