"""Edits of a plan's sessions: add an exercise, remove a session, copy a week."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext

from tagalong.access.policy import visible_custom_exercises
from tagalong.accounts.models import User
from tagalong.assessments.models import CustomExercise, custom_id
from tagalong.athletes.models import AthleteProfile, CoachingLink
from tagalong.audit.services import record
from tagalong.errors import DomainError
from tagalong.exercises import LIBRARY, Exercise
from tagalong.plans.models import Plan, PlanSession
from tagalong.plans.services.versions import bump, check_in_plan, new_version, record_change
from tagalong.wording import Phrase

UNKNOWN_EXERCISE = "Pick an exercise from the library or from your practice's own exercises."


def prescribable_exercise(
    slug: str, *, by: User, athlete: AthleteProfile
) -> Exercise | CustomExercise:
    """The library exercise, or the coach's practice's own one, that ``slug`` names.

    A coach's exercise must be one ``by`` may see (``tagalong.access.policy``); the same message
    answers one that does not exist and one of another practice, so neither is revealed. The
    athlete must be coached in its practice too, or they could not open it from their plan.
    """
    if slug in LIBRARY:
        return LIBRARY[slug]
    number = custom_id(slug)
    custom = None if number is None else visible_custom_exercises(by).filter(pk=number).first()
    if custom is None:
        raise DomainError(UNKNOWN_EXERCISE, field="slug")
    links = CoachingLink.objects.active().filter(athlete=athlete, practice_id=custom.practice_id)
    if not links.exists():
        raise DomainError(
            gettext(
                "%(name)s is not coached in the practice that wrote "
                "%(name2)s, so they could not open it."
            )
            % {"name": athlete.name, "name2": custom.name},
            field="slug",
        )
    return custom


@transaction.atomic
def add_exercise(
    *,
    session: PlanSession,
    by: User,
    slug: str,
    sets: int | None = None,
    reps: int | None = None,
    hold_s: int | None = None,
    load: str | None = None,
) -> PlanSession:
    exercise = prescribable_exercise(slug, by=by, athlete=session.plan.athlete)
    dose = exercise.dosage
    if reps is None and hold_s is None:
        reps, hold_s = dose.reps, dose.hold_s
    session.exercises = [
        *session.exercises,
        {
            "slug": slug,
            "sets": sets or dose.sets,
            "reps": reps,
            "hold_s": hold_s,
            "load": load or dose.load,
        },
    ]
    bump(session)
    session.save(update_fields=["exercises", "ical_sequence"])
    record_change(
        session,
        by=by,
        action="plan.exercise_added",
        reason=Phrase("{exercise} added on {day}", exercise=exercise.name, day=session.date),
        slug=slug,
    )
    return session


@transaction.atomic
def delete_session(*, session: PlanSession, by: User) -> None:
    plan = session.plan
    label, day, uid = session.label, session.date, str(session.ical_uid)
    record(
        actor=by,
        action="plan.session_deleted",
        target=session,
        athlete_id=plan.athlete_id,
        plan_id=plan.pk,
        uid=uid,
    )
    session.delete()
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    new_version(locked, by=by, reason=Phrase("{session} on {day} removed", session=label, day=day))


@transaction.atomic
def copy_week(*, plan: Plan, source: dt.date, target: dt.date, by: User) -> list[PlanSession]:
    """Copy the seven days from Monday ``source`` onto the seven days from Monday ``target``."""
    if source.weekday() != 0 or target.weekday() != 0:
        raise DomainError(gettext("Weeks start on a Monday."), field="target")
    if source == target:
        raise DomainError(gettext("Pick a different week to copy onto."), field="target")
    check_in_plan(plan, target, "target")
    originals = list(plan.sessions.filter(date__gte=source, date__lt=source + dt.timedelta(7)))
    if not originals:
        raise DomainError(gettext("That week has no sessions to copy."), field="source")
    shift = target - source
    copies = [s.copy_to(plan, s.date + shift) for s in originals]
    replaced = plan.sessions.filter(date__gte=target, date__lt=target + dt.timedelta(7))
    replaced.delete()
    PlanSession.objects.bulk_create(copies)
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    if max(c.date for c in copies) > locked.end:
        locked.end = max(c.date for c in copies)
        locked.save(update_fields=["end"])
    new_version(
        locked,
        by=by,
        reason=Phrase(
            "Week of {source} copied onto week of {target}", source=source, target=target
        ),
    )
    record(
        actor=by,
        action="plan.week_copied",
        target=locked,
        athlete_id=plan.athlete_id,
        source=source.isoformat(),
        target_week=target.isoformat(),
    )
    plan.current_version = locked.current_version
    return copies
