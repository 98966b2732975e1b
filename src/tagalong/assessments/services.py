"""Writes: intake versions, test sessions, calf-check runs and the coach's alert."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from tagalong.accounts.models import User
from tagalong.assessment import AssessmentError
from tagalong.assessments.custom_fields import clean_custom_fields
from tagalong.assessments.models import (
    CalfCheckRun,
    CustomExercise,
    Intake,
    TestResult,
    TestSession,
)
from tagalong.assessments.scoring import BODY_MASS_TESTS, RAW_UNITS, body_mass_of, score_raw
from tagalong.athletes.models import AthleteProfile
from tagalong.attention.red_flags import raise_red_flag
from tagalong.attention.tasks import queue_refresh
from tagalong.audit.services import record
from tagalong.calfcheck import (
    CalfCheckResult,
    CaseError,
    case_from_json,
    check_calves,
    result_phrases,
    result_to_json,
)
from tagalong.errors import DomainError
from tagalong.plans.hooks import plan_data_changed

INTAKE_FIELDS = (
    "goal",
    "race_date",
    "runs_per_week",
    "weekly_km",
    "longest_run_km_30d",
    "recent_race_km",
    "recent_race_minutes",
    "injury_history",
    "concerns",
    "available_days",
    "available_minutes",
    "equipment",
    "weeks_since_birth",
    "red_flags",
)


def submit_intake(*, athlete: AthleteProfile, by: User, data: dict[str, Any]) -> Intake:
    """Save a new intake version; a coach's version counts as reviewed and is audited as an edit."""
    unknown = sorted(set(data) - set(INTAKE_FIELDS))
    if unknown:
        raise DomainError(
            gettext("Unknown intake field: %(unknown)s.") % {"unknown": unknown[0]},
            field=unknown[0],
        )
    previous = Intake.objects.filter(athlete=athlete).first()
    now = timezone.now()
    by_coach = by.pk != athlete.user_id
    with transaction.atomic():
        intake = Intake.objects.create(
            athlete=athlete,
            submitted_by=by,
            created_at=now,
            reviewed_by=by if by_coach else None,
            reviewed_at=now if by_coach else None,
            **data,
        )
        changed = [
            name
            for name in INTAKE_FIELDS
            if previous is None or getattr(previous, name) != getattr(intake, name)
        ]
        record(
            actor=by,
            action="intake.edited_by_coach" if by_coach else "intake.submitted",
            target=intake,
            athlete_id=athlete.pk,
            fields=changed,
        )
        if intake.red_flags:
            from tagalong.assessments.tasks import alert_coaches_red_flag

            transaction.on_commit(lambda: alert_coaches_red_flag.enqueue(intake.pk))
            # The intake's own email above; the red flag stays open until a coach clears it.
            raise_red_flag(
                athlete=athlete, source="intake", flags=intake.red_flags, by=by, email=False
            )
    return intake


def record_test_session(
    *,
    athlete: AthleteProfile,
    by: User,
    day: date,
    values: dict[str, tuple[float, float]],
    protocol_version: str = "1",
) -> TestSession:
    """Store raw left/right values per test with the LSI and the protocol version."""
    if not values:
        raise DomainError(gettext("Enter at least one test result."), field=None)
    rows = []
    for test, (left, right) in values.items():
        if test not in RAW_UNITS:
            raise DomainError(
                gettext("Unknown test %(test)r; one of %(items)s.")
                % {"test": test, "items": ", ".join(RAW_UNITS)},
                field=test,
            )
        try:
            score = score_raw(athlete, test, left, right, protocol_version)
        except AssessmentError as error:
            raise DomainError(error.message, field=test) from error
        lsi = score.symmetry.lsi_pct if score.symmetry else None
        mass = body_mass_of(athlete) if test in BODY_MASS_TESTS else None
        rows.append(
            TestResult(
                test=test,
                left=left,
                right=right,
                unit=RAW_UNITS[test],
                lsi_pct=lsi,
                body_mass_kg=mass,
            )
        )
    with transaction.atomic():
        session = TestSession.objects.create(
            athlete=athlete, date=day, by=by, protocol_version=protocol_version
        )
        for row in rows:
            row.session = session
        TestResult.objects.bulk_create(rows)
        record(
            actor=by,
            action="tests.recorded",
            target=session,
            athlete_id=athlete.pk,
            tests=sorted(values),
        )
        plan_data_changed(athlete.pk, source="retest")
    return session


def check_case(case: dict[str, Any], *, today: date) -> CalfCheckResult:
    """The same path as the CLI: CASE.json dict → case_from_json → check_calves."""
    try:
        parsed = case_from_json(case)
    except CaseError as error:
        raise DomainError(error.message, field=error.field) from error
    return check_calves(parsed, today=today)


def evaluate_case(case: dict[str, Any], *, today: date) -> dict[str, Any]:
    """``check_case`` as the JSON the CLI prints."""
    return result_to_json(check_case(case, today=today))


def run_calf_check(
    *, athlete: AthleteProfile, by: User, case: dict[str, Any], today: date
) -> CalfCheckRun:
    checked = check_case(case, today=today)
    result = result_to_json(checked)
    with transaction.atomic():
        run = CalfCheckRun.objects.create(
            athlete=athlete,
            by=by,
            case=case,
            result=result,
            phrases=result_phrases(checked),
            red_flag=bool(result["stop"]),
        )
        record(actor=by, action="calfcheck.run", target=run, athlete_id=athlete.pk)
        if run.red_flag:
            raise_red_flag(athlete=athlete, source="self_check", flags=result["red_flags"], by=by)
        queue_refresh(athlete.pk)
    return run


def add_coach_note(*, run: CalfCheckRun, by: User, note: str) -> CalfCheckRun:
    with transaction.atomic():
        run.coach_note = note.strip()
        run.save(update_fields=["coach_note"])
        record(actor=by, action="calfcheck.note", target=run, athlete_id=run.athlete_id)
    return run


def _practice_of(coach: User) -> int:
    profile = getattr(coach, "coach_profile", None)
    if profile is None:
        raise DomainError(gettext("Only a coach with a practice can write exercises."), field=None)
    return int(profile.practice_id)


def create_custom_exercise(*, author: User, data: dict[str, Any]) -> CustomExercise:
    """A new exercise of the author's practice: colleagues see it read-only."""
    practice_id = _practice_of(author)
    fields = clean_custom_fields(data, practice_id=practice_id)
    with transaction.atomic():
        exercise = CustomExercise.objects.create(practice_id=practice_id, author=author, **fields)
        record(actor=author, action="exercise.created", target=exercise, name=exercise.name)
    return exercise


def update_custom_exercise(
    *, exercise: CustomExercise, by: User, data: dict[str, Any]
) -> CustomExercise:
    """Replace every field; the caller has checked that ``by`` is the author."""
    fields = clean_custom_fields(data, practice_id=exercise.practice_id, own_id=exercise.pk)
    with transaction.atomic():
        for name, value in fields.items():
            setattr(exercise, name, value)
        exercise.updated_at = timezone.now()
        exercise.save()
        record(actor=by, action="exercise.edited", target=exercise, fields=sorted(fields))
    return exercise


def delete_custom_exercise(*, exercise: CustomExercise, by: User) -> None:
    """Links from other exercises to it are cleared; plans keep the slug they were given."""
    slug = exercise.slug
    with transaction.atomic():
        for link in ("regression", "progression"):
            CustomExercise.objects.filter(practice_id=exercise.practice_id, **{link: slug}).update(
                **{link: ""}
            )
        record(actor=by, action="exercise.deleted", target=exercise, name=exercise.name)
        exercise.delete()
