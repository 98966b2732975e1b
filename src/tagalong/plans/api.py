import datetime as dt
from typing import Literal

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Query, Router, Schema, Status
from pydantic import Field

from tagalong.access import rules
from tagalong.access.policy import athlete_for
from tagalong.accounts.models import User
from tagalong.api.pagination import PageQuery, one_page
from tagalong.api.schemas import ERRORS
from tagalong.athletes.models import AthleteProfile
from tagalong.errors import DomainError
from tagalong.plangen.jsonio import GOAL_TYPES
from tagalong.plans import builder, selectors, services, workouts
from tagalong.plans import proposals as adaptation
from tagalong.plans.models import Plan, PlanSession, Proposal, Template

router = Router(tags=["plans"])

GoalType = Literal["5k", "10k", "half", "marathon", "endurance", "return_to_run", "postnatal"]
assert set(GoalType.__args__) == set(GOAL_TYPES)  # type: ignore[attr-defined]
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


class TemplateOut(Schema):
    id: int
    name: str
    goal_type: str
    sessions: int


class TemplateIn(Schema):
    athlete_id: int
    plan_id: int
    name: str = Field(min_length=1, max_length=200)


class FeedOut(Schema):
    url: str | None


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
        why=s.why,
        ical_uid=str(s.ical_uid),
        ical_sequence=s.ical_sequence,
        workout=s.workout,
        workout_text=workouts.workout_text(s),
    )


def session_in_plan(
    athlete: AthleteProfile, plan_id: int, session_id: int
) -> tuple[Plan, PlanSession]:
    plan = selectors.plan_for(athlete, plan_id)
    session = plan.sessions.select_related("plan").filter(pk=session_id).first()
    if session is None:
        raise Http404("No such session in this plan")
    return plan, session


