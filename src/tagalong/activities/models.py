"""Imported and manually entered activities, the imports that bring them in, and the daily load."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile


class LoadMeasure(models.TextChoices):
    SRPE = "srpe", "session RPE"
    TRIMP = "trimp", "TRIMP"
    RTSS = "rtss", "rTSS"
    DURATION = "duration", "minutes"


def original_path(instance: Activity, filename: str) -> str:
    return f"activities/{instance.athlete_id}/originals/{instance.content_hash[:2]}/{filename}"


def upload_path(instance: ImportBatch, filename: str) -> str:
    return f"activities/{instance.athlete_id}/uploads/{filename}"


class Activity(models.Model):
    athlete = models.ForeignKey(AthleteProfile, on_delete=models.CASCADE, related_name="activities")
    source_format = models.CharField(max_length=8, blank=True)  # fit/gpx/tcx; blank when manual
    manual = models.BooleanField(default=False)
    sport = models.CharField(max_length=40, default="running")
    sub_sport = models.CharField(max_length=40, blank=True)
    start = models.DateTimeField()  # UTC
    duration_s = models.FloatField()
    moving_s = models.FloatField()
    distance_m = models.FloatField(null=True, blank=True)
    ascent_m = models.FloatField(null=True, blank=True)
    descent_m = models.FloatField(null=True, blank=True)
    device = models.CharField(max_length=120, blank=True)
    name = models.CharField(max_length=200, blank=True)
    gear_name = models.CharField(max_length=200, blank=True)
    rpe = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    load_value = models.FloatField(default=0)
    load_measure = models.CharField(max_length=8, choices=LoadMeasure.choices)
    load_note = models.CharField(max_length=300, blank=True)
    metrics = models.JSONField(default=dict, blank=True)
    recovered = models.BooleanField(default=False)
    warnings = models.JSONField(default=list, blank=True)
    sample_count = models.PositiveIntegerField(default=0)
    stream_names = models.JSONField(default=list, blank=True)
    content_hash = models.CharField(max_length=64, blank=True)
    # A downsampled copy of the streams (at most a few hundred points) for the chart.
    chart = models.JSONField(default=dict, blank=True)
    original = models.FileField(upload_to=original_path, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-start"]
        constraints = [
            models.UniqueConstraint(
                fields=["athlete", "content_hash"],
                condition=~models.Q(content_hash=""),
                name="one_activity_per_file_and_athlete",
            )
        ]
        indexes = [models.Index(fields=["athlete", "-start"])]

    def __str__(self) -> str:
        return f"{self.sport} {self.start:%Y-%m-%d %H:%M}"

    @property
    def distance_km(self) -> float | None:
        return None if self.distance_m is None else self.distance_m / 1000

    @property
    def pace_s_per_km(self) -> float | None:
        if not self.distance_m or not self.moving_s:
            return None
        return self.moving_s / (self.distance_m / 1000)

    @property
    def avg_cadence_spm(self) -> float | None:
        value = self.metrics.get("avg_cadence_spm") if isinstance(self.metrics, dict) else None
        return value if isinstance(value, int | float) else None


class BatchStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class ImportBatch(models.Model):
    athlete = models.ForeignKey(AthleteProfile, on_delete=models.CASCADE, related_name="imports")
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(max_length=8, choices=BatchStatus.choices, default="queued")
    # Saved upload paths relative to MEDIA_ROOT, with the name the person gave each file.
    files = models.JSONField(default=list)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"import {self.pk} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (BatchStatus.DONE, BatchStatus.FAILED)


class ItemStatus(models.TextChoices):
    IMPORTED = "imported", "Imported"
    DUPLICATE = "duplicate", "Already imported"
    FAILED = "failed", "Could not import"
    SKIPPED = "skipped", "Skipped"


class ImportItem(models.Model):
    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="items")
    name = models.CharField(max_length=500)
    status = models.CharField(max_length=10, choices=ItemStatus.choices)
    reason = models.TextField(blank=True)
    gear_name = models.CharField(max_length=200, blank=True)
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.SET_NULL, related_name="import_items"
    )

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.name}: {self.status}"


class DailyLoad(models.Model):
    athlete = models.ForeignKey(AthleteProfile, on_delete=models.CASCADE, related_name="daily_load")
    day = models.DateField()
    load = models.FloatField()
    ctl = models.FloatField()
    atl = models.FloatField()
    tsb = models.FloatField()
    acwr = models.FloatField(null=True, blank=True)
    acwr_warning = models.BooleanField(default=False)
    ramp = models.FloatField(null=True, blank=True)
    weekly_km = models.FloatField(default=0)
    weekly_change_pct = models.FloatField(null=True, blank=True)
    weekly_flagged = models.BooleanField(default=False)
    spike_band = models.CharField(max_length=16, default="none")
    longest_run_km = models.FloatField(default=0)
    state = models.JSONField(default=dict)

    class Meta:
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["athlete", "day"], name="one_load_row_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.athlete_id} {self.day}: {self.load:.0f}"
