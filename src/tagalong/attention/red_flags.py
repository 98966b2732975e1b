"""Red flags that stop everything: raised from the intake, a symptom log or a calf check; open
until a coach records that the runner was seen and cleared.

While a red flag is open the plan is paused (``plan_pause``): the plans app asks here before it
publishes feed events (sent as cancelled, with this explanation), serves a FIT workout or stores
a proposal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile, CoachingLink
from tagalong.attention.models import RedFlag
from tagalong.audit.services import record
from tagalong.calfcheck import red_flag_labels
from tagalong.errors import DomainError
from tagalong.notifications.services import notify_all
from tagalong.wording import Phrase

PAUSED_WORDS = gettext_lazy(
    "Training paused: a red flag was reported on %(day)s. Please see a clinician; your coach "
    "restarts the plan once you have been seen and cleared."
)


@dataclass(frozen=True)
class PlanPause:
    since: dt.datetime
    explanation: str


def open_red_flag(athlete: AthleteProfile | int) -> RedFlag | None:
    athlete_id = athlete if isinstance(athlete, int) else athlete.pk
    return RedFlag.objects.filter(athlete_id=athlete_id, cleared_at__isnull=True).first()


def plan_pause(athlete: AthleteProfile | int) -> PlanPause | None:
    """The pause the plans app honours, or None when the plan runs as normal."""
    flag = open_red_flag(athlete)
    if flag is None:
        return None
    return PlanPause(flag.created_at, str(PAUSED_WORDS) % {"day": f"{flag.created_at:%-d %b %Y}"})


def coaches_of(athlete: AthleteProfile) -> list[User]:
    links = CoachingLink.objects.active().filter(athlete=athlete).select_related("coach")
    return [link.coach for link in links]


def raise_red_flag(
    *,
    athlete: AthleteProfile,
    source: str,
    flags: Sequence[str],
    by: User | None,
    email: bool = True,
) -> RedFlag:
    """Open a red flag (or add to the open one) and tell every coach of the link: in the app
    now, by email from a task. ``email=False`` where the caller's app already emails them."""
    from tagalong.attention.tasks import alert_red_flag, queue_refresh

    flags = [f for f in dict.fromkeys(flags) if f]
    if not flags:
        raise DomainError(gettext("A red flag needs at least one reason."), field="red_flags")
    with transaction.atomic():
        current = (
            RedFlag.objects.select_for_update()
            .filter(athlete=athlete, cleared_at__isnull=True)
            .first()
        )
        if current is not None:
            added = [f for f in flags if f not in current.red_flags]
            if added:
                current.red_flags = [*current.red_flags, *added]
                current.save(update_fields=["red_flags"])
                record(
                    actor=by,
                    action="redflag.added",
                    target=current,
                    athlete_id=athlete.pk,
                    flags=added,
                )
            return current
        flag = RedFlag.objects.create(athlete=athlete, source=source, red_flags=flags)
        record(
            actor=by,
            action="redflag.raised",
            target=flag,
            athlete_id=athlete.pk,
            source=source,
            flags=flags,
        )
        notify_all(
            coaches_of(athlete),
            kind="red_flag",
            title=Phrase("Red flag: {name}", name=athlete.name),
            body=Phrase(
                "{flags}. Their plan is paused until you record that they were seen and cleared.",
                flags=red_flag_labels(flags),
            ),
            url=f"/athletes/{athlete.pk}/attention/",
        )
        if email:
            transaction.on_commit(lambda: alert_red_flag.enqueue(flag.pk), robust=True)
        queue_refresh(athlete.pk)
    return flag


def clear_red_flag(
    *, flag: RedFlag, by: User, seen_on: dt.date, note: str, today: dt.date
) -> RedFlag:
    """Only a coach of the athlete (write access, checked by the caller) clears a red flag."""
    from tagalong.attention.tasks import queue_refresh

    if not by.is_coach:
        raise DomainError(gettext("Only a coach can clear a red flag."), field=None)
    if seen_on > today:
        raise DomainError(
            gettext("The day the runner was seen cannot be in the future."), field="seen_on"
        )
    if seen_on < flag.created_at.date() - dt.timedelta(days=1):
        raise DomainError(
            gettext("The runner must have been seen after the red flag was raised."),
            field="seen_on",
        )
    note = note.strip()
    if not note:
        raise DomainError(gettext("Say who saw the runner and what they advised."), field="note")
    with transaction.atomic():
        cleared = RedFlag.objects.filter(pk=flag.pk, cleared_at__isnull=True).update(
            cleared_at=timezone.now(), cleared_by=by, seen_on=seen_on, clearance_note=note[:500]
        )
        if not cleared:
            raise DomainError(gettext("This red flag was already cleared."), field=None)
        flag.refresh_from_db()
        record(
            actor=by,
            action="redflag.cleared",
            target=flag,
            athlete_id=flag.athlete_id,
            seen_on=str(seen_on),
        )
        queue_refresh(flag.athlete_id)
    return flag
