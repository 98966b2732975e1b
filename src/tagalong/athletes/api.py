from datetime import date
from decimal import Decimal
from typing import Literal

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from pydantic import Field

from tagalong.access import rules
from tagalong.access.policy import athlete_for
from tagalong.accounts.models import User
from tagalong.api.pagination import PageQuery, one_page
from tagalong.api.schemas import ERRORS
from tagalong.athletes.models import AthleteProfile
from tagalong.athletes.selectors import ROSTER_SORTS, roster
from tagalong.athletes.services import update_profile

router = Router(tags=["athletes"])

SortKey = Literal["name", "-name", "joined", "-joined", "weekly", "-weekly"]
assert set(SortKey.__args__) == set(ROSTER_SORTS)  # type: ignore[attr-defined]


class ProfileOut(Schema):
    id: int
    name: str
    email: str
    birth_date: date | None
    age: int | None
    sex: str
    body_mass_kg: Decimal | None
    height_cm: Decimal | None
    time_zone: str
    units: str
    years_running: int | None
    runs_per_week: int | None
    weekly_distance_km: Decimal | None
    goals: str
    hr_max: int | None
    hr_rest: int | None
    lthr: int | None


class ProfilePatch(Schema):
    birth_date: date | None = None
    sex: Literal["female", "male", ""] | None = None
    body_mass_kg: Decimal | None = Field(default=None, ge=25, le=250)
    height_cm: Decimal | None = Field(default=None, ge=100, le=230)
    time_zone: str | None = Field(default=None, max_length=64)
    units: Literal["km", "mi"] | None = None
    years_running: int | None = Field(default=None, ge=0, le=80)
    runs_per_week: int | None = Field(default=None, ge=0, le=21)
    weekly_distance_km: Decimal | None = Field(default=None, ge=0, le=400)
    goals: str | None = Field(default=None, max_length=4000)
    hr_max: int | None = Field(default=None, ge=120, le=230)
    hr_rest: int | None = Field(default=None, ge=25, le=110)
    lthr: int | None = Field(default=None, ge=90, le=220)


def profile_out(athlete: AthleteProfile) -> ProfileOut:
    return ProfileOut(
        id=athlete.pk,
        name=athlete.name,
        email=athlete.user.email,
        birth_date=athlete.birth_date,
        age=athlete.age,
        sex=athlete.sex,
        body_mass_kg=athlete.body_mass_kg,
        height_cm=athlete.height_cm,
        time_zone=athlete.time_zone,
        units=athlete.units,
        years_running=athlete.years_running,
        runs_per_week=athlete.runs_per_week,
        weekly_distance_km=athlete.weekly_distance_km,
        goals=athlete.goals,
        hr_max=athlete.hr_max,
        hr_rest=athlete.hr_rest,
        lthr=athlete.lthr,
    )


@router.get("", response={200: list[ProfileOut], **ERRORS}, summary="The athletes I may see")
@rules.signed_in
def list_athletes(
    request: HttpRequest,
    response: HttpResponse,
    page: Query[PageQuery],
    q: str = "",
    sort: SortKey = "name",
) -> list[ProfileOut]:
    athletes = roster(request.user, query=q, sort=sort).select_related("user")
    return [profile_out(a) for a in one_page(request, response, athletes, page)]


@router.get("/{athlete_id}", response={200: ProfileOut, **ERRORS}, summary="One athlete's profile")
@rules.athlete_scoped
def get_athlete(request: HttpRequest, athlete_id: int) -> ProfileOut:
    return profile_out(athlete_for(request.user, athlete_id))


@router.patch("/{athlete_id}", response={200: ProfileOut, **ERRORS}, summary="Change a profile")
@rules.athlete_scoped
def patch_athlete(request: HttpRequest, athlete_id: int, payload: ProfilePatch) -> ProfileOut:
    athlete = athlete_for(request.user, athlete_id, write=True)
    assert isinstance(request.user, User)
    changes = payload.dict(exclude_unset=True)
    changes = {k: ("" if v is None and k in {"sex", "goals"} else v) for k, v in changes.items()}
    if changes.get("units") is None:
        changes.pop("units", None)
    if changes.get("time_zone") is None:
        changes.pop("time_zone", None)
    return profile_out(update_profile(athlete=athlete, by=request.user, changes=changes))
