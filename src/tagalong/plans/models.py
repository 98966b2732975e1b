"""Training plans: the plan, its versions, its sessions and their comments, templates, feeds."""

from __future__ import annotations

import uuid
from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile
from tagalong.wording import Phrase, text_from_json


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ACTIVE = "active", _("Active")
    ARCHIVED = "archived", _("Archived")


class SessionKind(models.TextChoices):
    RUN = "run", _("Run")
    STRENGTH = "strength", _("Strength")
    MOBILITY = "mobility", _("Mobility")
    CROSS = "cross", _("Cross-training")
    REST = "rest", _("Rest")


class Plan(models.Model):
    athlete = models.ForeignKey(AthleteProfile, on_delete=models.CASCADE, related_name="plans")
    title = models.CharField(max_length=200)
    goal_type = models.CharField(max_length=16)
    start = models.DateField()
    end = models.DateField()
    status = models.CharField(max_length=8, choices=PlanStatus.choices, default=PlanStatus.ACTIVE)
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    current_version = models.PositiveIntegerField(default=1)
    # The PROFILE.json the plan was generated from: limits are re-checked against it.
    profile = models.JSONField(default=dict, blank=True)
    # Paces, zones and notes of the generated plan (plan_to_json without the weeks).
    summary = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-start", "-pk"]

    def __str__(self) -> str:
        return self.title


