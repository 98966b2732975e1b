"""Programmes over the API: the coach's own list, and a programme's public facts."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema

from tagalong.access import rules
from tagalong.access.policy import public_programme
from tagalong.api.schemas import ERRORS
from tagalong.programmes.models import Programme
from tagalong.programmes.selectors import group_sessions
from tagalong.programmes.services import places_left

router = Router(tags=["programmes"])


class ProgrammeOut(Schema):
    slug: str
    title: str
    audience: str
    stage: str
    schedule_mode: str
    start_date: date | None
    weeks: int
    capacity: int
    places_left: int
    group_sessions: list[str]  # ISO start times, UTC


def _out(programme: Programme) -> ProgrammeOut:
    now = timezone.now()
    return ProgrammeOut(
        slug=programme.slug,
        title=programme.title,
        audience=programme.audience,
        stage=programme.stage,
        schedule_mode=programme.schedule_mode,
        start_date=programme.start_date,
        weeks=programme.weeks,
        capacity=programme.capacity,
        places_left=places_left(programme, now),
        group_sessions=[s.start.isoformat() for s in group_sessions(programme, after=now)[:20]],
    )


@router.get("/coaches/me/programmes", response={200: list[ProgrammeOut], **ERRORS})
@rules.coach
def my_programmes(request: HttpRequest) -> list[ProgrammeOut]:
    return [_out(p) for p in Programme.objects.filter(coach=request.user)[:100]]


@router.get("/programmes/{slug}", response={200: ProgrammeOut, **ERRORS}, auth=None)
@rules.public
def programme_facts(request: HttpRequest, slug: str) -> ProgrammeOut:
    return _out(public_programme(request.user, slug))
