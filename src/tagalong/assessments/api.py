from datetime import date, datetime
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import get_language, gettext
from ninja import Query, Router, Schema, Status
from pydantic import Field

from tagalong import advice, exercises
from tagalong.access import rules
from tagalong.access.policy import (
    Access,
    access_to_custom_exercise,
    athlete_for,
    custom_exercise_for,
    visible_custom_exercises,
)
from tagalong.accounts.models import User
from tagalong.api.pagination import PageQuery, one_page
from tagalong.api.schemas import ERRORS
from tagalong.assessments import selectors, services
from tagalong.assessments.models import CalfCheckRun, CustomExercise, Goal, Intake, TestSession
from tagalong.calfcheck import in_words, said_again
from tagalong.errors import DomainError

router = Router(tags=["assessments"])


class IntakeIn(Schema):
    goal: str = Goal.GENERAL
    race_date: date | None = None
    runs_per_week: int | None = Field(default=None, ge=0, le=21)
    weekly_km: float | None = Field(default=None, ge=0, le=400)
    longest_run_km_30d: float | None = Field(default=None, ge=0.1, le=500)
    recent_race_km: float | None = Field(default=None, ge=0)
    recent_race_minutes: float | None = Field(default=None, ge=0)
    injury_history: list[dict[str, Any]] = []
    concerns: dict[str, Any] = {}
    available_days: list[str] = []
    available_minutes: int | None = Field(default=None, ge=0, le=600)
    equipment: list[str] = []
    weeks_since_birth: int | None = Field(default=None, ge=0, le=520)
    red_flags: list[str] = []


class IntakeOut(IntakeIn):
    id: int
    created_at: datetime
    reviewed_at: datetime | None


class Pair(Schema):
    left: float
    right: float


class TestsIn(Schema):
    date: date
    protocol_version: str = "1"
    results: dict[str, Pair]


class ResultOut(Schema):
    test: str
    left: float
    right: float
    unit: str
    lsi_pct: float | None


class TestSessionOut(Schema):
    id: int
    date: date
    protocol_version: str
    results: list[ResultOut]


class CalfCheckOut(Schema):
    id: int
    created_at: datetime
    case: dict[str, Any]
    result: dict[str, Any]
    coach_note: str
    red_flag: bool


class ExerciseOut(Schema):
    slug: str
    name: str
    category: str
    cues: list[str]
    common_mistakes: list[str]
    dosage: str
    regression: str | None
    progression: str | None
    equipment: list[str]
    muscles: list[str]
    citations: list[str]


class ArticleOut(Schema):
    slug: str
    title: str
    summary: str
    html: str
    citations: list[str]


def _intake_out(i: Intake) -> IntakeOut:
    return IntakeOut(
        id=i.pk,
        created_at=i.created_at,
        reviewed_at=i.reviewed_at,
        **{name: getattr(i, name) for name in services.INTAKE_FIELDS},
    )


def _session_out(s: TestSession) -> TestSessionOut:
    return TestSessionOut(
        id=s.pk,
        date=s.date,
        protocol_version=s.protocol_version,
        results=[
            ResultOut(test=r.test, left=r.left, right=r.right, unit=r.unit, lsi_pct=r.lsi_pct)
            for r in s.results.all()
        ],
    )


def _run_out(r: CalfCheckRun) -> CalfCheckOut:
    return CalfCheckOut(
        id=r.pk,
        created_at=r.created_at,
        case=r.case,
        result=in_words(said_again(r.result, r.phrases)),
        coach_note=r.coach_note,
        red_flag=r.red_flag,
    )


@router.get("/athletes/{athlete_id}/intake", response={200: list[IntakeOut], **ERRORS})
@rules.athlete_scoped
def list_intakes(
    request: HttpRequest, athlete_id: int, response: HttpResponse, page: Query[PageQuery]
) -> list[IntakeOut]:
    athlete = athlete_for(request.user, athlete_id)
    intakes = Intake.objects.filter(athlete=athlete)
    return [_intake_out(i) for i in one_page(request, response, intakes, page)]