class PlanSession(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField()
    kind = models.CharField(max_length=8, choices=SessionKind.choices)
    run_type = models.CharField(max_length=16, blank=True)
    duration_min = models.FloatField(default=0)
    distance_km = models.FloatField(null=True, blank=True)
    pace_fast_s_per_km = models.FloatField(null=True, blank=True)
    pace_slow_s_per_km = models.FloatField(null=True, blank=True)
    hr_zone = models.CharField(max_length=16, blank=True)
    ladder_level = models.PositiveSmallIntegerField(null=True, blank=True)
    exercises = models.JSONField(default=list, blank=True)  # [{slug, sets, reps, hold_s, load}]
    why = models.JSONField(default=list, blank=True)  # [{text, evidence: [ids]}]
    # The structured workout (plangen.steps.Workout.to_dict()); None for sessions without steps.
    workout = models.JSONField(null=True, blank=True)
    ical_uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ical_sequence = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["date", "pk"]
        indexes = [models.Index(fields=["plan", "date"])]

    def __str__(self) -> str:
        return f"{self.date} {self.label}"

    @property
    def label(self) -> str:
        if self.kind == SessionKind.RUN and self.run_type:
            return RUN_LABELS.get(
                self.run_type, f"{self.run_type.replace('_', ' ').capitalize()} run"
            )
        return self.get_kind_display()

    @property
    def pace_range(self) -> tuple[float, float] | None:
        if self.pace_fast_s_per_km is None or self.pace_slow_s_per_km is None:
            return None
        return (self.pace_fast_s_per_km, self.pace_slow_s_per_km)

    def copy_to(self, plan: Plan, day: date) -> PlanSession:
        """An unsaved copy of this session in ``plan`` on ``day``, with a new calendar UID."""
        return PlanSession(
            plan=plan,
            date=day,
            kind=self.kind,
            run_type=self.run_type,
            duration_min=self.duration_min,
            distance_km=self.distance_km,
            pace_fast_s_per_km=self.pace_fast_s_per_km,
            pace_slow_s_per_km=self.pace_slow_s_per_km,
            hr_zone=self.hr_zone,
            ladder_level=self.ladder_level,
            exercises=self.exercises,
            why=self.why,
            workout=self.workout,
        )

    def snapshot(self) -> dict[str, object]:
        return {
            "id": self.pk,
            "uid": str(self.ical_uid),
            "date": self.date.isoformat(),
            "kind": self.kind,
            "run_type": self.run_type or None,
            "duration_min": self.duration_min,
            "distance_km": self.distance_km,
            "target_pace_s_per_km": list(self.pace_range) if self.pace_range else None,
            "hr_zone": self.hr_zone or None,
            "ladder_level": self.ladder_level,
            "exercises": self.exercises,
            "workout": self.workout,
        }


# A run session's name on the pages, by its run type.
RUN_LABELS: dict[str, str] = {
    "easy": Phrase("Easy run"),
    "long": Phrase("Long run"),
    "tempo": Phrase("Tempo run"),
    "intervals": Phrase("Intervals run"),
    "recovery": Phrase("Recovery run"),
    "walk_run": Phrase("Walk-run"),
    "race": Phrase("Race"),
}


class PlanVersion(models.Model):
    """Every change to a plan's sessions leaves one of these: who, when, why and the result."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    reason = models.CharField(max_length=300)
    reason_phrase = models.JSONField(null=True, blank=True)  # to say the reason in any language
    snapshot = models.JSONField(default=list)

    class Meta:
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_plan_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.plan} v{self.number}"

    @property
    def said_reason(self) -> str:
        return text_from_json(self.reason, self.reason_phrase)


class PlanComment(models.Model):
    session = models.ForeignKey(PlanSession, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Comment on {self.session}"


class Template(models.Model):
    """A plan without dates: sessions placed by week index and weekday (0 = Monday)."""

    coach = models.ForeignKey(User, on_delete=models.CASCADE, related_name="plan_templates")
    name = models.CharField(max_length=200)
    goal_type = models.CharField(max_length=16, blank=True)
    weeks = models.JSONField(default=list)  # [{week, weekday, kind, run_type, ...}]
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class CalendarFeedToken(models.Model):
    """A secret feed URL. The secret is kept (not hashed) so the athlete can copy it again;
    it grants read access to the plan only and is revoked by rotating."""

    athlete = models.ForeignKey(
        AthleteProfile, on_delete=models.CASCADE, related_name="feed_tokens"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Calendar feed of {self.athlete}"


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", _("Waiting for the coach")
    APPROVED = "approved", _("Approved by the coach")  # and its changes made
    REJECTED = "rejected", _("Not made")
    APPLIED = "applied", _("Made automatically")  # the athlete's auto-apply switch is on


class ProposalTrigger(models.TextChoices):
    PAIN = "pain", _("Calf pain")
    MISSED = "missed", _("Missed session")
    LOAD_SPIKE = "load_spike", _("Load spike")
    RETEST = "retest", _("Better retest")


class ReviewSource(models.TextChoices):
    SYMPTOMS = "symptoms", _("a new calf log")
    IMPORT = "import", _("a run import")
    RETEST = "retest", _("new test results")
    NIGHTLY = "nightly", _("the nightly review")


class Proposal(models.Model):
    """Changes the adaptation rules propose for a plan, with their reasons and evidence."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="proposals")
    trigger = models.CharField(max_length=16, choices=ProposalTrigger.choices)
    source = models.CharField(max_length=16, choices=ReviewSource.choices)
    # The data that caused it (e.g. "pain:2026-03-04:left"): the same data never proposes twice.
    key = models.CharField(max_length=200)
    fingerprint = models.CharField(max_length=32)  # of the changes: no identical open twin
    summary = models.CharField(max_length=300)
    reasons = models.JSONField(default=list)  # [{text, evidence: [ids]}]
    changes = models.JSONField(default=list)  # plangen.adapt_model.Change.to_json()
    status = models.CharField(
        max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PROPOSED
    )
    plan_version = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)
    applied_version = models.PositiveIntegerField(null=True, blank=True)
    applied = models.JSONField(default=list, blank=True)  # [{session_id, text}] as made

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "trigger", "key"], name="one_proposal_per_trigger_data"
            ),
            models.UniqueConstraint(
                fields=["plan", "trigger", "fingerprint"],
                condition=models.Q(status="proposed"),
                name="no_identical_open_proposal",
            ),
        ]
        indexes = [models.Index(fields=["plan", "status"])]

    def __str__(self) -> str:
        return f"{self.get_trigger_display()} for {self.plan}"

    @property
    def is_open(self) -> bool:
        return self.status == ProposalStatus.PROPOSED

    @property
    def made(self) -> bool:
        return self.status in (ProposalStatus.APPROVED, ProposalStatus.APPLIED)

    @property
    def said_summary(self) -> str:
        """The summary in the reader's language: the rules write it as one fixed sentence."""
        return text_from_json(self.summary, {"t": self.summary})


class AdaptationSetting(models.Model):
    """Per athlete, set by the coach: make proposals at once instead of waiting for approval."""

    athlete = models.OneToOneField(
        AthleteProfile, on_delete=models.CASCADE, related_name="plan_adaptation"
    )
    auto_apply = models.BooleanField(default=False)
    updated_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Plan adaptation for {self.athlete}"


class PendingReview(models.Model):
    """One queued plan review per athlete: data saved while one waits joins it (plans.hooks)."""

    athlete = models.OneToOneField(
        AthleteProfile, on_delete=models.CASCADE, related_name="pending_plan_review"
    )
    source = models.CharField(max_length=16)
    queued_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"plan review for athlete {self.athlete_id} queued {self.queued_at:%H:%M:%S}"