def coach_of(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    if not request.user.is_coach:
        rules.forbid("Only the athlete's coach changes the plan.")
    return request.user


@router.get(
    "/athletes/{athlete_id}/plans", response={200: list[PlanOut], **ERRORS}, summary="Plans"
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
)
@rules.athlete_scoped
def generate_plan(request: HttpRequest, athlete_id: int, payload: GenerateIn) -> Status:
    athlete = athlete_for(request.user, athlete_id, write=True)
    by = coach_of(request)
    for day, minutes in payload.availability.items():
        if minutes <= 0:
            raise DomainError(
                f"availability.{day}: 0 minutes; leave the day out for a rest day, or give "
                "its minutes",
                field=f"availability.{day}",
            )
    plan = services.generate_for_athlete(
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
        limit_warnings=selectors.limit_warnings(plan) if warnings else [],
    )


@router.get(
    "/athletes/{athlete_id}/plans/{plan_id}",
    response={200: PlanDetailOut, **ERRORS},
    summary="One plan with its sessions",
)
@rules.athlete_scoped
def get_plan(request: HttpRequest, athlete_id: int, plan_id: int) -> PlanDetailOut:
    athlete = athlete_for(request.user, athlete_id)
    return _detail(selectors.plan_for(athlete, plan_id), warnings=True)


@router.patch(
    "/athletes/{athlete_id}/plans/{plan_id}/sessions/{session_id}",
    response={200: SessionOut, **ERRORS},
    summary="Move a session, change its targets or add exercises",
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
            session = services.add_exercise(session=session, by=by, **exercise)
        if new_date is not None and new_date != session.date:
            session = builder.move_session(session=session, to=new_date, by=by)
    return session_out(session)


@router.get("/templates", response={200: list[TemplateOut], **ERRORS}, summary="My templates")
@rules.coach
def list_templates(
    request: HttpRequest, response: HttpResponse, page: Query[PageQuery]
) -> list[TemplateOut]:
    mine = Template.objects.filter(coach=request.user)
    return [
        TemplateOut(id=t.pk, name=t.name, goal_type=t.goal_type, sessions=len(t.weeks))
        for t in one_page(request, response, mine, page)
    ]


@router.post(
    "/templates", response={201: TemplateOut, **ERRORS}, summary="Save a plan as a template"
)
@rules.coach
def create_template(request: HttpRequest, payload: TemplateIn) -> Status:
    athlete = athlete_for(request.user, payload.athlete_id, write=True)
    plan = selectors.plan_for(athlete, payload.plan_id)
    assert isinstance(request.user, User)
    t = services.save_as_template(plan=plan, by=request.user, name=payload.name)
    return Status(
        201, TemplateOut(id=t.pk, name=t.name, goal_type=t.goal_type, sessions=len(t.weeks))
    )


def _feed_out(request: HttpRequest, token: str | None) -> FeedOut:
    if token is None:
        return FeedOut(url=None)
    return FeedOut(url=request.build_absolute_uri(reverse("plans:feed", kwargs={"token": token})))


@router.get(
    "/athletes/{athlete_id}/calendar-feed",
    response={200: FeedOut, **ERRORS},
    summary="The private calendar feed URL",
)
@rules.athlete_scoped
def get_feed(request: HttpRequest, athlete_id: int) -> FeedOut:
    athlete = athlete_for(request.user, athlete_id, write=True)
    live = selectors.live_feed_token(athlete)
    return _feed_out(request, live.token if live else None)


@router.post(
    "/athletes/{athlete_id}/calendar-feed",
    response={201: FeedOut, **ERRORS},
    summary="Make a new feed URL (the old one stops working)",
)
@rules.athlete_scoped
def rotate_feed(request: HttpRequest, athlete_id: int) -> Status:
    athlete = athlete_for(request.user, athlete_id, write=True)
    assert isinstance(request.user, User)
    token = services.rotate_feed_token(athlete=athlete, by=request.user)
    return Status(201, _feed_out(request, token.token))


# --- adaptation proposals ---------------------------------------------------------------------

ProposalState = Literal["proposed", "approved", "rejected", "applied"]


class ProposalOut(Schema):
    id: int
    plan_id: int
    athlete_id: int
    trigger: str
    source: str
    status: str
    summary: str
    reasons: list[dict]
    changes: list[dict]
    applied: list[dict]
    created_at: dt.datetime
    decided_at: dt.datetime | None
    note: str
    held: bool = Field(
        default=False, description="Open, but held: a red flag has paused the athlete's plan."
    )


class DecisionIn(Schema):
    note: str = Field(default="", max_length=300)


class AdaptationIO(Schema):
    auto_apply: bool


def proposal_out(p: Proposal, held: bool = False) -> ProposalOut:
    return ProposalOut(
        id=p.pk,
        plan_id=p.plan_id,
        athlete_id=p.plan.athlete_id,
        trigger=p.trigger,
        source=p.source,
        status=p.status,
        summary=p.summary,
        reasons=p.reasons,
        changes=p.changes,
        applied=p.applied,
        created_at=p.created_at,
        decided_at=p.decided_at,
        note=p.note,
        held=held and p.is_open,
    )


@router.get(
    "/athletes/{athlete_id}/proposals",
    response={200: list[ProposalOut], **ERRORS},
    summary="Proposed and decided plan changes, newest first",
)
@rules.athlete_scoped
def list_proposals(
    request: HttpRequest,
    athlete_id: int,
    response: HttpResponse,
    page: Query[PageQuery],
    status: ProposalState | None = None,
) -> list[ProposalOut]:
    athlete = athlete_for(request.user, athlete_id)
    found = selectors.athlete_proposals(athlete, status)
    held = bool(selectors.paused_athletes({athlete.pk}))
    return [proposal_out(p, held) for p in one_page(request, response, found, page)]


@router.post(
    "/athletes/{athlete_id}/proposals/{proposal_id}/approve",
    response={200: ProposalOut, **ERRORS},
    summary="Approve a proposal: its changes become a new plan version",
)
@rules.athlete_scoped
def approve_proposal(request: HttpRequest, athlete_id: int, proposal_id: int) -> ProposalOut:
    athlete = athlete_for(request.user, athlete_id, write=True)
    by = coach_of(request)
    proposal = selectors.proposal_for(athlete, proposal_id)
    return proposal_out(adaptation.approve(proposal=proposal, by=by))


@router.post(
    "/athletes/{athlete_id}/proposals/{proposal_id}/reject",
    response={200: ProposalOut, **ERRORS},
    summary="Reject a proposal: the plan stays as it is",
)
@rules.athlete_scoped
def reject_proposal(
    request: HttpRequest, athlete_id: int, proposal_id: int, payload: DecisionIn
) -> ProposalOut:
    athlete = athlete_for(request.user, athlete_id, write=True)
    by = coach_of(request)
    proposal = selectors.proposal_for(athlete, proposal_id)
    return proposal_out(adaptation.reject(proposal=proposal, by=by, note=payload.note))


@router.get(
    "/athletes/{athlete_id}/plan-adaptation",
    response={200: AdaptationIO, **ERRORS},
    summary="Whether proposed changes are made without approval",
)
@rules.athlete_scoped
def get_adaptation(request: HttpRequest, athlete_id: int) -> AdaptationIO:
    athlete = athlete_for(request.user, athlete_id)
    return AdaptationIO(auto_apply=selectors.auto_apply_on(athlete))


@router.put(
    "/athletes/{athlete_id}/plan-adaptation",
    response={200: AdaptationIO, **ERRORS},
    summary="Switch auto-apply of proposed changes on or off (the coach)",
)
@rules.athlete_scoped
def put_adaptation(request: HttpRequest, athlete_id: int, payload: AdaptationIO) -> AdaptationIO:
    athlete = athlete_for(request.user, athlete_id, write=True)
    by = coach_of(request)
    setting = adaptation.set_auto_apply(athlete=athlete, by=by, enabled=payload.auto_apply)
    return AdaptationIO(auto_apply=setting.auto_apply)


# The builder's operations live beside this module, on the same router.
from tagalong.plans import builder_api  # noqa: E402, F401
