from datetime import date, datetime
from typing import Literal

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema, Status
from pydantic import Field

from tagalong.access import rules
from tagalong.access.policy import athlete_for
from tagalong.accounts.models import User
from tagalong.api.pagination import PageQuery, one_page
from tagalong.api.schemas import ERRORS
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


class SymptomIn(Schema):
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


class SymptomOut(SymptomIn):
    id: int
    created_at: datetime


assert set(SCORE_FIELDS) <= set(SymptomIn.model_fields)


def symptom_out(log: SymptomLog) -> SymptomOut:
    return SymptomOut(
        id=log.pk,
        day=log.day,
        activity_id=log.activity_id,
        other_regions=[RegionPain(**r) for r in log.other_regions],
        note=log.note,
        created_at=log.created_at,
        **{name: getattr(log, name) for name in SCORE_FIELDS},
    )


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
    response={201: SymptomOut, **ERRORS},
    summary="Log symptoms",
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
        scores=data,
    )
    return Status(201, symptom_out(log))
