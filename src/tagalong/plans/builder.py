"""Writes of the plan builder: add, move and copy sessions, change targets, build a workout.

Every write is one transaction that leaves the plan a new version and an audit entry
(``services.record_change``) and keeps each day coherent: a Rest never shares a day with
training, and a day a session leaves empty becomes a Rest day again when the plan uses them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from tagalong.accounts.models import User
from tagalong.errors import DomainError
from tagalong.plans import workouts
from tagalong.plans.models import Plan, PlanSession, SessionKind
from tagalong.plans.services.versions import bump, check_in_plan, record_change
from tagalong.wording import Phrase

EDITABLE = ("kind", "run_type", "duration_min", "distance_km", "pace_range", "hr_zone")
RUN_TYPES = ("easy", "long", "tempo", "intervals", "recovery", "walk_run", "race", "strides")
TIMED_KINDS = (SessionKind.RUN, SessionKind.CROSS)  # need minutes to mean anything
MAX_MINUTES = 600


def _day_words(day: dt.date) -> str:
    return f"{day:%a %-d %b}"


def _training_on(plan: Plan, day: dt.date, *, besides: PlanSession | None = None) -> list[Any]:
    found = plan.sessions.filter(date=day).exclude(kind=SessionKind.REST)
    return list(found.exclude(pk=besides.pk) if besides is not None and besides.pk else found)


def _settle_day(plan: Plan, day: dt.date, arriving: PlanSession) -> None:
    """Make room for ``arriving`` on ``day``: training replaces that day's Rest; a Rest is
    refused on a day that has training."""
    if arriving.kind == SessionKind.REST:
        if _training_on(plan, day, besides=arriving):
            raise DomainError(
                gettext(
                    "%(day)s has training, so it cannot be a rest day too. Move "
                    "or remove that session first."
                )
                % {"day": _day_words(day)},
                field="date",
            )
        if plan.sessions.filter(date=day, kind=SessionKind.REST).exclude(pk=arriving.pk).exists():
            raise DomainError(
                gettext("%(day)s is already a rest day.") % {"day": _day_words(day)}, field="date"
            )
        return
    plan.sessions.filter(date=day, kind=SessionKind.REST).exclude(pk=arriving.pk).delete()


def _refill_day(plan: Plan, day: dt.date) -> None:
    """A day left with nothing becomes a Rest day, in plans that mark rest days."""
    if plan.sessions.filter(date=day).exists():
        return
    if plan.sessions.filter(kind=SessionKind.REST).exists():
        PlanSession.objects.create(plan=plan, date=day, kind=SessionKind.REST)


def _check_minutes(kind: str, minutes: float | None, field: str = "duration_min") -> float:
    if minutes is None or not 0 <= minutes <= MAX_MINUTES:
        raise DomainError(
            gettext("Minutes must be between 0 and %(max_minutes)s.")
            % {"max_minutes": MAX_MINUTES},
            field=field,
        )
    if kind in TIMED_KINDS and minutes == 0:
        raise DomainError(gettext("Give the session's minutes."), field=field)
    return 0.0 if kind == SessionKind.REST else float(minutes)


def _check_pace(pace: tuple[float, float] | None) -> tuple[float, float] | None:
    if pace is not None and not 120 <= pace[0] <= pace[1] <= 1200:
        raise DomainError(
            gettext("Pace range must be fast ≤ slow, between 2:00 and 20:00 per km."), field="pace"
        )
    return pace


@transaction.atomic
def add_session(
    *,
    plan: Plan,
    day: dt.date,
    kind: str,
    by: User,
    run_type: str = "",
    duration_min: float | None = None,
    pace_range: tuple[float, float] | None = None,
    hr_zone: str = "",
) -> PlanSession:
    """A new session on ``day``: run, strength, mobility, cross-training or rest."""
    check_in_plan(plan, day, "date")
    if kind not in SessionKind.values:
        raise DomainError(
            gettext("Pick run, strength, mobility, cross-training or rest."), field="kind"
        )
    if kind == SessionKind.RUN and run_type and run_type not in RUN_TYPES:
        raise DomainError(gettext("Pick a kind of run from the list."), field="run_type")
    minutes = _check_minutes(kind, 0 if kind == SessionKind.REST else duration_min)
    session = PlanSession(
        plan=plan,
        date=day,
        kind=kind,
        run_type=(run_type or "easy") if kind == SessionKind.RUN else "",
        duration_min=minutes,
        hr_zone=hr_zone if kind == SessionKind.RUN else "",
    )
    if kind == SessionKind.RUN:
        session.pace_fast_s_per_km, session.pace_slow_s_per_km = _check_pace(pace_range) or (
            None,
            None,
        )
        session.distance_km = workouts.distance_km(minutes, session.pace_range)
    _settle_day(plan, day, session)
    session.save()
    record_change(
        session,
        by=by,
        action="plan.session_added",
        reason=Phrase("{session} added on {day}", session=session.label, day=day),
        kind=kind,
        date=day.isoformat(),
    )
    return session


@transaction.atomic
def move_session(*, session: PlanSession, to: dt.date, by: User) -> PlanSession:
    plan = session.plan
    check_in_plan(plan, to, "date")
    before = session.date
    if to == before:
        return session
    _settle_day(plan, to, session)
    session.date = to
    bump(session)
    session.save(update_fields=["date", "ical_sequence"])
    _refill_day(plan, before)
    record_change(
        session,
        by=by,
        action="plan.session_moved",
        reason=Phrase(
            "{session} moved from {before} to {after}",
            session=session.label,
            before=before,
            after=to,
        ),
        before=before.isoformat(),
        after=to.isoformat(),
    )
    return session


@transaction.atomic
def copy_session(*, session: PlanSession, to: dt.date, by: User) -> PlanSession:
    plan = session.plan
    check_in_plan(plan, to, "date")
    copy = session.copy_to(plan, to)
    _settle_day(plan, to, copy)
    copy.save()
    record_change(
        copy,
        by=by,
        action="plan.session_copied",
        reason=Phrase(
            "{session} copied from {before} to {after}",
            session=session.label,
            before=session.date,
            after=to,
        ),
        source_id=session.pk,
        date=to.isoformat(),
    )
    return copy


def _new_distance(
    session: PlanSession, changes: Mapping[str, Any], old_minutes: float, old_km: float | None
) -> None:
    """Time or pace changed and no new distance was given: work the distance out again."""
    if changes.get("distance_km", old_km) != old_km:
        return  # the coach gave the distance
    if not {"duration_min", "pace_range"} & changes.keys():
        return
    worked_out = workouts.distance_km(session.duration_min, session.pace_range)
    if worked_out is None and old_km and old_minutes > 0:
        worked_out = round(old_km * session.duration_min / old_minutes, 1)
    session.distance_km = worked_out if worked_out is not None else old_km


def _rescale_steps(session: PlanSession, factor: float) -> None:
    """A new time typed for a run with steps stretches every step, so they still add up."""
    from tagalong.plangen.steps import workout_from_dict
    from tagalong.plangen.workouts import scaled

    session.workout = scaled(workout_from_dict(session.workout), factor).to_dict()


@transaction.atomic
def change_session(*, session: PlanSession, by: User, changes: Mapping[str, Any]) -> PlanSession:
    """Change targets; ``changes`` may hold kind, run_type, duration_min, distance_km,
    pace_range ((fast, slow) s/km or None) and hr_zone. A new time or pace, without a new
    distance, gives a new distance."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise DomainError(
            gettext("Cannot change %(items)s.") % {"items": ", ".join(sorted(unknown))}
        )
    if "kind" in changes and changes["kind"] not in SessionKind.values:
        raise DomainError(gettext("Pick a session kind from the list."), field="kind")
    if "duration_min" in changes:
        _check_minutes(changes.get("kind", session.kind), changes["duration_min"] or 0)
    old_minutes, old = session.duration_min, session.distance_km
    for key in ("kind", "run_type", "duration_min", "distance_km", "hr_zone"):
        if key in changes:
            value = changes[key]
            setattr(session, key, "" if value is None and key in {"run_type", "hr_zone"} else value)
    if "pace_range" in changes:
        pace = _check_pace(changes["pace_range"])
        session.pace_fast_s_per_km, session.pace_slow_s_per_km = pace or (None, None)
    if session.workout and old_minutes > 0 and session.duration_min != old_minutes:
        _rescale_steps(session, session.duration_min / old_minutes)
    _new_distance(session, changes, old_minutes, old)
    if session.kind != SessionKind.RUN:
        session.run_type, session.workout = "", None
    if "kind" in changes:
        _settle_day(session.plan, session.date, session)
    bump(session)
    session.save()
    record_change(
        session,
        by=by,
        action="plan.session_changed",
        reason=Phrase("{session} on {day} changed", session=session.label, day=session.date),
        fields=sorted(changes),
    )
    return session