@router.post("/athletes/{athlete_id}/intake", response={201: IntakeOut, **ERRORS})
@rules.athlete_scoped
def post_intake(request: HttpRequest, athlete_id: int, payload: IntakeIn) -> Any:
    athlete = athlete_for(request.user, athlete_id, write=True)
    assert isinstance(request.user, User)
    if payload.goal not in Goal.values:
        raise DomainError(
            gettext("goal must be one of %(items)s.") % {"items": ", ".join(Goal.values)},
            field="goal",
        )
    intake = services.submit_intake(athlete=athlete, by=request.user, data=payload.dict())
    return Status(201, _intake_out(intake))


@router.get("/athletes/{athlete_id}/tests", response={200: list[TestSessionOut], **ERRORS})
@rules.athlete_scoped
def list_tests(
    request: HttpRequest, athlete_id: int, response: HttpResponse, page: Query[PageQuery]
) -> list[TestSessionOut]:
    athlete = athlete_for(request.user, athlete_id)
    sessions = TestSession.objects.filter(athlete=athlete).prefetch_related("results")
    return [_session_out(s) for s in one_page(request, response, sessions, page)]


@router.post("/athletes/{athlete_id}/tests", response={201: TestSessionOut, **ERRORS})
@rules.athlete_scoped
def post_tests(request: HttpRequest, athlete_id: int, payload: TestsIn) -> Any:
    athlete = athlete_for(request.user, athlete_id, write=True)
    assert isinstance(request.user, User)
    session = services.record_test_session(
        athlete=athlete,
        by=request.user,
        day=payload.date,
        protocol_version=payload.protocol_version,
        values={k: (v.left, v.right) for k, v in payload.results.items()},
    )
    return Status(201, _session_out(session))


@router.get("/athletes/{athlete_id}/calf-check", response={200: list[CalfCheckOut], **ERRORS})
@rules.athlete_scoped
def list_calf_checks(
    request: HttpRequest, athlete_id: int, response: HttpResponse, page: Query[PageQuery]
) -> list[CalfCheckOut]:
    athlete = athlete_for(request.user, athlete_id)
    runs = CalfCheckRun.objects.filter(athlete=athlete)
    return [_run_out(r) for r in one_page(request, response, runs, page)]


@router.post("/athletes/{athlete_id}/calf-check", response={201: CalfCheckOut, **ERRORS})
@rules.athlete_scoped
def post_calf_check(request: HttpRequest, athlete_id: int) -> Any:
    athlete = athlete_for(request.user, athlete_id, write=True)
    assert isinstance(request.user, User)
    today = selectors.athlete_today(athlete)
    case = selectors.build_case(athlete, today=today)
    run = services.run_calf_check(athlete=athlete, by=request.user, case=case, today=today)
    return Status(201, _run_out(run))


def _exercise_out(e: Any) -> ExerciseOut:
    # str(): a library text is a phrase, said in the reader's language (JSON would take its English)
    return ExerciseOut(
        slug=e.slug,
        name=str(e.name),
        category=e.category,
        cues=[str(c) for c in e.cues],
        common_mistakes=[str(m) for m in e.common_mistakes],
        dosage=str(e.dosage.summary()),
        regression=e.regression,
        progression=e.progression,
        equipment=list(e.equipment),
        muscles=[str(m) for m in e.muscles],
        citations=list(e.citations),
    )


@router.get("/exercises", response={200: list[ExerciseOut], **ERRORS}, auth=None)
@rules.public
def list_exercises(
    request: HttpRequest, response: HttpResponse, page: Query[PageQuery]
) -> list[ExerciseOut]:
    library = list(exercises.LIBRARY.values())
    return [_exercise_out(e) for e in one_page(request, response, library, page)]


