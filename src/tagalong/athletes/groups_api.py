"""API for a coach's athlete groups, mounted at /api/groups."""

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema, Status
from pydantic import Field

from tagalong.access import rules
from tagalong.access.policy import group_for
from tagalong.accounts.models import User
from tagalong.api.pagination import PageQuery, one_page
from tagalong.api.schemas import ERRORS
from tagalong.athletes.groups import coach_groups, delete_group, save_group
from tagalong.athletes.models import AthleteGroup

router = Router(tags=["groups"])


class GroupIn(Schema):
    name: str = Field(min_length=1, max_length=80)
    description: str = Field(default="", max_length=300)
    member_ids: list[int] = Field(default_factory=list, max_length=500)


class GroupOut(Schema):
    id: int
    name: str
    description: str
    member_ids: list[int]


def group_out(group: AthleteGroup) -> GroupOut:
    return GroupOut(
        id=group.pk,
        name=group.name,
        description=group.description,
        member_ids=sorted(m.pk for m in group.members.all()),
    )


def _coach(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@router.get("", response={200: list[GroupOut], **ERRORS}, summary="My athlete groups")
@rules.coach
def list_groups(
    request: HttpRequest, response: HttpResponse, page: Query[PageQuery]
) -> list[GroupOut]:
    groups = coach_groups(_coach(request))
    return [group_out(g) for g in one_page(request, response, groups, page)]


@router.post("", response={201: GroupOut, **ERRORS}, summary="Create a group")
@rules.coach
def post_group(request: HttpRequest, payload: GroupIn) -> Status:
    group = save_group(
        coach=_coach(request),
        name=payload.name,
        description=payload.description,
        member_ids=payload.member_ids,
    )
    return Status(201, group_out(group))


@router.get("/{group_id}", response={200: GroupOut, **ERRORS}, summary="One group")
@rules.coach
def get_group(request: HttpRequest, group_id: int) -> GroupOut:
    return group_out(group_for(request.user, group_id))


@router.put("/{group_id}", response={200: GroupOut, **ERRORS}, summary="Change a group")
@rules.coach
def put_group(request: HttpRequest, group_id: int, payload: GroupIn) -> GroupOut:
    group = save_group(
        coach=_coach(request),
        name=payload.name,
        description=payload.description,
        member_ids=payload.member_ids,
        group=group_for(request.user, group_id),
    )
    return group_out(group)


@router.delete("/{group_id}", response={204: None, **ERRORS}, summary="Delete a group")
@rules.coach
def remove_group(request: HttpRequest, group_id: int) -> Status:
    delete_group(group=group_for(request.user, group_id), by=_coach(request))
    return Status(204, None)
