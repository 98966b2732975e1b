"""Demo data: one practice, two coaches, six runners with varied profiles.

Later apps add their own demo histories through ``DEMO_EXTENSIONS``: a list of callables
receiving the created objects, run after the people exist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from tagalong.accounts.models import CoachProfile, Practice, Role, User
from tagalong.athletes.models import AthleteProfile, CoachingLink, PracticeConsent

DEMO_PASSWORD = "calves-demo-2026"  # noqa: S105 - printed for the local demo only
PRACTICE_NAME = "Riverside Running Clinic"

COACHES = (
    ("coach@demo.tagalong", "Maya Okafor", "Europe/London"),
    ("physio@demo.tagalong", "Tom Lindqvist", "Europe/Stockholm"),
)

# email, name, coach index, birth date, sex, kg, cm, tz, years, runs/wk, km/wk, goal
ATHLETES: tuple[tuple[Any, ...], ...] = (
    (
        "sam@demo.tagalong",
        "Sam Carter",
        0,
        date(1988, 4, 12),
        "male",
        "74.0",
        "178",
        "Europe/London",
        6,
        4,
        "38",
        "Sub-3:30 marathon in April; calves tight after long runs.",
    ),
    (
        "priya@demo.tagalong",
        "Priya Nair",
        0,
        date(1993, 9, 3),
        "female",
        "58.5",
        "163",
        "Europe/London",
        2,
        3,
        "18",
        "First 10K; left calf tight the morning after runs.",
    ),
    (
        "lena@demo.tagalong",
        "Lena Brandt",
        1,
        date(1990, 1, 22),
        "female",
        "63.0",
        "170",
        "Europe/Berlin",
        8,
        3,
        "12",
        "Return to running 20 weeks after giving birth.",
    ),
    (
        "marcus@demo.tagalong",
        "Marcus Hill",
        1,
        date(1979, 6, 30),
        "male",
        "86.0",
        "183",
        "America/New_York",
        12,
        5,
        "55",
        "Half marathon PB; recovering from a right calf strain.",
    ),
    (
        "aiko@demo.tagalong",
        "Aiko Tanaka",
        0,
        date(2001, 11, 8),
        "female",
        "52.0",
        "158",
        "Australia/Sydney",
        1,
        2,
        "8",
        "Run 5K without stopping; new forefoot-style shoes.",
    ),
    (
        "dev@demo.tagalong",
        "Dev Patel",
        1,
        date(1968, 3, 15),
        "male",
        "79.0",
        "175",
        "Europe/London",
        25,
        4,
        "32",
        "Stay injury-free; Achilles niggle history; long flights for work.",
    ),
)


# Who lets the other coach of the practice see their record (athlete index, coach index;
# None: everyone at the practice). Aiko, Marcus and Dev have allowed nobody.
CONSENTS: tuple[tuple[int, int | None], ...] = ((0, 1), (1, None), (2, 0))


@dataclass
class DemoWorld:
    practice: Practice
    coaches: list[User] = field(default_factory=list)
    athletes: list[AthleteProfile] = field(default_factory=list)


DEMO_EXTENSIONS: list[Callable[[DemoWorld], None]] = []


def _user(email: str, name: str, role: str, tz: str) -> tuple[User, bool]:
    user, created = User.objects.get_or_create(
        email=email, defaults={"full_name": name, "role": role, "time_zone": tz}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user, created


@transaction.atomic
def load_demo(*, reset: bool = False) -> bool:
    """Create the demo world once; returns False when it already existed."""
    if reset:
        User.objects.filter(email__endswith="@demo.tagalong").delete()
        Practice.objects.filter(name=PRACTICE_NAME, coaches__isnull=True).delete()
    if User.objects.filter(email=COACHES[0][0]).exists():
        return False
    practice = Practice.objects.create(name=PRACTICE_NAME)
    world = DemoWorld(practice=practice)
    for email, name, tz in COACHES:
        coach, _ = _user(email, name, Role.COACH, tz)
        CoachProfile.objects.get_or_create(user=coach, defaults={"practice": practice})
        world.coaches.append(coach)
    for email, name, coach_index, born, sex, kg, cm, tz, years, runs, km, goal in ATHLETES:
        user, _ = _user(email, name, Role.ATHLETE, tz)
        profile = AthleteProfile.objects.create(
            user=user,
            birth_date=born,
            sex=sex,
            body_mass_kg=Decimal(kg),
            height_cm=Decimal(cm),
            time_zone=tz,
            years_running=years,
            runs_per_week=runs,
            weekly_distance_km=Decimal(km),
            goals=goal,
        )
        CoachingLink.objects.create(
            athlete=profile,
            coach=world.coaches[coach_index],
            practice=practice,
            started_at=timezone.now(),
        )
        world.athletes.append(profile)
    for athlete_index, coach_index in CONSENTS:
        PracticeConsent.objects.create(
            athlete=world.athletes[athlete_index],
            practice=practice,
            colleague=None if coach_index is None else world.coaches[coach_index],
        )
    _user("staff@demo.tagalong", "Operator", Role.STAFF, "UTC")
    User.objects.filter(email="staff@demo.tagalong").update(is_staff=True, is_superuser=True)
    for extend in DEMO_EXTENSIONS:
        extend(world)
    return True


def demo_quietly(*, reset: bool = False) -> tuple[bool, Path]:
    """``load_demo`` with its emails written as files and its tasks run as it goes.

    The demo books sessions and sends invitations to made-up addresses: sent through the
    console backend (or queued for the worker of ``tagalong serve``) they printed hundreds of
    lines over the logins. Returns whether the data was created and the folder of the emails.
    """
    import logging

    from django.conf import settings
    from django.test.utils import override_settings

    folder = Path(settings.DATA_DIR) / "demo-mail"
    quiet = override_settings(
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(folder),
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    )
    logging.disable(logging.INFO)
    try:
        with quiet:
            return load_demo(reset=reset), folder
    finally:
        logging.disable(logging.NOTSET)


def print_logins(*, created: bool) -> None:
    print("Demo data " + ("loaded." if created else "already present."))
    print(f"All demo accounts use the password: {DEMO_PASSWORD}")
    print("  coaches:  " + ", ".join(email for email, _, _ in COACHES))
    print("  athletes: " + ", ".join(row[0] for row in ATHLETES))
    print("  staff:    staff@demo.tagalong (Django admin at /admin/)")