@router.get("/exercises/{slug}", response={200: ExerciseOut, **ERRORS}, auth=None)
@rules.public
def get_exercise(request: HttpRequest, slug: str) -> Any:
    try:
        return _exercise_out(exercises.get(slug))
    except KeyError:
        raise Http404("No such exercise.") from None


@router.get("/articles/{slug}", response={200: ArticleOut, **ERRORS}, auth=None)
@rules.public
def get_article(request: HttpRequest, slug: str) -> Any:
    try:
        a = advice.get(slug, get_language())
    except KeyError:
        raise Http404("No such article.") from None
    return ArticleOut(
        slug=a.slug,
        title=a.title,
        summary=a.summary,
        html=advice.render_html(a),
        citations=list(a.citations),
    )


# --- coaches' own exercises ---------------------------------------------------------------------


class CustomExerciseIn(Schema):
    name: str
    category: str
    description: str = ""
    cues: list[str]
    common_mistakes: list[str] = []
    regression: str = ""
    progression: str = ""
    equipment: list[str]
    muscles: list[str]
    sets: int = 3
    reps: int | None = None
    hold_s: int | None = None
    tempo: str = ""
    load: str = ""
    frequency: str = "3 sessions a week"


class CustomExerciseOut(CustomExerciseIn):
    id: int
    slug: str
    author: str
    dosage: str
    can_edit: bool


def _custom_out(request: HttpRequest, e: CustomExercise) -> CustomExerciseOut:
    fields = {name: getattr(e, name) for name in CustomExerciseIn.model_fields}
    return CustomExerciseOut(
        id=e.pk,
        slug=e.slug,
        author=e.author_name,
        dosage=e.dosage.summary(),
        can_edit=access_to_custom_exercise(request.user, e) is Access.WRITE,
        **fields,
    )


@router.get("/custom-exercises", response={200: list[CustomExerciseOut], **ERRORS})
@rules.signed_in
def list_custom_exercises(
    request: HttpRequest, response: HttpResponse, page: Query[PageQuery]
) -> list[CustomExerciseOut]:
    """Coaches' own exercises this user may see: their practice's, or those in their plans."""
    visible = visible_custom_exercises(request.user)
    return [_custom_out(request, e) for e in one_page(request, response, visible, page)]


@router.post("/custom-exercises", response={201: CustomExerciseOut, **ERRORS})
@rules.coach
def post_custom_exercise(request: HttpRequest, payload: CustomExerciseIn) -> Any:
    assert isinstance(request.user, User)
    exercise = services.create_custom_exercise(author=request.user, data=payload.dict())
    return Status(201, _custom_out(request, exercise))


@router.get("/custom-exercises/{exercise_id}", response={200: CustomExerciseOut, **ERRORS})
@rules.signed_in
def get_custom_exercise(request: HttpRequest, exercise_id: int) -> CustomExerciseOut:
    return _custom_out(request, custom_exercise_for(request.user, exercise_id))


@router.put("/custom-exercises/{exercise_id}", response={200: CustomExerciseOut, **ERRORS})
@rules.coach
def put_custom_exercise(
    request: HttpRequest, exercise_id: int, payload: CustomExerciseIn
) -> CustomExerciseOut:
    exercise = custom_exercise_for(request.user, exercise_id, write=True)
    assert isinstance(request.user, User)
    saved = services.update_custom_exercise(exercise=exercise, by=request.user, data=payload.dict())
    return _custom_out(request, saved)


@router.delete("/custom-exercises/{exercise_id}", response={204: None, **ERRORS})
@rules.coach
def delete_custom_exercise(request: HttpRequest, exercise_id: int) -> Status:
    exercise = custom_exercise_for(request.user, exercise_id, write=True)
    assert isinstance(request.user, User)
    services.delete_custom_exercise(exercise=exercise, by=request.user)
    return Status(204, None)
