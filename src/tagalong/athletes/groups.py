"""A coach's groups of athletes: create, rename, change members. Only athletes the coach looks
after (an active link of their own) can be members; ending a link leaves the group."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteGroup, AthleteProfile
from tagalong.audit.services import record
from tagalong.errors import DomainError

NAME_LIMIT = 80


def coach_groups(coach: User) -> QuerySet[AthleteGroup]:
    return AthleteGroup.objects.filter(coach=coach).prefetch_related("members__user")


def own_athletes(coach: User) -> QuerySet[AthleteProfile]:
    """The athletes this coach may put in a group: their own, with an active link."""
    return (
        AthleteProfile.objects.select_related("user")
        .filter(links__coach=coach, links__ended_at__isnull=True)
        .distinct()
        .order_by("user__full_name", "user__email")
    )


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise DomainError(gettext("Give the group a name."), field="name")
    if len(cleaned) > NAME_LIMIT:
        raise DomainError(
            gettext("Keep the name under %(name_limit)s characters.") % {"name_limit": NAME_LIMIT},
            field="name",
        )
    return cleaned


def _member_profiles(coach: User, athlete_ids: Iterable[int]) -> list[AthleteProfile]:
    wanted = set(athlete_ids)
    found = list(own_athletes(coach).filter(pk__in=wanted))
    missing = wanted - {a.pk for a in found}
    if missing:
        raise DomainError(
            gettext("Only athletes you coach can join your groups (not yours: %(items)s).")
            % {"items": ", ".join(str(i) for i in sorted(missing))},
            field="members",
        )
    return found


@transaction.atomic
def save_group(
    *,
    coach: User,
    name: str,
    description: str = "",
    member_ids: Iterable[int] = (),
    group: AthleteGroup | None = None,
) -> AthleteGroup:
    """Create a group, or change one's name, description and members."""
    members = _member_profiles(coach, member_ids)
    target = group or AthleteGroup(coach=coach)
    target.name = _clean_name(name)
    target.description = description.strip()[:300]
    try:
        with transaction.atomic():
            target.save()
    except IntegrityError as error:
        raise DomainError(
            gettext("You already have a group called %(name)r.") % {"name": target.name},
            field="name",
        ) from error
    target.members.set(members)
    record(
        actor=coach,
        action="group.saved" if group else "group.created",
        target=target,
        name=target.name,
        members=sorted(m.pk for m in members),
    )
    return target


@transaction.atomic
def delete_group(*, group: AthleteGroup, by: User) -> None:
    record(actor=by, action="group.deleted", target=group, name=group.name)
    group.delete()


def leave_coach_groups(*, athlete: AthleteProfile, coach: User) -> None:
    """Called when a coaching link ends: the athlete leaves that coach's groups."""
    for group in AthleteGroup.objects.filter(coach=coach, members=athlete):
        group.members.remove(athlete)
