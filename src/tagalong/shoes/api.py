from datetime import date, datetime

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field

from tagalong.access import rules
from tagalong.access.policy import athlete_for
from tagalong.accounts.models import User
from tagalong.api.pagination import PageQuery, one_page
from tagalong.api.schemas import ERRORS
from tagalong.shoes.models import Shoe, ShoeUse
from tagalong.shoes.selectors import activity_of, shoe_of, shoes_of
from tagalong.shoes.services import (
    assign_shoe,
    create_shoe,
    retire_shoe,
    unretire_shoe,
    update_shoe,
)

router = Router(tags=["shoes"])


class ShoeOut(Schema):
    id: int
    name: str
    model: str
    first_used: date | None
    starting_km: float
    remind_km: int
    retire_km: int
    mileage_km: float
    alert: str | None
    default_for_sport: str | None
    retired_at: datetime | None


class ShoeIn(Schema):
    name: str = Field(min_length=1, max_length=80)
    model: str = Field(default="", max_length=120)
    first_used: date | None = None
    starting_km: float = Field(default=0, ge=0, le=5000)
    remind_km: int = Field(default=500, ge=50, le=3000)
    retire_km: int = Field(default=800, ge=50, le=3000)
    default_for_sport: str | None = Field(default=None, max_length=40)


class ShoePatch(Schema):
    name: str | None = Field(default=None, min_length=1, max_length=80)
    model: str | None = Field(default=None, max_length=120)
    first_used: date | None = None
    starting_km: float | None = Field(default=None, ge=0, le=5000)
    remind_km: int | None = Field(default=None, ge=50, le=3000)
    retire_km: int | None = Field(default=None, ge=50, le=3000)
    default_for_sport: str | None = Field(default=None, max_length=40)
    retired: bool | None = None


class AssignIn(Schema):
    shoe_id: int


class ShoeUseOut(Schema):
    activity_id: int
    shoe_id: int
    how: str
    at: datetime


def shoe_out(shoe: Shoe) -> ShoeOut:
    with_mileage = next(s for s in shoes_of(shoe.athlete) if s.pk == shoe.pk)
    return _out(with_mileage)


def _out(shoe: Shoe) -> ShoeOut:
    return ShoeOut(
        id=shoe.pk,
        name=shoe.name,
        model=shoe.model,
        first_used=shoe.first_used,
        starting_km=shoe.starting_km,
        remind_km=shoe.remind_km,
        retire_km=shoe.retire_km,
        mileage_km=shoe.mileage_km,  # type: ignore[attr-defined]
        alert=str(shoe.alert) if shoe.alert else None,  # type: ignore[attr-defined]
        default_for_sport=shoe.default_for_sport,
        retired_at=shoe.retired_at,
    )


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@router.get(
    "/athletes/{athlete_id}/shoes", response={200: list[ShoeOut], **ERRORS}, summary="Shoes"
)
@rules.athlete_scoped
def list_shoes(
    request: HttpRequest, athlete_id: int, response: HttpResponse, page: Query[PageQuery]
) -> list[ShoeOut]:
    shoes = shoes_of(athlete_for(request.user, athlete_id))
    return [_out(s) for s in one_page(request, response, shoes, page)]


@router.post("/athletes/{athlete_id}/shoes", response={201: ShoeOut, **ERRORS}, summary="Add shoes")
@rules.athlete_scoped
def post_shoe(request: HttpRequest, athlete_id: int, payload: ShoeIn) -> Status:
    athlete = athlete_for(request.user, athlete_id, write=True)
    shoe = create_shoe(athlete=athlete, by=_user(request), fields=payload.dict())
    return Status(201, shoe_out(shoe))


@router.patch(
    "/athletes/{athlete_id}/shoes/{shoe_id}",
    response={200: ShoeOut, **ERRORS},
    summary="Change, retire or bring back shoes",
)
@rules.athlete_scoped
def patch_shoe(request: HttpRequest, athlete_id: int, shoe_id: int, payload: ShoePatch) -> ShoeOut:
    athlete = athlete_for(request.user, athlete_id, write=True)
    shoe = shoe_of(athlete, shoe_id)
    changes = payload.dict(exclude_unset=True)
    retired = changes.pop("retired", None)
    for name in ("name", "remind_km", "retire_km", "starting_km"):
        if name in changes and changes[name] is None:
            changes.pop(name)
    if changes.get("model", "") is None:
        changes["model"] = ""
    if changes:
        update_shoe(shoe=shoe, by=_user(request), changes=changes)
    if retired is True:
        retire_shoe(shoe=shoe, by=_user(request), now=timezone.now())
    elif retired is False:
        unretire_shoe(shoe=shoe, by=_user(request))
    return shoe_out(shoe)


@router.post(
    "/athletes/{athlete_id}/activities/{activity_id}/shoe",
    response={200: ShoeUseOut, **ERRORS},
    summary="Say which shoes an activity was run in",
)
@rules.athlete_scoped
def post_activity_shoe(
    request: HttpRequest, athlete_id: int, activity_id: int, payload: AssignIn
) -> ShoeUseOut:
    athlete = athlete_for(request.user, athlete_id, write=True)
    use: ShoeUse = assign_shoe(
        activity=activity_of(athlete, activity_id),
        shoe=shoe_of(athlete, payload.shoe_id),
        by=_user(request),
    )
    return ShoeUseOut(activity_id=use.activity_id, shoe_id=use.shoe_id, how=use.how, at=use.at)
