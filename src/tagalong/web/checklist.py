"""The first-run checklist on a new runner's or coach's home page.

Each step ticks itself from what the person has really done (an intake saved, a run imported, a
session type made ...); nothing is ticked by hand. The list goes away when every step is done,
or when the person closes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tagalong.accounts.models import Invitation, User
from tagalong.activities.models import Activity
from tagalong.assessments.models import Intake, TestSession
from tagalong.athletes.models import AthleteProfile
from tagalong.audit.models import AuditEntry
from tagalong.bookings.models import Booking
from tagalong.plans.models import Plan
from tagalong.shoes.models import Shoe


@dataclass(frozen=True, slots=True)
class Step:
    key: str
    title: str | Promise
    url: str
    done: bool


@dataclass(frozen=True, slots=True)
class Checklist:
    steps: tuple[Step, ...]

    @property
    def done_count(self) -> int:
        return sum(step.done for step in self.steps)

    @property
    def complete(self) -> bool:
        return all(step.done for step in self.steps)


def runner_steps(profile: AthleteProfile) -> tuple[Step, ...]:
    pk = profile.pk
    return (
        Step(
            "intake",
            _("Fill in the intake"),
            reverse("assessments:intake", args=[pk]),
            Intake.objects.filter(athlete=profile).exists(),
        ),
        Step(
            "tests",
            _("Do the home tests"),
            reverse("assessments:tests", args=[pk]),
            TestSession.objects.filter(athlete=profile).exists(),
        ),
        Step(
            "runs",
            _("Import your runs"),
            reverse("activities:upload", args=[pk]),
            Activity.objects.filter(athlete=profile, manual=False).exists(),
        ),
        Step(
            "shoes",
            _("Add your shoes"),
            reverse("shoes:list", args=[pk]),
            Shoe.objects.filter(athlete=profile).exists(),
        ),
        Step(
            "booking",
            _("Book a session with your coach"),
            reverse("bookings:book"),
            Booking.objects.filter(athlete=profile).exists(),
        ),
    )


def _did(coach: User, *actions: str) -> bool:
    """The coach made this change themselves (the starting set-up a first visit makes does not
    count: that is ours, not theirs)."""
    return AuditEntry.objects.filter(actor=coach, action__in=actions).exists()


def coach_steps(coach: User) -> tuple[Step, ...]:
    profile = getattr(coach, "coach_profile", None)
    return (
        Step(
            "practice",
            _("Tell runners about your practice"),
            reverse("accounts:settings") + "#practice",
            bool(profile is not None and profile.bio.strip()),
        ),
        Step(
            "availability",
            _("Set the hours you are available"),
            reverse("bookings:availability"),
            _did(coach, "bookings.availability_changed"),
        ),
        Step(
            "session_types",
            _("Make a session type runners can book"),
            reverse("bookings:types"),
            _did(coach, "bookings.session_type_created", "bookings.session_type_changed"),
        ),
        Step(
            "invite",
            _("Invite a runner"),
            reverse("athletes:invite"),
            Invitation.objects.filter(coach=coach).exists(),
        ),
        Step(
            "plan",
            _("Write a first plan"),
            reverse("athletes:roster"),
            Plan.objects.filter(created_by=coach).exists(),
        ),
    )


def checklist_for(user: User) -> Checklist | None:
    """The checklist to show, or None once it is closed, complete, or not for this person."""
    if not user.is_authenticated or user.checklist_dismissed_at is not None:
        return None
    if user.is_coach:
        steps = coach_steps(user)
    elif user.is_athlete:
        profile = AthleteProfile.objects.filter(user=user).first()
        if profile is None:
            return None
        steps = runner_steps(profile)
    else:
        return None
    checklist = Checklist(steps)
    return None if checklist.complete else checklist


@transaction.atomic
def dismiss_checklist(*, user: User) -> None:
    User.objects.filter(pk=user.pk).update(checklist_dismissed_at=timezone.now())
    user.checklist_dismissed_at = timezone.now()
