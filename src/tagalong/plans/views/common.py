"""What the plan pages share: the signed-in user, and who may change or build a plan."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _

from tagalong.access import rules
from tagalong.access.policy import Access, access_to_athlete, athlete_for
from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile


def user_of(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def may_edit(request: HttpRequest, athlete: AthleteProfile) -> bool:
    return access_to_athlete(request.user, athlete) is Access.WRITE


def may_plan(request: HttpRequest, athlete: AthleteProfile) -> bool:
    """Coaches with write access build plans; athletes see and comment."""
    return may_edit(request, athlete) and user_of(request).is_coach


def coach_for(request: HttpRequest, athlete_id: int) -> AthleteProfile:
    athlete = athlete_for(request.user, athlete_id, write=True)
    if not user_of(request).is_coach:
        rules.forbid(_("Only the athlete's coach changes the plan."))
    return athlete
