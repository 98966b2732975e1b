"""Stored attention signals per athlete, what the coach did about them, and red flags.

Signals are computed when data changes (``tasks.refresh_athlete``) and every night, and pages only
read these rows. A resolved signal is deleted; its history is in the audit log.
"""

from __future__ import annotations

from datetime import date

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile
from tagalong.attention.kind_words import kind_words
from tagalong.evidence import REGISTRY, Evidence
from tagalong.triage import KINDS
from tagalong.wording import text_from_json


class SignalState(models.TextChoices):
    OPEN = "open", gettext_lazy("Open")
    SNOOZED = "snoozed", gettext_lazy("Snoozed")
    ACKNOWLEDGED = "acknowledged", gettext_lazy("Acknowledged")


class Signal(models.Model):
    athlete = models.ForeignKey(
        AthleteProfile, on_delete=models.CASCADE, related_name="attention_signals"
    )
    kind = models.CharField(max_length=32, choices=KINDS)
    severity = models.PositiveSmallIntegerField()  # 0 = most urgent (tagalong.triage.SEVERITY)
    words = models.CharField(max_length=400)  # in English, as triage wrote it
    # The phrase behind ``words`` (``wording.phrase_json``), to say it in each coach's language;
    # null for signals stored before reasons were phrases (they show ``words``).
    words_phrase = models.JSONField(null=True, blank=True)
    evidence_id = models.CharField(max_length=80)
    url = models.CharField(max_length=200)  # where the evidence is on the athlete's pages
    level = models.FloatField(default=1.0)  # higher is worse
    opened_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    state = models.CharField(max_length=12, choices=SignalState.choices, default=SignalState.OPEN)
    handled_level = models.FloatField(null=True, blank=True)  # the level when snoozed / acked
    snoozed_until = models.DateField(null=True, blank=True)
    snooze_reason = models.CharField(max_length=300, blank=True)
    handled_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["severity", "opened_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["athlete", "kind"], name="one_signal_per_kind")
        ]
        indexes = [models.Index(fields=["state", "severity", "opened_at"])]

    def __str__(self) -> str:
        return f"{self.athlete} {self.kind}"

    @property
    def label(self) -> str:
        return kind_words(self.kind)

    @property
    def said(self) -> str:
        """The reason in the reader's language (``words`` as stored for older signals)."""
        return text_from_json(self.words, self.words_phrase)

    @property
    def evidence(self) -> Evidence | None:
        return REGISTRY.get(self.evidence_id)

    def is_open_on(self, day: date) -> bool:
        if self.state == SignalState.SNOOZED:
            return self.snoozed_until is not None and self.snoozed_until < day
        return self.state == SignalState.OPEN


class AttentionNote(models.Model):
    """A coach's note on the athlete's record, written when a signal is acknowledged."""

    athlete = models.ForeignKey(
        AthleteProfile, on_delete=models.CASCADE, related_name="attention_notes"
    )
    author = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(max_length=32, blank=True)
    text = models.TextField(max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"note on {self.athlete} {self.created_at:%Y-%m-%d}"

    @property
    def label(self) -> str:
        return kind_words(self.kind) if self.kind else gettext("Note")


class MarkerKind(models.TextChoices):
    ILL = "ill", gettext_lazy("Ill")
    TRAVEL = "travel", gettext_lazy("Travelling")
    HOLIDAY = "holiday", gettext_lazy("On holiday")


class AvailabilityMarker(models.Model):
    """Days out of training: left out of compliance and missed sessions."""

    athlete = models.ForeignKey(
        AthleteProfile, on_delete=models.CASCADE, related_name="availability_markers"
    )
    kind = models.CharField(max_length=8, choices=MarkerKind.choices)
    start = models.DateField()
    end = models.DateField()
    note = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-start", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")), name="marker_end_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.start}–{self.end}"


class AttentionSetting(models.Model):
    athlete = models.OneToOneField(
        AthleteProfile, on_delete=models.CASCADE, related_name="attention_setting"
    )
    no_data_days = models.PositiveSmallIntegerField(
        default=7, validators=[MinValueValidator(2), MaxValueValidator(60)]
    )

    def __str__(self) -> str:
        return f"attention settings of {self.athlete}"


class RedFlagSource(models.TextChoices):
    INTAKE = "intake", gettext_lazy("Intake")
    SYMPTOMS = "symptoms", gettext_lazy("Symptom log")
    SELF_CHECK = "self_check", gettext_lazy("Calf check")


class RedFlag(models.Model):
    """Open until a coach records that the runner was seen and cleared. While open the plan is
    paused: feed events cancelled, FIT downloads and plan proposals held."""

    athlete = models.ForeignKey(
        AthleteProfile, on_delete=models.CASCADE, related_name="red_flag_records"
    )
    source = models.CharField(max_length=12, choices=RedFlagSource.choices)
    red_flags = models.JSONField(default=list)  # ids of tagalong.calfcheck.RED_FLAG_LABELS
    created_at = models.DateTimeField(default=timezone.now)
    alerted_at = models.DateTimeField(null=True, blank=True)
    cleared_at = models.DateTimeField(null=True, blank=True)
    cleared_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    seen_on = models.DateField(null=True, blank=True)  # the day a clinician saw the runner
    clearance_note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["athlete", "cleared_at"])]

    def __str__(self) -> str:
        return f"red flag {self.athlete} {self.created_at:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.cleared_at is None


class DigestSent(models.Model):
    """One weekly digest per coach and week: the row is the claim."""

    coach = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    week_of = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["coach", "week_of"], name="one_digest_per_week")
        ]

    def __str__(self) -> str:
        return f"digest {self.coach} {self.week_of}"
