"""Plan operations: list an athlete's plans, generate one, read one, change a session."""

import datetime as dt
from typing import Literal

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext
from ninja import Query, Schema, Status
from pydantic import Field

from tagalong.access import rules
from tagalong.access.policy import athlete_for
from tagalong.api.pagination import PageQuery, one_page
from tagalong.api.schemas import ERRORS
from tagalong.errors import DomainError
from tagalong.plangen.jsonio import GOAL_TYPES
from tagalong.plans import builder
from tagalong.plans.api.router import coach_of, router, session_in_plan
from tagalong.plans.api.schemas import Kind, PlanOut, SessionOut, plan_out, session_out
from tagalong.plans.models import Plan
from tagalong.plans.selectors.limits import limit_warnings
from tagalong.plans.selectors.lookups import plan_for
from tagalong.plans.services.edits import add_exercise
from tagalong.plans.services.generation import generate_for_athlete

GoalType = Literal["5k", "10k", "half", "marathon", "endurance", "return_to_run", "postnatal"]
assert set(GoalType.__args__) == set(GOAL_TYPES)  # type: ignore[attr-defined]


class PlanDetailOut(PlanOut):
    sessions: list[SessionOut]
    limit_warnings: list[dict]


class CurrentIn(Schema):
    weekly_km: float = Field(ge=0, le=300)
    longest_run_km_30d: float = Field(ge=0, le=100)
    runs_per_week: int = Field(ge=0, le=14)


class RaceIn(Schema):
    distance_m: float = Field(ge=800, le=100_000)
    time_s: float = Field(ge=60, le=100_000)


class GenerateIn(Schema):
    goal: GoalType
    start: dt.date
    weeks: int | None = Field(default=None, ge=4, le=30)
    race_date: dt.date | None = None
    weeks_postnatal: int | None = Field(default=None, ge=0, le=520)
    walk_breaks: bool = False  # a finish goal: long runs and the race with walk breaks
    availability: dict[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"], int]
    current: CurrentIn
    recent_race: RaceIn | None = None


class ExerciseIn(Schema):
    """A library slug, or ``custom-<id>`` for one of the coach's practice's own exercises.
    Dosage fields left out take the exercise's own dosage."""

    slug: str = Field(min_length=1, max_length=80)
    sets: int | None = Field(default=None, ge=1, le=10)
    reps: int | None = Field(default=None, ge=1, le=100)
    hold_s: int | None = Field(default=None, ge=1, le=600)
    load: str | None = Field(default=None, max_length=60)


class SessionPatch(Schema):
    date: dt.date | None = None
    kind: Kind | None = None
    run_type: str | None = Field(default=None, max_length=16)
    duration_min: float | None = Field(default=None, ge=0, le=600)
    distance_km: float | None = Field(default=None, ge=0, le=100)
    target_pace_s_per_km: tuple[float, float] | None = None
    hr_zone: str | None = Field(default=None, max_length=16)
    add_exercises: list[ExerciseIn] = Field(default_factory=list, max_length=20)


@router.get(
    "/athletes/{athlete_id}/plans",
    response={200: list[PlanOut], **ERRORS},
    summary="Plans",
    operation_id="tagalong_plans_api_list_plans",
)
@rules.athlete_scoped
def list_plans(
    request: HttpRequest, athlete_id: int, response: HttpResponse, page: Query[PageQuery]
) -> list[PlanOut]:
    athlete = athlete_for(request.user, athlete_id)
    return [plan_out(p) for p in one_page(request, response, athlete.plans.all(), page)]


@router.post(
    "/athletes/{athlete_id}/plans",
    response={201: PlanDetailOut, **ERRORS},
    summary="Generate a plan",
    operation_id="tagalong_plans_api_generate_plan",
)
@rules.athlete_scoped
def generate_plan(request: HttpRequest, athlete_id: int, payload: GenerateIn) -> Status:
    athlete = athlete_for(request.user, athlete_id, write=True)
    by = coach_of(request)
    for day, minutes in payload.availability.items():
        if minutes <= 0:
            raise DomainError(
                gettext(
                    "availability.%(day)s: 0 minutes; leave the day out for a "
                    "rest day, or give its minutes"
                )
                % {"day": day},
                field=f"availability.{day}",
            )
    plan = generate_for_athlete(
        athlete=athlete,
        by=by,
        goal=payload.goal,
        start=payload.start,
        weeks=payload.weeks,
        race_date=payload.race_date,
        weeks_postnatal=payload.weeks_postnatal,
        walk_breaks=payload.walk_breaks,
        availability=dict(payload.availability),
        current=payload.current.dict(),
        recent_race=payload.recent_race.dict() if payload.recent_race else None,
    )
    return Status(201, _detail(plan, warnings=False))


def _detail(plan: Plan, *, warnings: bool) -> PlanDetailOut:
    return PlanDetailOut(
        **plan_out(plan).dict(),
        sessions=[session_out(s) for s in plan.sessions.all()],
        limit_warnings=limit_warnings(plan) if warnings else [],
    )


@router.get(
    "/athletes/{athlete_id}/plans/{plan_id}",
    response={200: PlanDetailOut, **ERRORS},
    summary="One plan with its sessions",
    operation_id="tagalong_plans_api_get_plan",
)
@rules.athlete_scoped
def get_plan(request: HttpRequest, athlete_id: int, plan_id: int) -> PlanDetailOut:
    athlete = athlete_for(request.user, athlete_id)
    return _detail(plan_for(athlete, plan_id), warnings=True)


@router.patch(
    "/athletes/{athlete_id}/plans/{plan_id}/sessions/{session_id}",
    response={200: SessionOut, **ERRORS},
    summary="Move a session, change its targets or add exercises",
    operation_id="tagalong_plans_api_patch_session",
)
@rules.athlete_scoped
def patch_session(
    request: HttpRequest, athlete_id: int, plan_id: int, session_id: int, payload: SessionPatch
) -> SessionOut:
    athlete = athlete_for(request.user, athlete_id, write=True)
    by = coach_of(request)
    _, session = session_in_plan(athlete, plan_id, session_id)
    data = payload.dict(exclude_unset=True)
    new_date = data.pop("date", None)
    exercises = [e.dict() for e in payload.add_exercises]
    data.pop("add_exercises", None)
    if "target_pace_s_per_km" in data:
        data["pace_range"] = data.pop("target_pace_s_per_km")
    with transaction.atomic():  # one request, all or nothing: a refused exercise undoes the rest
        if data:
            session = builder.change_session(session=session, by=by, changes=data)
        for exercise in exercises:
            session = add_exercise(session=session, by=by, **exercise)
        if new_date is not None and new_date != session.date:
            session = builder.move_session(session=session, to=new_date, by=by)
    return session_out(session)
