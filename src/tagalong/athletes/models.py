"""The athlete's profile and the links between athletes and coaches."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tagalong.accounts.models import Practice, User
from tagalong.athletes.validation import validate_time_zone


class Sex(models.TextChoices):
    FEMALE = "female", gettext_lazy("Female")
    MALE = "male", gettext_lazy("Male")


class Units(models.TextChoices):
    KM = "km", gettext_lazy("Kilometres")
    MILES = "mi", gettext_lazy("Miles")


class AthleteProfile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="athlete_profile")
    birth_date = models.DateField(null=True, blank=True)
    sex = models.CharField(max_length=6, choices=Sex.choices, blank=True)
    body_mass_kg = models.DecimalField(
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(25), MaxValueValidator(250)],
        help_text=gettext_lazy("25–250 kg"),
    )
    height_cm = models.DecimalField(
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(100), MaxValueValidator(230)],
        help_text=gettext_lazy("100–230 cm"),
    )
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    units = models.CharField(max_length=2, choices=Units.choices, default=Units.KM)
    years_running = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(80)]
    )
    runs_per_week = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(21)]
    )
    weekly_distance_km = models.DecimalField(
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(400)],
    )
    goals = models.TextField(blank=True)
    hr_max = models.PositiveSmallIntegerField(
        gettext_lazy("maximum heart rate"),
        null=True,
        blank=True,
        validators=[MinValueValidator(120), MaxValueValidator(230)],
    )
    hr_rest = models.PositiveSmallIntegerField(
        gettext_lazy("resting heart rate"),
        null=True,
        blank=True,
        validators=[MinValueValidator(25), MaxValueValidator(110)],
    )
    lthr = models.PositiveSmallIntegerField(
        gettext_lazy("lactate threshold heart rate"),
        null=True,
        blank=True,
        validators=[MinValueValidator(90), MaxValueValidator(220)],
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["user__full_name"]

    def __str__(self) -> str:
        return str(self.user)

    @property
    def name(self) -> str:
        return self.user.full_name or self.user.email

    @property
    def age(self) -> int | None:
        return self.age_on(timezone.localdate())

    def age_on(self, day: date) -> int | None:
        if self.birth_date is None:
            return None
        before_birthday = (day.month, day.day) < (self.birth_date.month, self.birth_date.day)
        return day.year - self.birth_date.year - int(before_birthday)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        today = timezone.localdate()
        if self.birth_date and not (10 <= (self.age_on(today) or 0) <= 100):
            errors["birth_date"] = gettext("Birth date must give an age between 10 and 100 years.")
        if self.hr_max and self.hr_rest and self.hr_rest >= self.hr_max:
            errors["hr_rest"] = gettext("Resting heart rate must be below maximum heart rate.")
        if self.hr_max and self.lthr and self.lthr >= self.hr_max:
            errors["lthr"] = gettext("Threshold heart rate must be below maximum heart rate.")
        if errors:
            raise ValidationError(errors)


class CoachingLinkQuerySet(models.QuerySet["CoachingLink"]):
    def active(self) -> CoachingLinkQuerySet:
        return self.filter(ended_at__isnull=True)


class CoachingLink(models.Model):
    """A coach looks after an athlete. Ending it keeps the row: history stays with the athlete."""

    athlete = models.ForeignKey(AthleteProfile, on_delete=models.CASCADE, related_name="links")
    coach = models.ForeignKey(User, on_delete=models.CASCADE, related_name="coaching_links")
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="links")
    shared_with_practice = models.BooleanField(
        default=True, help_text=gettext_lazy("Other coaches of the practice may view this athlete.")
    )
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CoachingLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["athlete", "coach"],
                condition=Q(ended_at__isnull=True),
                name="one_active_link_per_coach_and_athlete",
            )
        ]

    def __str__(self) -> str:
        return f"{self.coach} coaches {self.athlete}"

    @property
    def is_active(self) -> bool:
        return self.ended_at is None


class AthleteGroup(models.Model):
    """A coach's named group of athletes: a squad, a clinic cohort, a club's Tuesday runners."""

    coach = models.ForeignKey(User, on_delete=models.CASCADE, related_name="athlete_groups")
    name = models.CharField(max_length=80)
    description = models.CharField(max_length=300, blank=True)
    members = models.ManyToManyField(AthleteProfile, related_name="athlete_groups", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["coach", "name"], name="group_name_unique_per_coach")
        ]

    def __str__(self) -> str:
        return self.name


class PracticeConsent(models.Model):
    """A runner lets a colleague of their coach see their record (read only).

    ``colleague`` None means everyone at the practice, now and later. Withdrawing deletes
    the row (the audit log keeps the history); access is decided per request in
    tagalong.access.policy, so a withdrawal takes effect at once."""

    athlete = models.ForeignKey(AthleteProfile, on_delete=models.CASCADE, related_name="consents")
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="consents")
    colleague = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.CASCADE, related_name="consents_received"
    )
    granted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["practice_id", "colleague_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["athlete", "practice", "colleague"],
                condition=Q(colleague__isnull=False),
                name="one_consent_per_colleague",
            ),
            models.UniqueConstraint(
                fields=["athlete", "practice"],
                condition=Q(colleague__isnull=True),
                name="one_consent_per_practice",
            ),
        ]

    def __str__(self) -> str:
        whom = self.colleague or f"everyone at {self.practice}"
        return f"{self.athlete} lets {whom} see their record"
