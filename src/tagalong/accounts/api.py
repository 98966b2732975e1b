from datetime import datetime

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field

from tagalong.access import rules
from tagalong.access.policy import link_for, require_coach
from tagalong.accounts.models import Invitation, User
from tagalong.accounts.services import end_link, invite_athlete, revoke_invitation
from tagalong.api.pagination import PageQuery, one_page
from tagalong.api.schemas import ERRORS
from tagalong.athletes.models import CoachingLink

router = Router(tags=["accounts"])


class MeOut(Schema):
    id: int
    email: str
    full_name: str
    role: str
    time_zone: str
    athlete_id: int | None


class LinkOut(Schema):
    id: int
    athlete_id: int
    athlete_name: str
    coach_id: int
    coach_name: str
    practice: str
    shared_with_practice: bool
    started_at: datetime
    ended_at: datetime | None


class InvitationIn(Schema):
    email: str = Field(max_length=254)
    message: str = Field(default="", max_length=1000)


class InvitationOut(Schema):
    id: int
    email: str
    status: str
    created_at: datetime
    expires_at: datetime


def _link_out(link: CoachingLink) -> LinkOut:
    return LinkOut(
        id=link.pk,
        athlete_id=link.athlete_id,
        athlete_name=link.athlete.name,
        coach_id=link.coach_id,
        coach_name=link.coach.full_name,
        practice=link.practice.name,
        shared_with_practice=link.shared_with_practice,
        started_at=link.started_at,
        ended_at=link.ended_at,
    )


def _invitation_out(invitation: Invitation) -> InvitationOut:
    return InvitationOut(
        id=invitation.pk,
        email=invitation.email,
        status=invitation.status(timezone.now()),
        created_at=invitation.created_at,
        expires_at=invitation.expires_at,
    )


@router.get("/me", response={200: MeOut, **ERRORS}, summary="The signed-in account")
@rules.signed_in
def me(request: HttpRequest) -> MeOut:
    user = request.user
    assert isinstance(user, User)
    profile = getattr(user, "athlete_profile", None)
    return MeOut(
        id=user.pk,
        email=user.email,
        full_name=user.full_name,
        role=user.role,
        time_zone=user.time_zone,
        athlete_id=profile.pk if profile else None,
    )


@router.get("/links", response={200: list[LinkOut], **ERRORS}, summary="My coaching links")
@rules.signed_in
def my_links(request: HttpRequest, response: HttpResponse, page: Query[PageQuery]) -> list[LinkOut]:
    user = request.user
    links = CoachingLink.objects.select_related("athlete__user", "coach", "practice")
    mine = links.filter(coach=user) if user.is_coach else links.filter(athlete__user=user)
    return [_link_out(link) for link in one_page(request, response, mine, page)]


@router.post(
    "/links/{link_id}/end", response={200: LinkOut, **ERRORS}, summary="End a coaching link"
)
@rules.signed_in
def end_my_link(request: HttpRequest, link_id: int) -> LinkOut:
    link = link_for(request.user, link_id)
    assert isinstance(request.user, User)
    return _link_out(end_link(link=link, by=request.user, now=timezone.now()))


@router.get(
    "/invitations", response={200: list[InvitationOut], **ERRORS}, summary="Invitations I sent"
)
@rules.coach
def list_invitations(
    request: HttpRequest, response: HttpResponse, page: Query[PageQuery]
) -> list[InvitationOut]:
    sent = Invitation.objects.filter(coach=request.user)
    return [_invitation_out(i) for i in one_page(request, response, sent, page)]


@router.post("/invitations", response={201: InvitationOut, **ERRORS}, summary="Invite an athlete")
@rules.coach
def create_invitation(request: HttpRequest, payload: InvitationIn) -> Status:
    coach = require_coach(request.user)
    invitation = invite_athlete(
        coach=coach, email=str(payload.email), message=payload.message, now=timezone.now()
    )
    return Status(201, _invitation_out(invitation))


@router.post(
    "/invitations/{invitation_id}/revoke",
    response={200: InvitationOut, **ERRORS},
    summary="Revoke a pending invitation",
)
@rules.coach
def revoke(request: HttpRequest, invitation_id: int) -> InvitationOut:
    invitation = Invitation.objects.filter(pk=invitation_id, coach=request.user).first()
    if invitation is None:
        raise Http404("No such invitation")
    assert isinstance(request.user, User)
    revoke_invitation(invitation=invitation, by=request.user, now=timezone.now())
    invitation.refresh_from_db()
    return _invitation_out(invitation)
