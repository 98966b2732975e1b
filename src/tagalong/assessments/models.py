"""Intake questionnaire, home-test sessions and calf-check runs."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile

RED_FLAG_CHOICES = [
    ("one_sided_calf_swelling", "Swelling of one calf"),
    ("calf_warmth_or_redness", "A warm or red calf"),
    ("breathlessness", "Breathlessness that is new or unexplained"),
    ("chest_pain", "Chest pain"),
    ("recent_long_travel", "Calf symptoms after more than 4 hours of travel"),
    ("recent_surgery", "Calf symptoms after recent surgery"),
]


class Goal(models.TextChoices):
    RACE_5K = "race_5k", "Race: 5 km"
    RACE_10K = "race_10k", "Race: 10 km"
    RACE_HALF = "race_half", "Race: half marathon"
    RACE_MARATHON = "race_marathon", "Race: marathon"
    GENERAL = "general", "General endurance"
    RETURN = "return", "Return after injury"


class Intake(models.Model):
    """One version of the intake; the newest is current, older ones are the history."""

    athlete = models.ForeignKey(AthleteProfile, on_delete=models.CASCADE, related_name="intakes")
    created_at = models.DateTimeField(default=timezone.now)
    submitted_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    goal = models.CharField(max_length=16, choices=Goal.choices, default=Goal.GENERAL)
    race_date = models.DateField(null=True, blank=True)
    runs_per_week = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(21)]
    )
    weekly_km = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(0), MaxValueValidator(400)]
    )
    longest_run_km_30d = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(0.1), MaxValueValidator(500)]
    )
    recent_race_km = models.FloatField(null=True, blank=True, validators=[MinValueValidator(0)])
    recent_race_minutes = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(0)]
    )
    # [{"region": "calf_strain", "when": "2025-06", "side": "left"}]
    injury_history = models.JSONField(default=list, blank=True)
    # {"during": 0-10, "after": 0-10, "next_morning": 0-10, "side": "left", "weeks": 6}
    concerns = models.JSONField(default=dict, blank=True)
    available_days = models.JSONField(default=list, blank=True)
    available_minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    equipment = models.JSONField(default=list, blank=True)
    weeks_since_birth = models.PositiveSmallIntegerField(null=True, blank=True)
    red_flags = models.JSONField(default=list, blank=True)
    reviewed_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    coach_alerted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Intake {self.athlete} {self.created_at:%Y-%m-%d}"

    @property
    def has_red_flag(self) -> bool:
        return bool(self.red_flags)


class TestSession(models.Model):
    athlete = models.ForeignKey(
        AthleteProfile, on_delete=models.CASCADE, related_name="test_sessions"
    )
    date = models.DateField()
    by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    protocol_version = models.CharField(max_length=16, default="1")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"Tests {self.athlete} {self.date}"


class TestResult(models.Model):
    session = models.ForeignKey(TestSession, on_delete=models.CASCADE, related_name="results")
    test = models.CharField(max_length=24)  # tagalong.assessment.TestName
    left = models.FloatField()
    right = models.FloatField()
    unit = models.CharField(max_length=12)
    lsi_pct = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "test"], name="one_result_per_test")
        ]

    def __str__(self) -> str:
        return f"{self.test} {self.left:g}/{self.right:g} {self.unit}"


class CalfCheckRun(models.Model):
    athlete = models.ForeignKey(
        AthleteProfile, on_delete=models.CASCADE, related_name="calf_checks"
    )
    created_at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    case = models.JSONField()
    result = models.JSONField()
    coach_note = models.TextField(blank=True)
    red_flag = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Calf check {self.athlete} {self.created_at:%Y-%m-%d}"


class RetestReminder(models.Model):
    athlete = models.OneToOneField(
        AthleteProfile, on_delete=models.CASCADE, related_name="retest_reminder"
    )
    last_sent_on = models.DateField()

    def __str__(self) -> str:
        return f"Retest reminder {self.athlete} {self.last_sent_on}"
