"""The writers of the areas that existed before the export: one function per area, each
registered in DataExportConfig.ready(). New apps register their own (see messaging)."""

from __future__ import annotations

from pathlib import PurePath

from django.db.models import Q
from django.utils import timezone

from tagalong.activities.models import Activity, DailyLoad
from tagalong.assessments.models import CalfCheckRun, Intake, TestResult, TestSession
from tagalong.athletes.models import AthleteProfile, CoachingLink, PracticeConsent
from tagalong.bookings.models import Booking, SessionNote
from tagalong.dataexport.archive import Archive, plain, rows_of
from tagalong.plans.models import Plan, PlanComment, PlanSession
from tagalong.plans.selectors.exports import feed_bytes, fit_bytes
from tagalong.shoes.models import Shoe, ShoeUse
from tagalong.symptoms.models import SymptomLog


def profile(athlete: AthleteProfile, archive: Archive) -> None:
    person = athlete.user
    row = {
        "name": person.full_name,
        "email": person.email,
        "joined": person.date_joined,
        **rows_of(AthleteProfile.objects.filter(pk=athlete.pk), exclude=("user",))[0],
    }
    archive.table("profile", "profile", [{k: plain(v) for k, v in row.items()}])
    archive.table(
        "profile",
        "coaches",
        rows_of(
            CoachingLink.objects.filter(athlete=athlete),
            fields=("coach__full_name", "practice__name", "started_at", "ended_at"),
        ),
    )
    archive.table("profile", "permissions", _permissions(athlete))


EVERYONE = "everyone at the practice"


def _permissions(athlete: AthleteProfile) -> list[dict[str, object]]:
    """Who the runner allowed to see their record, beyond their own coaches."""
    return [
        {
            "practice": given.practice.name,
            "colleague": given.colleague.full_name
            if given.colleague
            else "everyone at the practice",
            "granted_at": plain(given.granted_at),
        }
        for given in PracticeConsent.objects.filter(athlete=athlete).select_related(
            "practice", "colleague"
        )
    ]


def intake(athlete: AthleteProfile, archive: Archive) -> None:
    archive.table("intake", "intake", rows_of(Intake.objects.filter(athlete=athlete)))


def tests(athlete: AthleteProfile, archive: Archive) -> None:
    archive.table("tests", "sessions", rows_of(TestSession.objects.filter(athlete=athlete)))
    archive.table("tests", "results", rows_of(TestResult.objects.filter(session__athlete=athlete)))


def calf_checks(athlete: AthleteProfile, archive: Archive) -> None:
    archive.table(
        "calf_checks", "calf_checks", rows_of(CalfCheckRun.objects.filter(athlete=athlete))
    )


def activities(athlete: AthleteProfile, archive: Archive) -> None:
    """Every activity with its metrics, and every original file exactly as it was uploaded."""
    mine = Activity.objects.filter(athlete=athlete).order_by("start")
    archive.table("activities", "activities", rows_of(mine, exclude=("chart",)))
    for activity in mine.exclude(original="").only("pk", "start", "original"):
        name = PurePath(activity.original.name).name
        try:
            with activity.original.open("rb") as source:
                archive.copy(f"activities/originals/{activity.start:%Y-%m-%d}-{name}", source)
        except FileNotFoundError:
            continue  # a row whose file was removed by hand: the table still lists it


def daily_load(athlete: AthleteProfile, archive: Archive) -> None:
    archive.table("daily_load", "daily_load", rows_of(DailyLoad.objects.filter(athlete=athlete)))


def symptoms(athlete: AthleteProfile, archive: Archive) -> None:
    archive.table("symptoms", "symptoms", rows_of(SymptomLog.objects.filter(athlete=athlete)))


def shoes(athlete: AthleteProfile, archive: Archive) -> None:
    archive.table("shoes", "shoes", rows_of(Shoe.objects.filter(athlete=athlete)))
    archive.table("shoes", "uses", rows_of(ShoeUse.objects.filter(shoe__athlete=athlete)))


def plans(athlete: AthleteProfile, archive: Archive) -> None:
    """Plans and sessions as tables, the calendar as iCalendar, each run as a FIT workout."""
    archive.table("plans", "plans", rows_of(Plan.objects.filter(athlete=athlete)))
    sessions = PlanSession.objects.filter(plan__athlete=athlete).order_by("date", "pk")
    archive.table("plans", "sessions", rows_of(sessions))
    archive.table(
        "plans",
        "comments",
        rows_of(
            PlanComment.objects.filter(session__plan__athlete=athlete),
            fields=("session_id", "author__full_name", "text", "created_at"),
        ),
    )
    now = timezone.now()
    if sessions.exists():
        archive.bytes("plans/plan.ics", feed_bytes(athlete, now=now))
    for session in sessions.filter(kind="run").select_related("plan"):
        label = session.run_type or "run"
        archive.bytes(
            f"plans/workouts/{session.date:%Y-%m-%d}-{label}.fit",
            fit_bytes(session, now=now),
        )


def bookings(athlete: AthleteProfile, archive: Archive) -> None:
    archive.table(
        "bookings",
        "bookings",
        rows_of(
            Booking.objects.filter(athlete=athlete),
            fields=(
                "id",
                "status",
                "waitlist_position",
                "created_at",
                "session__session_type__name",
                "session__coach__full_name",
                "session__start",
                "session__end",
                "session__tz_name",
                "session__status",
            ),
        ),
    )


def shared_notes(athlete: AthleteProfile, archive: Archive) -> None:
    """What coaches wrote for the runner after a session. Their private notes stay theirs."""
    shared = SessionNote.objects.filter(athlete=athlete).filter(
        ~Q(shared_advice="") | ~Q(exercise_slugs=[])
    )
    archive.table(
        "notes",
        "session_notes",
        rows_of(
            shared,
            fields=(
                "session__start",
                "session__session_type__name",
                "session__coach__full_name",
                "shared_advice",
                "exercise_slugs",
                "updated_at",
            ),
        ),
    )


BUILT_IN = (
    ("profile", "Profile", profile),
    ("intake", "Intake questionnaire", intake),
    ("tests", "Home tests", tests),
    ("calf_checks", "Calf checks", calf_checks),
    ("activities", "Activities and original files", activities),
    ("daily_load", "Daily training load", daily_load),
    ("symptoms", "Symptom logs", symptoms),
    ("shoes", "Shoes", shoes),
    ("plans", "Training plans, calendar and workouts", plans),
    ("bookings", "Bookings", bookings),
    ("notes", "Notes from your coach", shared_notes),
)
