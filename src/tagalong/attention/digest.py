"""The weekly digest: on Monday of their own clock each coach gets the queue's counts and top
rows."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction

from tagalong.accounts.models import Role, User
from tagalong.attention.kind_words import kinds_in_words
from tagalong.attention.models import DigestSent
from tagalong.attention.selectors import counts, rows
from tagalong.notifications.email import send_templated

TOP_ROWS = 10


def _local(coach: User, now: dt.datetime) -> dt.datetime:
    try:
        return now.astimezone(ZoneInfo(coach.time_zone or "UTC"))
    except (KeyError, ValueError):
        return now.astimezone(dt.UTC)


def send_digest(*, coach: User, today: dt.date) -> bool:
    """Send this week's digest unless it went already (the DigestSent row is the claim)."""
    monday = today - dt.timedelta(days=today.weekday())
    try:
        with transaction.atomic():
            DigestSent.objects.create(coach=coach, week_of=monday)
    except IntegrityError:
        return False
    found = rows(coach, today=today)
    tally = counts(found)
    send_templated(
        template="attention_digest",
        to=[coach.email],
        context={
            "coach": coach,
            "week_of": monday,
            "total": len(found),
            "counts": [(label, tally[kind]) for kind, label in kinds_in_words() if kind in tally],
            "rows": found[:TOP_ROWS],
            "more": max(0, len(found) - TOP_ROWS),
            "path": "/coach/athletes/",
        },
    )
    return True


def send_due_digests(*, now: dt.datetime) -> int:
    sent = 0
    for coach in User.objects.filter(role=Role.COACH, is_active=True).exclude(email=""):
        local = _local(coach, now)
        if local.weekday() == 0 and send_digest(coach=coach, today=local.date()):
            sent += 1
    return sent
