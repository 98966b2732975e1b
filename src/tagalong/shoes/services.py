"""Writes about shoes: create, edit, retire, defaults and which shoe an activity was run in."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from tagalong.accounts.models import User
from tagalong.activities.models import Activity
from tagalong.athletes.models import AthleteProfile
from tagalong.audit.services import record
from tagalong.errors import DomainError
from tagalong.shoes.models import AssignedHow, Shoe, ShoeUse

SHOE_FIELDS = (
    "name",
    "model",
    "first_used",
    "starting_km",
    "remind_km",
    "retire_km",
    "default_for_sport",
)


def is_foot_sport(sport: str) -> bool:
    """Shoes belong to runs and walks; Strava gear on rides names a bike, not a shoe."""
    sport = sport.lower()
    return "run" in sport or sport in {"walking", "hiking"}


def _save(shoe: Shoe) -> Shoe:
    shoe.name = (shoe.name or "").strip()
    shoe.default_for_sport = (shoe.default_for_sport or "").strip().lower() or None
    try:
        shoe.full_clean(exclude=["athlete"])
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise DomainError(" ".join(messages), field=None if field == "__all__" else field) from exc
    if shoe.default_for_sport:
        # One default per athlete and sport: the new default replaces the old one.
        Shoe.objects.select_for_update().filter(
            athlete_id=shoe.athlete_id, default_for_sport=shoe.default_for_sport
        ).exclude(pk=shoe.pk).update(default_for_sport=None)
    shoe.save()
    return shoe


def _check_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(SHOE_FIELDS)
    if unknown:
        raise DomainError(
            gettext("Unknown shoe field(s): %(items)s.") % {"items": ", ".join(sorted(unknown))}
        )


@transaction.atomic
def create_shoe(*, athlete: AthleteProfile, by: User | None, fields: dict[str, Any]) -> Shoe:
    _check_fields(fields)
    shoe = _save(Shoe(athlete=athlete, **fields))
    record(actor=by, action="shoe.created", target=shoe, athlete_id=athlete.pk, name=shoe.name)
    return shoe


@transaction.atomic
def update_shoe(*, shoe: Shoe, by: User | None, changes: dict[str, Any]) -> Shoe:
    _check_fields(changes)
    for name, value in changes.items():
        setattr(shoe, name, value)
    _save(shoe)
    record(
        actor=by, action="shoe.updated", target=shoe, athlete_id=shoe.athlete_id,
        fields=sorted(changes),
    )  # fmt: skip
    return shoe


@transaction.atomic
def set_default(*, shoe: Shoe, by: User | None, sport: str | None) -> Shoe:
    return update_shoe(shoe=shoe, by=by, changes={"default_for_sport": sport})


@transaction.atomic
def retire_shoe(*, shoe: Shoe, by: User | None, now: datetime) -> Shoe:
    if shoe.retired_at is None:
        shoe.retired_at = now
        shoe.default_for_sport = None
        shoe.save(update_fields=["retired_at", "default_for_sport"])
        record(actor=by, action="shoe.retired", target=shoe, athlete_id=shoe.athlete_id)
    return shoe


@transaction.atomic
def unretire_shoe(*, shoe: Shoe, by: User | None) -> Shoe:
    if shoe.retired_at is not None:
        shoe.retired_at = None
        shoe.save(update_fields=["retired_at"])
        record(actor=by, action="shoe.unretired", target=shoe, athlete_id=shoe.athlete_id)
    return shoe


@transaction.atomic
def assign_shoe(
    *, activity: Activity, shoe: Shoe, by: User | None, how: str = AssignedHow.BY_HAND
) -> ShoeUse:
    """Record the shoe an activity was run in, replacing any earlier choice."""
    if shoe.athlete_id != activity.athlete_id:
        raise DomainError(gettext("That shoe belongs to someone else."), field="shoe_id")
    use, _ = ShoeUse.objects.update_or_create(
        activity=activity, defaults={"shoe": shoe, "how": how, "assigned_by": by}
    )
    return use


@transaction.atomic
def auto_assign(activity: Activity) -> ShoeUse | None:
    """Pick the shoe for an imported activity without asking.

    The gear name of a Strava export says what was actually worn, so it wins: the athlete's
    shoe of that name (any case), created when none matches. Without a gear name, the
    athlete's default shoe for the sport. Returns None when nothing fits (the athlete is
    then asked "which shoes?").
    """
    existing = ShoeUse.objects.filter(activity=activity).first()
    if existing is not None or not is_foot_sport(activity.sport):
        return existing
    gear = activity.gear_name.strip()
    if gear:
        shoe = Shoe.objects.filter(athlete_id=activity.athlete_id, name__iexact=gear).first()
        if shoe is None:
            shoe = create_shoe(
                athlete=activity.athlete,
                by=None,
                fields={"name": gear[:80], "first_used": activity.start.date()},
            )
        return assign_shoe(activity=activity, shoe=shoe, by=None, how=AssignedHow.GEAR_NAME)
    default = Shoe.objects.filter(
        athlete_id=activity.athlete_id,
        default_for_sport=activity.sport.lower(),
        retired_at__isnull=True,
    ).first()
    if default is None:
        return None
    return assign_shoe(activity=activity, shoe=default, by=None, how=AssignedHow.DEFAULT)
