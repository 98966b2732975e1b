"""Who can see my data, through the API: the runner lists who sees their record, allows a
colleague of their coach (or the whole practice) and withdraws a permission."""

from datetime import datetime

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Router, Schema, Status
from pydantic import Field

from tagalong.access import rules
from tagalong.access.policy import (
    consent_colleague_for,
    consent_for,
    consent_practice_for,
    own_athlete_profile,
    who_can_see,
)
from tagalong.accounts.models import User
from tagalong.api.schemas import ERRORS
from tagalong.athletes import consent
from tagalong.athletes.models import PracticeConsent
from tagalong.errors import DomainError

router = Router(tags=["who can see my data"])


class PersonOut(Schema):
    id: int
    name: str


class ColleagueOut(Schema):
    id: int
    name: str
    sees: bool
    consent_id: int | None  # the permission given by name, if any


class PracticeVisibilityOut(Schema):
    practice_id: int
    practice_name: str
    coaches: list[PersonOut]  # read and change
    shared_by_coach: bool  # without it no colleague sees the record, whatever is allowed
    everyone_consent_id: int | None  # the permission for the whole practice, if any
    colleagues: list[ColleagueOut]


class VisibilityOut(Schema):
    practices: list[PracticeVisibilityOut]
    staff_read: bool = True  # the people who run Tagalong read records for support


class ConsentIn(Schema):
    colleague_id: int | None = Field(default=None, description="A coach at your coach's practice")
    practice_id: int | None = Field(default=None, description="Everyone at this practice")


class ConsentOut(Schema):
    id: int
    practice_id: int
    colleague_id: int | None
    granted_at: datetime


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _out(given: PracticeConsent) -> ConsentOut:
    return ConsentOut(
        id=given.pk,
        practice_id=given.practice_id,
        colleague_id=given.colleague_id,
        granted_at=given.granted_at,
    )


@router.get(
    "/me/visibility",
    response={200: VisibilityOut, **ERRORS},
    summary="Who can see my record: my coaches and the colleagues I allowed",
)
@rules.athlete
def get_visibility(request: HttpRequest) -> VisibilityOut:
    athlete = own_athlete_profile(request.user)
    return VisibilityOut(
        practices=[
            PracticeVisibilityOut(
                practice_id=view.practice.pk,
                practice_name=view.practice.name,
                coaches=[PersonOut(id=c.pk, name=c.full_name) for c in view.coaches],
                shared_by_coach=view.shared,
                everyone_consent_id=view.everyone.pk if view.everyone else None,
                colleagues=[
                    ColleagueOut(
                        id=c.person.pk,
                        name=c.person.full_name,
                        sees=c.sees,
                        consent_id=c.named.pk if c.named else None,
                    )
                    for c in view.colleagues
                ],
            )
            for view in who_can_see(athlete)
        ]
    )


@router.get("/me/consents", response={200: list[ConsentOut], **ERRORS})
@rules.athlete
def list_consents(request: HttpRequest) -> list[ConsentOut]:
    athlete = own_athlete_profile(request.user)
    return [_out(c) for c in PracticeConsent.objects.filter(athlete=athlete)]


@router.post(
    "/me/consents",
    response={200: ConsentOut, 201: ConsentOut, **ERRORS},
    summary="Allow a colleague of my coach, or everyone at the practice, to see my record",
)
@rules.athlete
def give_consent(request: HttpRequest, payload: ConsentIn) -> Status:
    if (payload.colleague_id is None) == (payload.practice_id is None):
        raise DomainError(
            gettext("Send either colleague_id (one person) or practice_id (everyone there)."),
            field="colleague_id",
        )
    if payload.colleague_id is not None:
        athlete, colleague = consent_colleague_for(request.user, payload.colleague_id)
        practice = colleague.coach_profile.practice
        given, new = consent.allow(
            athlete=athlete, by=_user(request), practice=practice, colleague=colleague
        )
    else:
        assert payload.practice_id is not None
        athlete, practice = consent_practice_for(request.user, payload.practice_id)
        given, new = consent.allow(athlete=athlete, by=_user(request), practice=practice)
    return Status(201 if new else 200, _out(given))


@router.delete(
    "/me/consents/{consent_id}",
    response={204: None, **ERRORS},
    summary="Withdraw a permission; it takes effect at once",
)
@rules.athlete
def withdraw_consent(request: HttpRequest, consent_id: int) -> Status:
    given = consent_for(request.user, consent_id)
    consent.withdraw(consent=given, by=_user(request))
    return Status(204, None)
