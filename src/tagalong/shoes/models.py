"""Running shoes, their mileage and which shoe each activity was run in."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile

# shared/science.md section 5: nudge at 500 km, strongly at 800 km (evidence is weak).
DEFAULT_REMIND_KM = 500
DEFAULT_RETIRE_KM = 800


class AlertLevel(models.TextChoices):
    REMINDER = "reminder", _("Reminder")
    RETIRE = "retire", _("Consider retiring")


class Shoe(models.Model):
    athlete = models.ForeignKey(AthleteProfile, on_delete=models.CASCADE, related_name="shoes")
    name = models.CharField(max_length=80, help_text=_("What you call them, e.g. “Blue Pegasus”."))
    model = models.CharField(max_length=120, blank=True, help_text=_("Brand and model, optional."))
    first_used = models.DateField(null=True, blank=True)
    starting_km = models.FloatField(
        _("distance before Tagalong (km)"),
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(5000)],
    )
    remind_km = models.PositiveIntegerField(
        _("reminder at (km)"),
        default=DEFAULT_REMIND_KM,
        validators=[MinValueValidator(50), MaxValueValidator(3000)],
    )
    retire_km = models.PositiveIntegerField(
        _("suggest retiring at (km)"),
        default=DEFAULT_RETIRE_KM,
        validators=[MinValueValidator(50), MaxValueValidator(3000)],
    )
    retired_at = models.DateTimeField(null=True, blank=True)
    # NULL, not "": the unique constraint below only covers shoes that are a default.
    default_for_sport = models.CharField(max_length=40, null=True, blank=True)  # noqa: DJ001
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["retired_at", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["athlete", "default_for_sport"],
                condition=Q(default_for_sport__isnull=False),
                name="one_default_shoe_per_athlete_and_sport",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None

    def clean(self) -> None:
        remind, retire = self.remind_km, self.retire_km
        if remind is not None and retire is not None and remind >= retire:
            raise ValidationError(
                {"remind_km": gettext("The reminder must come before the retirement distance.")}
            )
        if self.retired_at is not None and self.default_for_sport:
            raise ValidationError(
                {"default_for_sport": gettext("A retired shoe cannot be the default.")}
            )

    def alert_level(self, mileage_km: float) -> AlertLevel | None:
        """Retirement suggestion from retire_km on, a reminder from remind_km on."""
        if self.is_retired:
            return None
        if mileage_km >= self.retire_km:
            return AlertLevel.RETIRE
        if mileage_km >= self.remind_km:
            return AlertLevel.REMINDER
        return None


class AssignedHow(models.TextChoices):
    BY_HAND = "hand", _("Chosen by hand")
    DEFAULT = "default", _("Default shoe for the sport")
    GEAR_NAME = "gear", _("Gear name from the import")


class ShoeUse(models.Model):
    """The shoe an activity was run in: one shoe per activity."""

    shoe = models.ForeignKey(Shoe, on_delete=models.CASCADE, related_name="uses")
    activity = models.OneToOneField(
        "activities.Activity", on_delete=models.CASCADE, related_name="shoe_use"
    )
    how = models.CharField(max_length=8, choices=AssignedHow.choices, default=AssignedHow.BY_HAND)
    assigned_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.shoe} for activity {self.activity_id}"
