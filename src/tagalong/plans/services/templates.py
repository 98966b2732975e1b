"""Plan templates: save a plan as one, refill one from a plan, apply one to athletes or a group."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tagalong.access.policy import Access, access_to_athlete
from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteGroup, AthleteProfile
from tagalong.audit.services import record
from tagalong.errors import DomainError
from tagalong.plans.models import Plan, PlanSession, PlanStatus, Template
from tagalong.plans.services.generation import session_from_json
from tagalong.plans.services.versions import new_version
from tagalong.wording import Phrase


def _template_rows(plan: Plan) -> list[dict[str, Any]]:
    monday = plan.start - dt.timedelta(days=plan.start.weekday())
    return [
        {
            "week": (s.date - monday).days // 7,
            "weekday": s.date.weekday(),
            **{k: v for k, v in s.snapshot().items() if k not in {"id", "uid", "date"}},
            "why": s.why,
        }
        for s in plan.sessions.all()
    ]


@transaction.atomic
def save_as_template(*, plan: Plan, by: User, name: str) -> Template:
    if not name.strip():
        raise DomainError(gettext("Give the template a name."), field="name")
    template = Template.objects.create(
        coach=by, name=name.strip(), goal_type=plan.goal_type, weeks=_template_rows(plan)
    )
    record(actor=by, action="plan.template_saved", target=template, plan_id=plan.pk)
    return template


@transaction.atomic
def replace_template_sessions(*, template: Template, plan: Plan, by: User) -> Template:
    """The coach edits a template: its sessions become this plan's (week by week). Saving the
    template lets the apps that use it follow (a programme's members, see programmes.hooks)."""
    if template.coach_id != by.pk:
        raise DomainError(gettext("Pick one of your own templates."), field="replace")
    rows = _template_rows(plan)
    if not rows:
        raise DomainError(
            gettext("This plan has no sessions to put into the template."), field="replace"
        )
    before = len(template.weeks)
    template.weeks = rows
    template.save(update_fields=["weeks"])
    record(
        actor=by,
        action="plan.template_edited",
        target=template,
        plan_id=plan.pk,
        sessions_before=before,
        sessions_after=len(rows),
    )
    return template


@transaction.atomic
def apply_template(
    *, template: Template, athletes: Iterable[AthleteProfile], start: dt.date, by: User
) -> list[Plan]:
    """A plan per athlete from the template, weeks counted from the Monday of ``start``."""
    if not template.weeks:
        raise DomainError(gettext("This template has no sessions."))
    monday = start - dt.timedelta(days=start.weekday())
    plans = []
    for athlete in athletes:
        athlete.plans.filter(status=PlanStatus.ACTIVE).update(status=PlanStatus.ARCHIVED)
        dates = [monday + dt.timedelta(weeks=r["week"], days=r["weekday"]) for r in template.weeks]
        plan = Plan.objects.create(
            athlete=athlete,
            title=template.name,
            goal_type=template.goal_type,
            start=min([start, *dates]),
            end=max(dates),
            created_by=by,
            current_version=0,
        )
        PlanSession.objects.bulk_create(
            [
                session_from_json(plan, {**row, "date": day.isoformat()})
                for row, day in zip(template.weeks, dates, strict=True)
            ]
        )
        new_version(plan, by=by, reason=Phrase("Template {name} applied", name=template.name))
        record(
            actor=by,
            action="plan.template_applied",
            target=plan,
            athlete_id=athlete.pk,
            template_id=template.pk,
        )
        plans.append(plan)
    return plans


@dataclass(frozen=True)
class GroupApplied:
    plans: list[Plan]
    skipped: list[tuple[AthleteProfile, str]]  # the athlete and why no plan was made


SKIP_REASONS = {
    Access.READ: _("you may view but not change this athlete's record"),
    Access.NONE: _("you no longer coach this athlete"),
}


@transaction.atomic
def apply_template_to_group(
    *, template: Template, group: AthleteGroup, start: dt.date, by: User
) -> GroupApplied:
    """A plan per member the coach may change; the others are skipped with the reason."""
    writable: list[AthleteProfile] = []
    skipped: list[tuple[AthleteProfile, str]] = []
    for athlete in group.members.select_related("user").order_by("user__full_name", "pk"):
        level = access_to_athlete(by, athlete)
        if level is Access.WRITE:
            writable.append(athlete)
        else:
            skipped.append((athlete, SKIP_REASONS[level]))
    plans = (
        apply_template(template=template, athletes=writable, start=start, by=by) if writable else []
    )
    record(
        actor=by,
        action="plan.template_applied_to_group",
        target=template,
        group_id=group.pk,
        athlete_ids=[a.pk for a in writable],
        skipped_ids=[a.pk for a, _ in skipped],
    )
    return GroupApplied(plans, skipped)
