"""Writes for plans: generate, edit (each edit is a new version), templates, feed tokens."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from tagalong.access.policy import Access, access_to_athlete, visible_custom_exercises
from tagalong.accounts.models import User
from tagalong.assessments.models import CustomExercise, custom_id
from tagalong.athletes.models import AthleteGroup, AthleteProfile, CoachingLink
from tagalong.audit.services import record
from tagalong.errors import DomainError
from tagalong.exercises import LIBRARY, Exercise
from tagalong.physiology.vdot import VdotError
from tagalong.plangen import (
    InfeasiblePlan,
    PlanInputError,
    PlanRequest,
    generate_plan,
    plan_from_json,
    plan_to_json,
)
from tagalong.plans.models import (
    CalendarFeedToken,
    Plan,
    PlanComment,
    PlanSession,
    PlanStatus,
    PlanVersion,
    Template,
)

GOAL_TITLES = {
    "5k": "5K plan",
    "10k": "10K plan",
    "half": "Half marathon plan",
    "marathon": "Marathon plan",
    "endurance": "Endurance plan",
    "return_to_run": "Return to running",
    "postnatal": "Postnatal return to running",
}
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
TEST_KEYS = {
    "heel_raise": "heel_raise_reps",
    "knee_to_wall": "knee_to_wall_cm",
    "single_leg_bridge": "single_leg_bridge_reps",
    "side_plank": "side_plank_s",
}


def build_profile(
    *,
    athlete: AthleteProfile,
    goal: str,
    start: dt.date,
    weeks: int | None,
    race_date: dt.date | None,
    availability: Mapping[str, int],
    current: Mapping[str, Any],
    recent_race: Mapping[str, float] | None = None,
    weeks_postnatal: int | None = None,
    walk_breaks: bool = False,
) -> dict[str, Any]:
    """The PROFILE.json plangen reads, from the profile, the form and the latest tests."""
    if athlete.birth_date is None or not athlete.sex or athlete.body_mass_kg is None:
        raise DomainError(
            "The athlete's birth date, sex and body mass are needed to plan safely; "
            "add them to the profile first.",
            field="athlete",
        )
    person: dict[str, Any] = {
        "age": athlete.age_on(start),
        "sex": athlete.sex,
        "body_mass_kg": float(athlete.body_mass_kg),
    }
    for key in ("hr_max", "hr_rest", "lthr"):
        if getattr(athlete, key):
            person[key] = getattr(athlete, key)
    goal_obj: dict[str, Any] = {"type": goal}
    if race_date is not None:
        goal_obj["race_date"] = race_date.isoformat()
    else:
        goal_obj["weeks"] = weeks
    if goal == "postnatal":
        goal_obj["weeks_postnatal"] = weeks_postnatal
    if walk_breaks:
        goal_obj["walk_breaks"] = True
    days = [d for d in WEEKDAY_NAMES if availability.get(d, 0) > 0]
    profile: dict[str, Any] = {
        "athlete": person,
        "goal": goal_obj,
        "start": start.isoformat(),
        "availability": {"days": days, "minutes": {d: availability[d] for d in days}},
        "current": {**current, **({"recent_race": dict(recent_race)} if recent_race else {})},
    }
    profile.update(_assessment_inputs(athlete))
    return profile


def _assessment_inputs(athlete: AthleteProfile) -> dict[str, Any]:
    """Latest test results and calf-check findings, if the assessments app has any."""
    try:
        from tagalong.assessments.models import CalfCheckRun, TestResult
    except ImportError:  # the assessments app is not installed here
        return {}
    out: dict[str, Any] = {}
    tests: dict[str, dict[str, float]] = {}
    results = TestResult.objects.filter(session__athlete=athlete).order_by("-session__date", "-pk")
    for result in results[:50]:
        key = TEST_KEYS.get(result.test)
        if key and key not in tests:
            tests[key] = {"left": result.left, "right": result.right}
    if tests:
        out["tests"] = tests
    run = CalfCheckRun.objects.filter(athlete=athlete).order_by("-created_at").first()
    if run is not None and isinstance(run.result, dict):
        findings = [
            {"cause": f["cause"], "verdict": f["verdict"]}
            for f in run.result.get("findings", [])
            if isinstance(f, dict) and {"cause", "verdict"} <= f.keys()
        ]
        if findings:
            out["findings"] = findings
    return out


def generate_for_athlete(
    *,
    athlete: AthleteProfile,
    by: User,
    goal: str,
    start: dt.date,
    availability: Mapping[str, int],
    current: Mapping[str, Any],
    weeks: int | None = None,
    race_date: dt.date | None = None,
    recent_race: Mapping[str, float] | None = None,
    weeks_postnatal: int | None = None,
    walk_breaks: bool = False,
    status: str = PlanStatus.ACTIVE,
    inputs_used: list[dict[str, str]] | None = None,
) -> Plan:
    """A generated plan; ``inputs_used`` says where its inputs came from (plans.intake)."""
    profile = build_profile(
        athlete=athlete,
        goal=goal,
        start=start,
        weeks=weeks,
        race_date=race_date,
        availability=availability,
        current=current,
        recent_race=recent_race,
        weeks_postnatal=weeks_postnatal,
        walk_breaks=walk_breaks,
    )
    try:
        generated = generate_plan(plan_from_json(profile))
    except PlanInputError as error:
        raise DomainError(str(error), field=error.field) from error
    except VdotError as error:
        raise DomainError(str(error), field="current.recent_race") from error
    except InfeasiblePlan as error:
        raise DomainError(
            f"{error.reason} Suggestion: {error.suggestion}",
            field=None,
            code="infeasible",
            details={"alternatives": [alternative_args(t, r) for t, r in error.alternatives]},
        ) from error
    as_json = plan_to_json(generated)
    sessions = [s for w in as_json["weeks"] for s in w["sessions"]]  # type: ignore[attr-defined]
    with transaction.atomic():
        if status == PlanStatus.ACTIVE:
            athlete.plans.filter(status=PlanStatus.ACTIVE).update(status=PlanStatus.ARCHIVED)
        plan = Plan.objects.create(
            athlete=athlete,
            title=GOAL_TITLES.get(goal, "Training plan"),
            goal_type=goal,
            start=start,
            end=max(dt.date.fromisoformat(s["date"]) for s in sessions),
            status=status,
            created_by=by,
            profile=profile,
            summary={
                **{k: v for k, v in as_json.items() if k != "weeks"},
                "blocks": [
                    {"start": w.start.isoformat(), "phase": w.phase} for w in generated.weeks
                ],
                "inputs_used": inputs_used or [],
            },
            current_version=0,
        )
        PlanSession.objects.bulk_create([_session_from_json(plan, s) for s in sessions])
        new_version(plan, by=by, reason="Generated")
        record(actor=by, action="plan.generated", target=plan, athlete_id=athlete.pk, goal=goal)
    return plan


def alternative_args(words: str, request: PlanRequest) -> dict[str, Any]:
    """What changes for one alternative the generator built: the goal, its date or weeks and
    walk breaks; everything else in the request stays as the coach gave it."""
    goal = request.goal
    return {
        "label": f"Plan {words.removesuffix(' or later')} instead",
        "goal": goal.type,
        "race_date": goal.race_date.isoformat() if goal.race_date else None,
        "weeks": None if goal.race_date else goal.weeks,
        "walk_breaks": goal.walk_breaks,
    }


def _session_from_json(plan: Plan, s: Mapping[str, Any]) -> PlanSession:
    pace = s.get("target_pace_s_per_km") or (None, None)
    return PlanSession(
        plan=plan,
        date=dt.date.fromisoformat(s["date"]),
        kind=s["kind"],
        run_type=s.get("run_type") or "",
        duration_min=s.get("duration_min") or 0,
        distance_km=s.get("distance_km"),
        pace_fast_s_per_km=pace[0],
        pace_slow_s_per_km=pace[1],
        hr_zone=s.get("hr_zone") or "",
        ladder_level=s.get("ladder_level"),
        exercises=list(s.get("exercises") or []),
        why=list(s.get("why") or []),
        workout=s.get("workout") or None,
    )


def new_version(plan: Plan, *, by: User | None, reason: str) -> PlanVersion:
    Plan.objects.filter(pk=plan.pk).update(current_version=plan.current_version + 1)
    plan.current_version += 1
    return PlanVersion.objects.create(
        plan=plan,
        number=plan.current_version,
        created_by=by,
        reason=reason,
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
            f"Pick a date between {plan.start:%-d %b %Y} and {plan.end:%-d %b %Y}.", field=field
        )


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
            f"{athlete.name} is not coached in the practice that wrote {custom.name}, "
            "so they could not open it.",
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
        reason=f"Added {exercise.name} on {session.date}",
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
    new_version(locked, by=by, reason=f"Removed {label.lower()} on {day}")


@transaction.atomic
def copy_week(*, plan: Plan, source: dt.date, target: dt.date, by: User) -> list[PlanSession]:
    """Copy the seven days from Monday ``source`` onto the seven days from Monday ``target``."""
    if source.weekday() != 0 or target.weekday() != 0:
        raise DomainError("Weeks start on a Monday.", field="target")
    if source == target:
        raise DomainError("Pick a different week to copy onto.", field="target")
    check_in_plan(plan, target, "target")
    originals = list(plan.sessions.filter(date__gte=source, date__lt=source + dt.timedelta(7)))
    if not originals:
        raise DomainError("That week has no sessions to copy.", field="source")
    shift = target - source
    copies = [s.copy_to(plan, s.date + shift) for s in originals]
    replaced = plan.sessions.filter(date__gte=target, date__lt=target + dt.timedelta(7))
    replaced.delete()
    PlanSession.objects.bulk_create(copies)
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    if max(c.date for c in copies) > locked.end:
        locked.end = max(c.date for c in copies)
        locked.save(update_fields=["end"])
    new_version(locked, by=by, reason=f"Copied week of {source} onto week of {target}")
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


@transaction.atomic
def add_comment(*, session: PlanSession, author: User, text: str) -> PlanComment:
    text = text.strip()
    if not text:
        raise DomainError("Write a comment first.", field="text")
    if len(text) > 2000:
        raise DomainError("Keep comments under 2,000 characters.", field="text")
    comment = PlanComment.objects.create(session=session, author=author, text=text)
    _copy_comment_to_conversation(session, author, text)
    return comment


def _copy_comment_to_conversation(session: PlanSession, author: User, text: str) -> None:
    from django.urls import reverse

    from tagalong.messaging.services import post_linked_comment

    athlete = session.plan.athlete
    post_linked_comment(
        author=author,
        athlete=athlete,
        text=text,
        subject_kind="plan_session",
        subject_url=reverse(
            "plans:session", kwargs={"athlete_id": athlete.pk, "session_id": session.pk}
        ),
        subject_label=f"{session.label}, {session.date:%a} {session.date.day} {session.date:%b}",
    )


# --- templates -------------------------------------------------------------------------


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
        raise DomainError("Give the template a name.", field="name")
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
        raise DomainError("Pick one of your own templates.", field="replace")
    rows = _template_rows(plan)
    if not rows:
        raise DomainError("This plan has no sessions to put into the template.", field="replace")
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
        raise DomainError("This template has no sessions.")
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
                _session_from_json(plan, {**row, "date": day.isoformat()})
                for row, day in zip(template.weeks, dates, strict=True)
            ]
        )
        new_version(plan, by=by, reason=f"Applied template {template.name}")
        record(
            actor=by,
            action="plan.template_applied",
            target=plan,
            athlete_id=athlete.pk,
            template_id=template.pk,
        )
        plans.append(plan)
    return plans


# --- calendar feed ---------------------------------------------------------------------


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


@dataclass(frozen=True)
class GroupApplied:
    plans: list[Plan]
    skipped: list[tuple[AthleteProfile, str]]  # the athlete and why no plan was made


SKIP_REASONS = {
    Access.READ: "you may view but not change this athlete's record",
    Access.NONE: "you no longer coach this athlete",
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
