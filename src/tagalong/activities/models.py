"""Imported and manually entered activities, the imports that bring them in, and the daily load."""

from __future__ import annotations

import math

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile
from tagalong.wording import text_from_json


class LoadMeasure(models.TextChoices):
    SRPE = "srpe", gettext_lazy("session RPE")
    TRIMP = "trimp", gettext_lazy("TRIMP")
    RTSS = "rtss", gettext_lazy("rTSS")
    DURATION = "duration", gettext_lazy("minutes")


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
    duration_s = models.FloatField()  # elapsed (docs/activity-times.md)
    moving_s = models.FloatField()
    timer_s = models.FloatField(null=True, blank=True)  # the device's timer, if it kept one
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
    # The note as a phrase (tagalong.wording), so it reads in each reader's language; None on
    # rows from before phrases were stored, which show ``load_note`` as written.
    load_note_phrase = models.JSONField(null=True, blank=True, default=None)
    # Every load measure the data allowed, {measure: value}; the athlete's daily series keeps to
    # one of them (trainingload.athlete_load), load_value above is this activity's best one.
    loads = models.JSONField(default=dict, blank=True)
    metrics = models.JSONField(default=dict, blank=True)
    recovered = models.BooleanField(default=False)
    warnings = models.JSONField(default=list, blank=True)
    warning_phrases = models.JSONField(default=list, blank=True)  # beside ``warnings``, in order
    sample_count = models.PositiveIntegerField(default=0)
    stream_names = models.JSONField(default=list, blank=True)
    content_hash = models.CharField(max_length=64, blank=True)
    # Which activity of its file (a triathlon's legs share one file and content hash).
    source_index = models.PositiveSmallIntegerField(default=0)
    original_bytes = models.PositiveBigIntegerField(default=0)  # held against the quota
    # A downsampled copy of the streams (at most a few hundred points) for the chart.
    chart = models.JSONField(default=dict, blank=True)
    # Worked out from every sample at import (activityfile.splits / route): the device's laps,
    # splits {"km": [...], "mi": [...]} and at most a few hundred [lat, lon] of the track.
    laps = models.JSONField(default=list, blank=True)
    splits = models.JSONField(default=dict, blank=True)
    track = models.JSONField(default=list, blank=True)
    original = models.FileField(upload_to=original_path, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-start"]
        constraints = [
            models.UniqueConstraint(
                fields=["athlete", "content_hash", "source_index"],
                condition=~models.Q(content_hash=""),
                name="one_activity_per_file_leg_and_athlete",
            )
        ]
        indexes = [models.Index(fields=["athlete", "-start"])]

    def __str__(self) -> str:
        return f"{self.sport} {self.start:%Y-%m-%d %H:%M}"

    @property
    def distance_km(self) -> float | None:
        return None if self.distance_m is None else self.distance_m / 1000

    @property
    def load_note_text(self) -> str:
        return text_from_json(self.load_note, self.load_note_phrase)

    @property
    def warning_texts(self) -> list[str]:
        """The file's warnings in the reader's language (as stored, for older rows)."""
        phrases = self.warning_phrases if isinstance(self.warning_phrases, list) else []
        found = [*phrases, *[None] * (len(self.warnings) - len(phrases))]
        return [
            text_from_json(text, data) for text, data in zip(self.warnings, found, strict=False)
        ]

    @property
    def pace_s_per_km(self) -> float | None:
        if not self.distance_m or not self.moving_s:
            return None
        pace = self.moving_s / (self.distance_m / 1000)
        return pace if math.isfinite(pace) else None

    # Lists defer ``metrics`` and annotate the cadence under this name (activities_of), so a
    # page of rows does not load each row's metrics one query at a time.
    LISTED_CADENCE = "listed_cadence_spm"

    @property
    def avg_cadence_spm(self) -> float | None:
        if self.LISTED_CADENCE in self.__dict__:
            value = self.__dict__[self.LISTED_CADENCE]
        elif isinstance(self.metrics, dict):
            value = self.metrics.get("avg_cadence_spm")
        else:
            value = None
        return value if isinstance(value, int | float) else None


class BatchStatus(models.TextChoices):
    QUEUED = "queued", gettext_lazy("Queued")
    RUNNING = "running", gettext_lazy("Running")
    DONE = "done", gettext_lazy("Done")
    FAILED = "failed", gettext_lazy("Failed")


class ImportBatch(models.Model):
    athlete = models.ForeignKey(AthleteProfile, on_delete=models.CASCADE, related_name="imports")
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(max_length=8, choices=BatchStatus.choices, default="queued")
    # Saved upload paths relative to MEDIA_ROOT, with the name the person gave each file.
    files = models.JSONField(default=list)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    error_phrase = models.JSONField(null=True, blank=True, default=None)  # see load_note_phrase
    # A large archive is imported in parts that workers share (ImportPart); the part that
    # finishes last updates the daily load once, from the earliest day any part changed.
    parts_total = models.PositiveIntegerField(default=0)
    parts_done = models.PositiveIntegerField(default=0)
    earliest_change = models.DateField(null=True, blank=True)
    # Bytes unpacked by all parts together, held against the upload's total unpacked limit.
    unpacked_bytes = models.BigIntegerField(default=0)
    # What every part must agree on, fixed when the import starts (the easy-speed band).
    context = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    # While a worker plans the batch and queues its parts (activities.leases).
    lease_until = models.DateTimeField(null=True, blank=True)
    # When another worker took up work a stopped worker had claimed (shown to the runner).
    resumed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"import {self.pk} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (BatchStatus.DONE, BatchStatus.FAILED)

    @property
    def error_text(self) -> str:
        return text_from_json(self.error, self.error_phrase)


class ImportPart(models.Model):
    """Some of a batch's files, or a run of members of one large zip: one task's work."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="parts")
    # [[file index in batch.files, first member, stop member or null for the whole file], ...]
    slices = models.JSONField(default=list)
    status = models.CharField(max_length=8, choices=BatchStatus.choices, default="queued")
    # The claim of the worker running it: renewed as it goes; expired, another may take it up.
    lease_owner = models.CharField(max_length=32, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"import {self.batch_id} part {self.pk} ({self.status})"

    def file_slices(self) -> list[tuple[int, range | None]]:
        """(file index, zip members to read or None for all) for each slice."""
        return [
            (int(source), None if stop is None else range(int(first), int(stop)))
            for source, first, stop in self.slices
        ]


class ItemStatus(models.TextChoices):
    IMPORTED = "imported", gettext_lazy("Imported")
    DUPLICATE = "duplicate", gettext_lazy("Already imported")
    FAILED = "failed", gettext_lazy("Could not import")
    SKIPPED = "skipped", gettext_lazy("Skipped")


class ImportItem(models.Model):
    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="items")
    name = models.CharField(max_length=500)
    status = models.CharField(max_length=10, choices=ItemStatus.choices)
    reason = models.TextField(blank=True)
    reason_phrase = models.JSONField(null=True, blank=True, default=None)  # see load_note_phrase
    gear_name = models.CharField(max_length=200, blank=True)
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.SET_NULL, related_name="import_items"
    )
    # Which entry of which part this is: a part taken up again skips the entries it has.
    part = models.ForeignKey(
        ImportPart, null=True, blank=True, on_delete=models.CASCADE, related_name="items"
    )
    ordinal = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["part", "ordinal"], name="one_item_per_part_entry")
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.status}"

    @property
    def reason_text(self) -> str:
        return text_from_json(self.reason, self.reason_phrase)


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


class SeriesMeasure(models.TextChoices):
    AUTO = "auto", gettext_lazy("the one most of my activities have")
    SRPE = "srpe", gettext_lazy("session RPE (effort × minutes)")
    TRIMP = "trimp", gettext_lazy("TRIMP (heart rate)")
    RTSS = "rtss", gettext_lazy("rTSS (pace against threshold pace)")
    DURATION = "duration", gettext_lazy("minutes")


class LoadSettings(models.Model):
    """How an athlete's load is measured: the series measure and the threshold pace.

    ``measure_in_use`` and ``rate_in_use`` record what the stored daily series was computed
    with; a change of either makes the next refresh recompute the whole series.
    """

    athlete = models.OneToOneField(
        AthleteProfile, on_delete=models.CASCADE, related_name="load_settings"
    )
    measure = models.CharField(
        gettext_lazy("load measure for the daily series"),
        max_length=8,
        choices=SeriesMeasure.choices,
        default=SeriesMeasure.AUTO,
    )
    threshold_pace_s_per_km = models.FloatField(
        gettext_lazy("threshold pace (seconds per km)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(150), MaxValueValidator(900)],
        help_text=gettext_lazy("The pace you could hold for about an hour; 2:30–15:00 per km."),
    )
    measure_in_use = models.CharField(max_length=8, blank=True)
    rate_in_use = models.FloatField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"load settings of {self.athlete_id}"

    @property
    def threshold_m_s(self) -> float | None:
        pace = self.threshold_pace_s_per_km
        return None if not pace else 1000.0 / pace


class TrendSummary(models.Model):
    """What the trends page shows beside the daily rows, worked out when the series is.

    The cadence at each speed pools a year of runs' speed × cadence histograms, and the load
    basis counts every activity's measures: too much to read per request, so the series refresh
    (``activities.load``) stores the result here and the page reads one row.
    """

    athlete = models.OneToOneField(
        AthleteProfile, on_delete=models.CASCADE, related_name="trend_summary"
    )
    # [[speed m/s, median cadence spm, seconds], ...] per 0.25 m/s speed bin
    cadence_points = models.JSONField(default=list)
    cadence_runs = models.PositiveIntegerField(default=0)
    easy_band = models.JSONField(null=True, blank=True)
    basis = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"trend summary of {self.athlete_id}"
