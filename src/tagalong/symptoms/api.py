from datetime import date, datetime
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema, Status
from pydantic import Field

from tagalong.access import rules
from tagalong.access.policy import athlete_for
from tagalong.accounts.models import User
from tagalong.api.pagination import PageQuery, one_page
from tagalong.api.schemas import ERRORS
from tagalong.assessments.models import RED_FLAG_CHOICES
from tagalong.attention.red_flags import plan_pause
from tagalong.shoes.selectors import activity_of
from tagalong.symptoms.models import SCORE_FIELDS, SymptomLog
from tagalong.symptoms.selectors import history
from tagalong.symptoms.services import log_symptoms

router = Router(tags=["symptoms"])

Score = int | None


class RegionPain(Schema):
    region: Literal["achilles", "shin", "plantar_fascia", "knee", "hip", "hamstring"]
    side: Literal["left", "right", "both"]
    pain: int = Field(ge=0, le=10)


class SymptomFields(Schema):
    day: date
    activity_id: int | None = None
    calf_tightness_left_during: Score = Field(default=None, ge=0, le=10)
    calf_tightness_right_during: Score = Field(default=None, ge=0, le=10)
    calf_pain_left_during: Score = Field(default=None, ge=0, le=10)
    calf_pain_right_during: Score = Field(default=None, ge=0, le=10)
    calf_tightness_left_after: Score = Field(default=None, ge=0, le=10)
    calf_tightness_right_after: Score = Field(default=None, ge=0, le=10)
    calf_pain_left_after: Score = Field(default=None, ge=0, le=10)
    calf_pain_right_after: Score = Field(default=None, ge=0, le=10)
    calf_tightness_left_next_morning: Score = Field(default=None, ge=0, le=10)
    calf_tightness_right_next_morning: Score = Field(default=None, ge=0, le=10)
    calf_pain_left_next_morning: Score = Field(default=None, ge=0, le=10)
    calf_pain_right_next_morning: Score = Field(default=None, ge=0, le=10)
    other_regions: list[RegionPain] = Field(default_factory=list, max_length=12)
    note: str = Field(default="", max_length=2000)


RED_FLAG_IDS = ", ".join(value for value, _ in RED_FLAG_CHOICES)


class SymptomIn(SymptomFields):
    red_flags: list[str] = Field(
        default_factory=list,
        max_length=len(RED_FLAG_CHOICES),
        description=f"Warning signs to report now ({RED_FLAG_IDS}). Any one pauses the plan, "
        "its calendar feed, workout downloads and plan changes until a coach clears it.",
    )


class SymptomOut(SymptomFields):
    id: int
    created_at: datetime


class SymptomLogged(SymptomOut):
    training_paused: bool = Field(description="A red flag is open: the plan is paused.")
    paused_because: str | None = None


assert set(SCORE_FIELDS) <= set(SymptomIn.model_fields)


def _fields(log: SymptomLog) -> dict[str, Any]:
    return dict(
        id=log.pk,
        day=log.day,
        activity_id=log.activity_id,
        other_regions=[RegionPain(**r) for r in log.other_regions],
        note=log.note,
        created_at=log.created_at,
        **{name: getattr(log, name) for name in SCORE_FIELDS},
    )


def symptom_out(log: SymptomLog) -> SymptomOut:
    return SymptomOut(**_fields(log))


@router.get(
    "/athletes/{athlete_id}/symptoms",
    response={200: list[SymptomOut], **ERRORS},
    summary="Symptom logs, newest first",
)
@rules.athlete_scoped
def list_symptoms(
    request: HttpRequest,
    athlete_id: int,
    response: HttpResponse,
    page: Query[PageQuery],
    since: date | None = None,
    until: date | None = None,
) -> list[SymptomOut]:
    athlete = athlete_for(request.user, athlete_id)
    logs = history(athlete, since=since, until=until)
    return [symptom_out(log) for log in one_page(request, response, logs, page)]


@router.post(
    "/athletes/{athlete_id}/symptoms",
    response={201: SymptomLogged, **ERRORS},
    summary="Log symptoms (and any red flag: it pauses the plan until a coach clears it)",
)
@rules.athlete_scoped
def post_symptoms(request: HttpRequest, athlete_id: int, payload: SymptomIn) -> Status:
    athlete = athlete_for(request.user, athlete_id, write=True)
    assert isinstance(request.user, User)
    data = payload.dict()
    activity_id = data.pop("activity_id")
    log = log_symptoms(
        athlete=athlete,
        by=request.user,
        day=data.pop("day"),
        other_regions=data.pop("other_regions"),
        note=data.pop("note"),
        activity=activity_of(athlete, activity_id) if activity_id else None,
        red_flags=data.pop("red_flags"),
        scores=data,
    )
    pause = plan_pause(athlete)
    return Status(
        201,
        SymptomLogged(
            **_fields(log),
            training_paused=pause is not None,
            paused_because=pause.explanation if pause else None,
        ),
    )
