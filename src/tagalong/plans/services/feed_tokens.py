"""The private calendar feed's link: make a new one, or turn it off."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils import timezone

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile
from tagalong.audit.services import record
from tagalong.plans.models import CalendarFeedToken


@transaction.atomic
def rotate_feed_token(*, athlete: AthleteProfile, by: User) -> CalendarFeedToken:
    """Revoke any live feed URL and issue a new one."""
    now = timezone.now()
    athlete.feed_tokens.filter(revoked_at__isnull=True).update(revoked_at=now)
    token = CalendarFeedToken.objects.create(athlete=athlete, token=secrets.token_urlsafe(32))
    record(actor=by, action="plan.feed_rotated", target=token, athlete_id=athlete.pk)
    return token


@transaction.atomic
def revoke_feed_token(*, athlete: AthleteProfile, by: User) -> int:
    count = athlete.feed_tokens.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
    if count:
        record(actor=by, action="plan.feed_revoked", target=athlete, athlete_id=athlete.pk)
    return count
