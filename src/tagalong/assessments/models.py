"""Intake questionnaire, home-test sessions and calf-check runs."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tagalong.accounts.models import Practice, User
from tagalong.assessment import times_body_weight
from tagalong.athletes.models import AthleteProfile
from tagalong.exercises import CATEGORIES, Dosage

RED_FLAG_CHOICES = [
    ("one_sided_calf_swelling", _("Swelling of one calf")),
    ("calf_warmth_or_redness", _("A warm or red calf")),
    ("breathlessness", _("Breathlessness that is new or unexplained")),
    ("chest_pain", _("Chest pain")),
    ("recent_long_travel", _("Calf symptoms after more than 4 hours of travel")),
    ("recent_surgery", _("Calf symptoms after recent surgery")),
]


class Goal(models.TextChoices):
    RACE_5K = "race_5k", _("Race: 5 km")
    RACE_10K = "race_10k", _("Race: 10 km")
    RACE_HALF = "race_half", _("Race: half marathon")
    RACE_MARATHON = "race_marathon", _("Race: marathon")
    GENERAL = "general", _("General endurance")
    RETURN = "return", _("Return after injury")


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
    # The body mass a strength result was judged against (seated soleus: kg ÷ body mass), kept
    # so that history does not change when the profile's body mass does.
    body_mass_kg = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "test"], name="one_result_per_test")
        ]

    def __str__(self) -> str:
        return f"{self.test} {self.left:g}/{self.right:g} {self.unit}"

    @property
    def body_weights(self) -> tuple[float, float] | None:
        """Left/right as × body weight (seated soleus), with the body mass stored with it."""
        if self.test != "seated_soleus" or self.body_mass_kg is None:
            return None
        mass = self.body_mass_kg
        return (
            round(times_body_weight(self.left, body_mass_kg=mass), 2),
            round(times_body_weight(self.right, body_mass_kg=mass), 2),
        )


class CalfCheckRun(models.Model):
    athlete = models.ForeignKey(
        AthleteProfile, on_delete=models.CASCADE, related_name="calf_checks"
    )
    created_at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    case = models.JSONField()
    result = models.JSONField()
    # ``calfcheck.result_phrases``: the result's texts as phrases, to say them in the reader's
    # language; empty for runs stored before the texts were phrases (they show as stored).
    phrases = models.JSONField(default=dict, blank=True)
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


CUSTOM_SLUG_PREFIX = "custom-"


def custom_id(slug: str) -> int | None:
    """The id in a ``custom-<id>`` slug, or None (also for ids no database column can hold)."""
    number = slug.removeprefix(CUSTOM_SLUG_PREFIX)
    if not slug.startswith(CUSTOM_SLUG_PREFIX) or not number.isdigit() or len(number) > 18:
        return None
    return int(number)


class CustomExercise(models.Model):
    """A coach's own exercise, shared read-only with the coaches of the same practice.

    Same fields as the library's ``tagalong.exercises.Exercise``; its slug is ``custom-<id>``,
    which no library slug starts with. Who may see it is decided in ``tagalong.access.policy``.
    """

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="custom_exercises"
    )
    author = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="custom_exercises"
    )
    name = models.CharField(max_length=120)
    category = models.CharField(max_length=24, choices=[(c, c) for c in CATEGORIES])
    description = models.TextField(blank=True, max_length=4000)
    cues = models.JSONField(default=list)
    common_mistakes = models.JSONField(default=list, blank=True)
    regression = models.CharField(max_length=80, blank=True)  # a library or custom slug
    progression = models.CharField(max_length=80, blank=True)
    equipment = models.JSONField(default=list)
    muscles = models.JSONField(default=list)
    sets = models.PositiveSmallIntegerField(
        default=3, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    reps = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    hold_s = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(3600)]
    )
    tempo = models.CharField(max_length=80, blank=True)
    load = models.CharField(max_length=80, blank=True)
    frequency = models.CharField(max_length=80, default="3 sessions a week")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["category", "name", "pk"]
        indexes = [models.Index(fields=["practice", "category"])]

    def __str__(self) -> str:
        return self.name

    @property
    def slug(self) -> str:
        return f"{CUSTOM_SLUG_PREFIX}{self.pk}"

    @property
    def dosage(self) -> Dosage:
        return Dosage(
            sets=self.sets,
            reps=self.reps,
            hold_s=self.hold_s,
            tempo=self.tempo or None,
            load=self.load or None,
            frequency=self.frequency,
        )

    @property
    def author_name(self) -> str:
        if self.author is None:
            return "a former coach"
        return self.author.full_name or self.author.email
