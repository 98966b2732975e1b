"""Small factories for people; tests build what they need and nothing else."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone

from tagalong.accounts.models import CoachProfile, Invitation, Practice, Role, User
from tagalong.athletes.models import AthleteProfile, CoachingLink, PracticeConsent

PASSWORD = "a-good-test-password-1"
_counter = itertools.count(1)


def make_user(
    *, role: str, name: str | None = None, email: str | None = None, **extra: object
) -> User:
    n = next(_counter)
    user = User(
        email=email or f"{role}{n}@example.org",
        full_name=name or f"{role.title()} {n}",
        role=role,
        **extra,
    )
    user.set_password(PASSWORD)
    user.save()
    return user


def make_coach(*, practice: Practice | None = None, **extra: object) -> User:
    coach = make_user(role=Role.COACH, **extra)
    practice = practice or Practice.objects.create(name=f"Practice of {coach.full_name}")
    CoachProfile.objects.create(user=coach, practice=practice)
    return coach


def make_athlete(
    *, coach: User | None = None, shared: bool = True, **profile: object
) -> AthleteProfile:
    user = make_user(role=Role.ATHLETE)
    defaults: dict[str, object] = {
        "birth_date": date(1990, 5, 1),
        "sex": "female",
        "body_mass_kg": Decimal("60.0"),
    }
    athlete = AthleteProfile.objects.create(user=user, **{**defaults, **profile})
    if coach is not None:
        link_athlete(athlete, coach, shared=shared)
    return athlete


def link_athlete(athlete: AthleteProfile, coach: User, *, shared: bool = True) -> CoachingLink:
    return CoachingLink.objects.create(
        athlete=athlete,
        coach=coach,
        practice=coach.coach_profile.practice,
        shared_with_practice=shared,
    )


def allow_colleague(athlete: AthleteProfile, colleague: User | None, *, practice=None):  # type: ignore[no-untyped-def]
    """The runner lets a colleague of their coach (None: everyone at ``practice``) look."""
    return PracticeConsent.objects.create(
        athlete=athlete,
        practice=practice or colleague.coach_profile.practice,  # type: ignore[union-attr]
        colleague=colleague,
    )


def make_staff() -> User:
    return make_user(role=Role.STAFF, is_staff=True, is_superuser=True)


def make_invitation(
    *, coach: User, email: str = "new.runner@example.org", days: int = 14
) -> Invitation:
    now = timezone.now()
    return Invitation.objects.create(
        email=email,
        coach=coach,
        practice=coach.coach_profile.practice,
        created_at=now,
        expires_at=now + timezone.timedelta(days=days),
    )


@dataclass
class World:
    """The personas of the permission matrix."""

    coach_a: User
    colleague: User  # same practice as coach_a, allowed by athlete_a: reads their record
    coach_other: User  # another practice
    athlete_a: AthleteProfile  # coached by coach_a
    athlete_b: AthleteProfile  # coached by coach_other
    staff: User
    # same practice as coach_a, never allowed by athlete_a: a stranger to athlete_a's record
    colleague_no_consent: User

    def actor(self, name: str) -> User | None:
        return {
            "anonymous": None,
            "athlete_a": self.athlete_a.user,
            "athlete_b": self.athlete_b.user,
            "coach_a": self.coach_a,
            "colleague": self.colleague,
            "colleague_no_consent": self.colleague_no_consent,
            "coach_other": self.coach_other,
            "staff": self.staff,
        }[name]


ACTORS = (
    "anonymous",
    "athlete_a",
    "athlete_b",
    "coach_a",
    "colleague",
    "colleague_no_consent",
    "coach_other",
    "staff",
)


def make_world() -> World:
    coach_a = make_coach(name="Coach A")
    colleague = make_coach(practice=coach_a.coach_profile.practice, name="Colleague")
    colleague_no_consent = make_coach(
        practice=coach_a.coach_profile.practice, name="Colleague Without Consent"
    )
    coach_other = make_coach(name="Coach Other")
    athlete_a = make_athlete(coach=coach_a)
    allow_colleague(athlete_a, colleague)
    return World(
        coach_a=coach_a,
        colleague=colleague,
        coach_other=coach_other,
        athlete_a=athlete_a,
        athlete_b=make_athlete(coach=coach_other),
        staff=make_staff(),
        colleague_no_consent=colleague_no_consent,
    )
