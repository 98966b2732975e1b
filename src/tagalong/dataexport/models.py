"""A runner's data leaving with them: export archives and account deletion requests."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile


class ExportStatus(models.TextChoices):
    QUEUED = "queued", gettext_lazy("Waiting to start")
    RUNNING = "running", gettext_lazy("Being built")
    DONE = "done", gettext_lazy("Ready")
    FAILED = "failed", gettext_lazy("Failed")
    EXPIRED = "expired", gettext_lazy("Expired")


def archive_path(instance: DataExport, filename: str) -> str:
    return f"exports/{instance.athlete_id}/{filename}"


class DataExport(models.Model):
    athlete = models.ForeignKey(AthleteProfile, on_delete=models.CASCADE, related_name="exports")
    requested_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="data_exports"
    )
    status = models.CharField(
        max_length=8, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    areas_total = models.PositiveSmallIntegerField(default=0)
    areas_done = models.PositiveSmallIntegerField(default=0)
    current_area = models.CharField(max_length=60, blank=True)
    file = models.FileField(upload_to=archive_path, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "expires_at"], name="export_expiry")]

    def __str__(self) -> str:
        return f"export {self.pk} of {self.athlete_id} ({self.status})"

    @property
    def percent(self) -> int:
        if self.status == ExportStatus.DONE:
            return 100
        return self.areas_done * 100 // self.areas_total if self.areas_total else 0

    def is_downloadable(self, now: object) -> bool:
        return (
            self.status == ExportStatus.DONE
            and bool(self.file)
            and self.expires_at is not None
            and self.expires_at > now  # type: ignore[operator]
        )


class DeletionRequest(models.Model):
    """Asked, confirmed from the email, then carried out when the grace period ends unless
    cancelled. The row outlives the account (user set null) as the record it was done."""

    user = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="deletion_requests"
    )
    user_ref = models.PositiveBigIntegerField()  # the account's id, kept after it is gone
    role = models.CharField(max_length=10)
    requested_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    scheduled_for = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"deletion of account {self.user_ref}"

    @property
    def is_open(self) -> bool:
        return self.cancelled_at is None and self.completed_at is None