@transaction.atomic
def set_workout(*, session: PlanSession, by: User, workout: Any) -> PlanSession:
    """Give a run its steps; its time and distance become the steps' totals."""
    if session.kind != SessionKind.RUN:
        raise DomainError(
            gettext("Only runs have workout steps; this is a %(get_kind_display)s session.")
            % {"get_kind_display": session.get_kind_display().lower()},
            field="kind",
        )
    parsed = workouts.parse_workout(workout)
    done = workouts.totals(parsed, workouts.fallback_pace(session))
    if done.seconds / 60 > MAX_MINUTES:
        raise DomainError(
            gettext("The steps add up to %(seconds).0f minutes; keep a run under %(max_minutes)s.")
            % {"seconds": done.seconds / 60, "max_minutes": MAX_MINUTES},
            field="workout.steps",
        )
    session.workout = parsed.to_dict()
    session.duration_min = round(done.seconds / 60, 1)
    session.distance_km = done.km
    bump(session)
    session.save(update_fields=["workout", "duration_min", "distance_km", "ical_sequence"])
    record_change(
        session,
        by=by,
        action="plan.workout_set",
        reason=Phrase("{session} on {day}: workout built", session=session.label, day=session.date),
        steps=len(parsed.flat_steps()),
    )
    return session


@transaction.atomic
def clear_workout(*, session: PlanSession, by: User) -> PlanSession:
    session.workout = None
    bump(session)
    session.save(update_fields=["workout", "ical_sequence"])
    record_change(
        session,
        by=by,
        action="plan.workout_cleared",
        reason=Phrase("{session} on {day}: steps removed", session=session.label, day=session.date),
    )
    return session
