"""Writes about athletes: their profile."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile
from tagalong.audit.services import record
from tagalong.errors import DomainError

PROFILE_FIELDS = (
    "birth_date",
    "sex",
    "body_mass_kg",
    "height_cm",
    "time_zone",
    "units",
    "years_running",
    "runs_per_week",
    "weekly_distance_km",
    "goals",
    "hr_max",
    "hr_rest",
    "lthr",
)


@transaction.atomic
def update_profile(*, athlete: AthleteProfile, by: User, changes: dict[str, Any]) -> AthleteProfile:
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise DomainError(
            gettext("Unknown profile field(s): %(items)s.") % {"items": ", ".join(sorted(unknown))}
        )
    before = {name: getattr(athlete, name) for name in changes}
    for name, value in changes.items():
        setattr(athlete, name, value)
    try:
        athlete.full_clean(exclude=["user"])
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise DomainError(" ".join(messages), field=None if field == "__all__" else field) from exc
    athlete.save()
    if athlete.time_zone != athlete.user.time_zone:
        athlete.user.time_zone = athlete.time_zone
        athlete.user.save(update_fields=["time_zone"])
    changed = {k: str(v) for k, v in changes.items() if before[k] != getattr(athlete, k)}
    if changed:
        record(
            actor=by,
            action="profile.updated",
            target=athlete,
            athlete_id=athlete.pk,
            fields=sorted(changed),
        )
    return athlete
