"""API operations of the plan builder, on the plans router: add, copy and remove sessions,
copy a week, and set a run's workout steps. Each answers with the limit warnings after it."""

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Schema, Status
from pydantic import Field

from tagalong.access import rules
from tagalong.access.policy import athlete_for
from tagalong.api.schemas import ERRORS, Said
from tagalong.plans import builder
from tagalong.plans.api.router import coach_of, router, session_in_plan
from tagalong.plans.api.schemas import Kind, SessionOut, session_out
from tagalong.plans.models import Plan
from tagalong.plans.selectors.limits import limit_warnings
from tagalong.plans.selectors.lookups import plan_for
from tagalong.plans.services import edits


class LimitWarning(Schema):
    rule: str
    text: Said
    evidence: list[dict[str, Any]]


class EditedOut(Schema):
    session: SessionOut
    limit_warnings: list[LimitWarning]


class WeekCopiedOut(Schema):
    sessions: list[SessionOut]
    limit_warnings: list[LimitWarning]


class WarningsOut(Schema):
    limit_warnings: list[LimitWarning]


class NewSessionIn(Schema):
    date: dt.date
    kind: Kind
    run_type: str = Field(default="", max_length=16)
    duration_min: float = Field(default=0, ge=0, le=600)
    target_pace_s_per_km: tuple[float, float] | None = None
    hr_zone: str = Field(default="", max_length=16)


class CopyIn(Schema):
    date: dt.date


class CopyWeekIn(Schema):
    source: dt.date = Field(description="The Monday of the week to copy")
    target: dt.date = Field(description="The Monday of the week it replaces")


class TargetIn(Schema):
    type: Literal["pace", "heart_rate", "effort"]
    fast_s_per_km: float | None = None
    slow_s_per_km: float | None = None
    low_bpm: int | None = None
    high_bpm: int | None = None
    rpe: int | None = None


class StepIn(Schema):
    type: Literal["step"] = "step"
    kind: Literal["warmup", "work", "recovery", "cooldown", "rest"]
    seconds: float | None = Field(default=None, description="Give seconds or metres")
    metres: float | None = None
    target: TargetIn | None = None
    note: str = Field(default="", max_length=80)


class RepeatIn(Schema):
    type: Literal["repeat"]
    times: int = Field(description="How many times the steps run, 1–50")
    steps: list[StepIn]


class WorkoutIn(Schema):
    name: str = Field(default="", max_length=60, description="Empty: the session's name")
    steps: list[RepeatIn | StepIn] = Field(max_length=60)


def _edited(plan: Plan, session: Any) -> EditedOut:
    return EditedOut(session=session_out(session), limit_warnings=limit_warnings(plan))


@router.post(
    "/athletes/{athlete_id}/plans/{plan_id}/sessions",
    response={201: EditedOut, **ERRORS},
    summary="Add a session (run, strength, mobility, cross-training or rest) on a day",
    operation_id="tagalong_plans_builder_api_add_session",
)
@rules.athlete_scoped
def add_session(
    request: HttpRequest, athlete_id: int, plan_id: int, payload: NewSessionIn
) -> Status:
    athlete = athlete_for(request.user, athlete_id, write=True)
    by = coach_of(request)
    plan = plan_for(athlete, plan_id)
    session = builder.add_session(
        plan=plan,
        by=by,
        day=payload.date,
        kind=payload.kind,
        run_type=payload.run_type,
        duration_min=payload.duration_min,
        pace_range=payload.target_pace_s_per_km,
        hr_zone=payload.hr_zone,
    )
    return Status(201, _edited(plan, session))


@router.post(
    "/athletes/{athlete_id}/plans/{plan_id}/sessions/{session_id}/copy",
    response={201: EditedOut, **ERRORS},
    summary="Copy a session onto another day",
    operation_id="tagalong_plans_builder_api_copy_session",
)
@rules.athlete_scoped
def copy_session(
    request: HttpRequest, athlete_id: int, plan_id: int, session_id: int, payload: CopyIn
) -> Status:
    athlete = athlete_for(request.user, athlete_id, write=True)
    by = coach_of(request)
    plan, session = session_in_plan(athlete, plan_id, session_id)
    copy = builder.copy_session(session=session, to=payload.date, by=by)
    return Status(201, _edited(plan, copy))


@router.delete(
    "/athletes/{athlete_id}/plans/{plan_id}/sessions/{session_id}",
    response={200: WarningsOut, **ERRORS},
    summary="Remove a session",
    operation_id="tagalong_plans_builder_api_delete_session",
)
@rules.athlete_scoped
def delete_session(
    request: HttpRequest, athlete_id: int, plan_id: int, session_id: int
) -> WarningsOut:
    athlete = athlete_for(request.user, athlete_id, write=True)
    by = coach_of(request)
    plan, session = session_in_plan(athlete, plan_id, session_id)
    edits.delete_session(session=session, by=by)
    return WarningsOut(limit_warnings=limit_warnings(plan))


@router.put(
    "/athletes/{athlete_id}/plans/{plan_id}/sessions/{session_id}/workout",
    response={200: EditedOut, **ERRORS},
    summary="Set a run's workout steps; its time and distance become their totals",
    operation_id="tagalong_plans_builder_api_put_workout",
)
@rules.athlete_scoped
def put_workout(
    request: HttpRequest, athlete_id: int, plan_id: int, session_id: int, payload: WorkoutIn
) -> EditedOut:
    athlete = athlete_for(request.user, athlete_id, write=True)
    by = coach_of(request)
    plan, session = session_in_plan(athlete, plan_id, session_id)
    workout = payload.dict(exclude_none=True)
    workout["name"] = workout.get("name") or session.label
    updated = builder.set_workout(session=session, by=by, workout=workout)
    return _edited(plan, updated)


@router.post(
    "/athletes/{athlete_id}/plans/{plan_id}/weeks/copy",
    response={201: WeekCopiedOut, **ERRORS},
    summary="Copy a week onto another (that week's sessions are replaced)",
    operation_id="tagalong_plans_builder_api_copy_week",
)
@rules.athlete_scoped
def copy_week(request: HttpRequest, athlete_id: int, plan_id: int, payload: CopyWeekIn) -> Status:
    athlete = athlete_for(request.user, athlete_id, write=True)
    by = coach_of(request)
    plan = plan_for(athlete, plan_id)
    copies = edits.copy_week(plan=plan, source=payload.source, target=payload.target, by=by)
    return Status(
        201,
        WeekCopiedOut(
            sessions=[session_out(s) for s in copies], limit_warnings=limit_warnings(plan)
        ),
    )
