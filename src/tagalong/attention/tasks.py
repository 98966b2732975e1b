"""Background jobs: refresh an athlete's signals, the nightly refresh, red-flag email, digest."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from tagalong.athletes.models import AthleteProfile, CoachingLink
from tagalong.attention.models import RedFlag
from tagalong.calfcheck import red_flag_labels
from tagalong.notifications.email import send_templated

log = logging.getLogger(__name__)


def queue_refresh(athlete_id: int) -> None:
    """Recompute the athlete's signals once the surrounding transaction commits; a queue that
    is down never breaks the caller's save (the nightly refresh catches up)."""
    transaction.on_commit(lambda: refresh_athlete.enqueue(athlete_id), robust=True)


@task()
def refresh_athlete(athlete_id: int) -> int:
    from tagalong.attention.services import refresh_signals

    athlete = AthleteProfile.objects.select_related("user").filter(pk=athlete_id).first()
    if athlete is None:
        return 0
    return len(refresh_signals(athlete=athlete, now=timezone.now()))


@task()
def refresh_all() -> int:
    """Every linked athlete; time-based signals (no data, retest due, snoozes ending) move here."""
    from tagalong.attention.services import refresh_signals

    ids = CoachingLink.objects.active().values("athlete_id")
    count = 0
    now = timezone.now()
    for athlete in AthleteProfile.objects.filter(pk__in=ids).select_related("user"):
        try:
            count += len(refresh_signals(athlete=athlete, now=now))
        except Exception:
            log.exception("attention refresh failed for athlete %s", athlete.pk)
    return count


@task()
def alert_red_flag(red_flag_id: int) -> str:
    flag = RedFlag.objects.select_related("athlete__user").filter(pk=red_flag_id).first()
    if flag is None or not flag.is_open:
        return "nothing"
    if not RedFlag.objects.filter(pk=red_flag_id, alerted_at__isnull=True).update(
        alerted_at=timezone.now()
    ):
        return "already sent"
    links = CoachingLink.objects.active().filter(athlete=flag.athlete).select_related("coach")
    emails = sorted({link.coach.email for link in links if link.coach.email})
    if not emails:
        return "no coach"
    send_templated(
        template="attention_red_flag",
        to=emails,
        context={
            "athlete": flag.athlete,
            "flags": red_flag_labels(flag.red_flags),
            "source": flag.get_source_display().lower(),
            "path": f"/athletes/{flag.athlete_id}/attention/",
        },
    )
    return "sent"


@task()
def send_weekly_digests() -> int:
    from tagalong.attention.digest import send_due_digests

    return send_due_digests(now=timezone.now())
