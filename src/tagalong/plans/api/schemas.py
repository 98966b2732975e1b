"""Shapes several plan operations answer with: a plan and its sessions."""

import datetime as dt
from typing import Literal

from ninja import Schema
from pydantic import Field

from tagalong.plans import workouts
from tagalong.plans.models import Plan, PlanSession
from tagalong.plans.selectors.evidence import said_rows

Kind = Literal["run", "strength", "mobility", "cross", "rest"]


class SessionOut(Schema):
    id: int
    date: dt.date
    kind: str
    run_type: str | None
    duration_min: float
    distance_km: float | None
    target_pace_s_per_km: tuple[float, float] | None
    hr_zone: str | None
    exercises: list[dict]
    why: list[dict]
    ical_uid: str
    ical_sequence: int
    workout: dict | None = Field(description="The steps (warm-up, work, repeats...) or null")
    workout_text: str


class PlanOut(Schema):
    id: int
    athlete_id: int
    title: str
    goal_type: str
    start: dt.date
    end: dt.date
    status: str
    current_version: int


def plan_out(plan: Plan) -> PlanOut:
    return PlanOut(
        id=plan.pk,
        athlete_id=plan.athlete_id,
        title=plan.title,
        goal_type=plan.goal_type,
        start=plan.start,
        end=plan.end,
        status=plan.status,
        current_version=plan.current_version,
    )


def session_out(s: PlanSession) -> SessionOut:
    return SessionOut(
        id=s.pk,
        date=s.date,
        kind=s.kind,
        run_type=s.run_type or None,
        duration_min=s.duration_min,
        distance_km=s.distance_km,
        target_pace_s_per_km=s.pace_range,
        hr_zone=s.hr_zone or None,
        exercises=s.exercises,
        why=said_rows(s.why),
        ical_uid=str(s.ical_uid),
        ical_sequence=s.ical_sequence,
        workout=s.workout,
        workout_text=str(workouts.workout_text(s)),
    )
