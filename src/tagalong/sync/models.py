"""An athlete's intervals.icu connection, the activities pulled through it and the planned
workouts pushed to it (docs/sync.md)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tagalong.activities.models import Activity, ImportBatch
from tagalong.athletes.models import AthleteProfile
from tagalong.plans.models import PlanSession
from tagalong.wording import text_from_json


class ConnectionState(models.TextChoices):
    WORKING = "working", _("Working")
    WAITING = "waiting", _("Waiting to try again")  # a timeout, a 429 or a 5xx
    BROKEN = "broken", _("Not working")  # the key was refused: the athlete must act


class Connection(models.Model):
    athlete = models.OneToOneField(
        AthleteProfile, on_delete=models.CASCADE, related_name="sync_connection"
    )
    remote_athlete_id = models.CharField(max_length=40)
    # The API key, sealed with settings.SECRETS_KEY (sync.vault); never shown, logged or exported.
    sealed_key = models.TextField()
    key_shown = models.CharField(max_length=16)  # its masked form, for the settings page
    state = models.CharField(
        max_length=8, choices=ConnectionState.choices, default=ConnectionState.WORKING
    )
    problem = models.CharField(max_length=300, blank=True)
    problem_since = models.DateTimeField(null=True, blank=True)
    failures = models.PositiveIntegerField(default=0)  # in a row, for the back-off
    connected_at = models.DateTimeField(default=timezone.now)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    next_due_at = models.DateTimeField(default=timezone.now)
    # The claim of the worker syncing it (renewed as it goes; expired, another takes it up).
    lease_owner = models.CharField(max_length=32, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    resumed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"intervals.icu connection of {self.athlete_id}"


class PullStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting to download")
    IMPORTING = "importing", _("Importing")
    IMPORTED = "imported", _("Imported")
    DUPLICATE = "duplicate", _("Already here")
    FAILED = "failed", _("Could not import")
    REMOVED = "removed", _("Deleted on intervals.icu")


class PulledActivity(models.Model):
    """One activity listed by intervals.icu: unique per connection, so never pulled twice."""

    connection = models.ForeignKey(Connection, on_delete=models.CASCADE, related_name="pulled")
    remote_id = models.CharField(max_length=64)
    start = models.DateTimeField(null=True, blank=True)
    name = models.CharField(max_length=200, blank=True)
    sport = models.CharField(max_length=40, blank=True)
    distance_m = models.FloatField(null=True, blank=True)
    fingerprint = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=PullStatus.choices, default=PullStatus.WAITING)
    reason = models.TextField(blank=True)
    # The reason as a phrase (tagalong.wording), read in the reader's language; None on older
    # rows and on reasons that are not one, which show ``reason`` as written.
    reason_phrase = models.JSONField(null=True, blank=True, default=None)
    batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The sync brought ``activity`` in (not a hand upload it matched): deleted there, it goes.
    brought_in = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-start", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["connection", "remote_id"], name="one_pull_per_remote_activity"
            )
        ]

    def __str__(self) -> str:
        return f"{self.remote_id}: {self.status}"

    @property
    def reason_text(self) -> str:
        return text_from_json(self.reason, self.reason_phrase)

    @property
    def file_name(self) -> str:
        return f"intervals-{self.remote_id}"


class PushStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting to send")
    SENT = "sent", _("On intervals.icu")
    FAILED = "failed", _("Not sent")


class PushedWorkout(models.Model):
    """A plan session sent as a planned workout; ``external_id`` is stable for the session."""

    athlete = models.ForeignKey(AthleteProfile, on_delete=models.CASCADE, related_name="+")
    session = models.OneToOneField(
        PlanSession, null=True, blank=True, on_delete=models.SET_NULL, related_name="pushed"
    )
    external_id = models.CharField(max_length=80)
    day = models.DateField()
    fingerprint = models.CharField(max_length=64, blank=True)  # of what was last sent
    status = models.CharField(max_length=8, choices=PushStatus.choices, default=PushStatus.WAITING)
    problem = models.CharField(max_length=300, blank=True)
    remote_event_id = models.CharField(max_length=40, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["day", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["athlete", "external_id"], name="one_push_per_external_id"
            )
        ]

    def __str__(self) -> str:
        return f"{self.external_id}: {self.status}"
