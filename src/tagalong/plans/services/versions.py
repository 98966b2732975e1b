"""Bookkeeping every plan edit shares: a new version, the audit entry, the feed's sequence."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext

from tagalong.accounts.models import User
from tagalong.audit.services import record
from tagalong.errors import DomainError
from tagalong.plans.models import Plan, PlanSession, PlanVersion
from tagalong.wording import phrase_json


def new_version(plan: Plan, *, by: User | None, reason: str) -> PlanVersion:
    Plan.objects.filter(pk=plan.pk).update(current_version=plan.current_version + 1)
    plan.current_version += 1
    return PlanVersion.objects.create(
        plan=plan,
        number=plan.current_version,
        created_by=by,
        reason=str.__str__(reason)[:300],
        reason_phrase=phrase_json(reason),
        snapshot=[s.snapshot() for s in plan.sessions.all()],
    )


def record_change(session: PlanSession, *, by: User, action: str, reason: str, **data: Any) -> None:
    """Bookkeeping shared by every edit: calendar sequence, plan version and the audit entry."""
    plan = Plan.objects.select_for_update().get(pk=session.plan_id)
    new_version(plan, by=by, reason=reason)
    record(
        actor=by,
        action=action,
        target=session,
        athlete_id=plan.athlete_id,
        plan_id=plan.pk,
        version=plan.current_version,
        **data,
    )


def bump(session: PlanSession) -> None:
    session.ical_sequence += 1


def check_in_plan(plan: Plan, day: dt.date, field: str) -> None:
    if not plan.start <= day <= plan.end:
        raise DomainError(
            gettext("Pick a date between %(start)s and %(end)s.")
            % {"start": date_format(plan.start, "j M Y"), "end": date_format(plan.end, "j M Y")},
            field=field,
        )
