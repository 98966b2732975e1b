"""Programmes: a coach's seasonal campaign, its places (members, waiting list, gifts) and its
announcements."""

from __future__ import annotations

import secrets
from datetime import date, timedelta

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tagalong.accounts.models import Invitation, Practice, User
from tagalong.athletes.models import AthleteProfile
from tagalong.athletes.validation import validate_time_zone


class ScheduleMode(models.TextChoices):
    COHORT = "cohort", _("Everyone starts together on a fixed date")
    ON_JOIN = "on_join", _("Each runner starts when they join")


class Stage(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")
    ARCHIVED = "archived", _("Archived")


# Which step follows which: draft → published → running → finished; archived from any stage.
NEXT_STAGE = {
    Stage.DRAFT: Stage.PUBLISHED,
    Stage.PUBLISHED: Stage.RUNNING,
    Stage.RUNNING: Stage.FINISHED,
}
OPEN_FOR_SIGN_UP = (Stage.PUBLISHED, Stage.RUNNING)


def new_slug() -> str:
    return secrets.token_urlsafe(6).replace("_", "x").replace("-", "y").lower()


class Programme(models.Model):
    coach = models.ForeignKey(User, on_delete=models.CASCADE, related_name="programmes")
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="programmes")
    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=120)
    description = models.TextField(max_length=4000)
    audience = models.CharField(
        max_length=300, help_text=_("Who it is for, in a sentence: shown on the public page.")
    )
    template = models.ForeignKey(
        "plans.Template", on_delete=models.PROTECT, related_name="programmes"
    )
    schedule_mode = models.CharField(
        max_length=8, choices=ScheduleMode.choices, default=ScheduleMode.COHORT
    )
    start_date = models.DateField(null=True, blank=True)
    weeks = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(52)]
    )
    capacity = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    session_types = models.ManyToManyField(
        "bookings.SessionType", blank=True, related_name="programmes"
    )
    requires_intake = models.BooleanField(default=True)
    requires_tests = models.BooleanField(default=True)
    gifts_enabled = models.BooleanField(default=True)
    leaderboard_enabled = models.BooleanField(default=False)
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    stage = models.CharField(max_length=10, choices=Stage.choices, default=Stage.DRAFT)
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)
    # Set while a "members follow the template" task is queued and not yet started, so many
    # template edits queue one task (programmes.hooks).
    follow_queued_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(schedule_mode="cohort") | Q(start_date__isnull=False),
                name="cohort_programme_has_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_cohort(self) -> bool:
        return self.schedule_mode == ScheduleMode.COHORT

    @property
    def end_date(self) -> date | None:
        if self.start_date is None:
            return None
        return self.start_date + timedelta(weeks=self.weeks) - timedelta(days=1)

    @property
    def open_for_sign_up(self) -> bool:
        return self.stage in OPEN_FOR_SIGN_UP


class PlaceStatus(models.TextChoices):
    HELD = "held", _("Waiting for sign-up")  # invited or gifted; the place is kept for them
    ACTIVE = "active", _("Member")
    FINISHED = "finished", _("Finished")
    WAITLISTED = "waitlisted", _("On the waiting list")
    RELEASED = "released", _("Released")  # the hold expired or the runner left


# Statuses that take one of the programme's places.
TAKING = (PlaceStatus.HELD, PlaceStatus.ACTIVE, PlaceStatus.FINISHED)


class Source(models.TextChoices):
    SIGN_UP = "sign_up", _("Signed up")
    GIFT = "gift", _("Gift")
    COACH = "coach", _("Added by the coach")


class Payment(models.TextChoices):
    NONE = "", _("Not recorded")
    OUTSIDE = "outside", _("Paid outside the platform")
    FREE = "free", _("Free place")


class Place(models.Model):
    """One runner's place (or waiting-list spot) in a programme."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="places")
    athlete = models.ForeignKey(
        AthleteProfile,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="programme_places",
    )
    email = models.EmailField()
    status = models.CharField(max_length=10, choices=PlaceStatus.choices)
    waitlist_position = models.PositiveIntegerField(null=True, blank=True)
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.SIGN_UP)
    payment = models.CharField(max_length=8, choices=Payment.choices, default="", blank=True)
    invitation = models.ForeignKey(
        Invitation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    held_until = models.DateTimeField(null=True, blank=True)
    start_date = models.DateField(null=True, blank=True)
    plan = models.ForeignKey(
        "plans.Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    plan_version_applied = models.PositiveIntegerField(null=True, blank=True)
    # How the plan was made for this runner: [{text, evidence: [ids]}].
    plan_notes = models.JSONField(default=list, blank=True)
    show_name = models.BooleanField(default=False)  # leaderboard opt-in
    created_at = models.DateTimeField(default=timezone.now)
    joined_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "athlete"],
                condition=Q(athlete__isnull=False, status__in=["held", "active", "waitlisted"]),
                name="one_live_place_per_runner",
            ),
        ]
        indexes = [models.Index(fields=["programme", "status"])]

    def __str__(self) -> str:
        return f"{self.email} in {self.programme} ({self.status})"

    @property
    def is_member(self) -> bool:
        return self.status in (PlaceStatus.ACTIVE, PlaceStatus.FINISHED)


class Gift(models.Model):
    """Who gave which place to whom, with their message."""

    place = models.OneToOneField(Place, on_delete=models.CASCADE, related_name="gift")
    giver_name = models.CharField(max_length=120)
    giver_email = models.EmailField()
    recipient_email = models.EmailField()
    message = models.TextField(max_length=1000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"Gift from {self.giver_name} to {self.recipient_email}"


class Announcement(models.Model):
    """A message from the coach to every member; members read, never reply."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="announcements")
    author = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(max_length=4000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Announcement in {self.programme}"


class AnnouncementEmail(models.Model):
    """One member's email about one announcement: sent once, after it waited unread in the app
    (as message emails), never in the member's night; none once they read it in the app."""

    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE, related_name="emails")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(null=True, blank=True)
    skipped = models.BooleanField(default=False)  # read in the app first: no email

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["announcement", "user"], name="one_email_per_member")
        ]
        indexes = [models.Index(fields=["sent_at", "skipped"])]

    def __str__(self) -> str:
        return f"Email of {self.announcement} to {self.user_id}"


class UpdateStatus(models.TextChoices):
    PROPOSED = "proposed", _("Waiting for the coach")
    MADE = "made", _("Made")
    DECLINED = "declined", _("Not made")


class PlanUpdate(models.Model):
    """The template changed, but this member's plan had been changed since the programme made
    it: the template's sessions from ``from_date`` on wait here for the coach's decision."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="plan_updates")
    from_date = models.DateField()
    sessions = models.JSONField(default=list)  # PlanSession snapshots without ids
    status = models.CharField(
        max_length=10, choices=UpdateStatus.choices, default=UpdateStatus.PROPOSED
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["place"],
                condition=Q(status="proposed"),
                name="one_open_plan_update_per_place",
            )
        ]

    def __str__(self) -> str:
        return f"Template update for {self.place}"
