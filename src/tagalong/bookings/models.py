"""Coaches' bookable hours, session types, sessions and the runners' bookings.

Instants are stored in UTC with the IANA zone they were planned in; weekly hours are wall-clock
times in the coach's zone (tagalong.scheduling does the maths).
"""

from __future__ import annotations

import secrets
import uuid
from datetime import datetime, time, timedelta

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteGroup, AthleteProfile
from tagalong.athletes.validation import validate_time_zone
from tagalong.scheduling import BookingRules, DateException, TimeRange, WeeklyHours
from tagalong.scheduling.rules import MAX_BUFFER_MIN

# Runners see the video link from this long before the start.
JOIN_EARLY = timedelta(minutes=10)


def new_token() -> str:
    return secrets.token_urlsafe(24)


def _ranges(raw: list[list[str]]) -> list[TimeRange]:
    return [TimeRange(time.fromisoformat(a), time.fromisoformat(b)) for a, b in raw]


class Availability(models.Model):
    """One row per coach. ``weekly_hours`` maps "0" (Monday) … "6" to [["09:00", "12:00"], …]."""

    coach = models.OneToOneField(User, on_delete=models.CASCADE, related_name="availability")
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    weekly_hours = models.JSONField(default=dict, blank=True)
    buffer_before_min = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(MAX_BUFFER_MIN)]
    )
    buffer_after_min = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(MAX_BUFFER_MIN)]
    )
    minimum_notice_hours = models.PositiveSmallIntegerField(
        default=12, validators=[MaxValueValidator(24 * 30)]
    )
    horizon_days = models.PositiveSmallIntegerField(default=60, validators=[MaxValueValidator(365)])

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(buffer_before_min__lte=MAX_BUFFER_MIN)
                & Q(buffer_after_min__lte=MAX_BUFFER_MIN),
                name="bookings_buffers_0_180",
            )
        ]

    def __str__(self) -> str:
        return f"Availability of {self.coach}"

    def hours(self) -> WeeklyHours:
        return WeeklyHours({int(day): _ranges(r) for day, r in self.weekly_hours.items()})

    def rules_for(self, session_type: SessionType) -> BookingRules:
        return BookingRules(
            duration=timedelta(minutes=session_type.duration_min),
            buffer_before_min=self.buffer_before_min,
            buffer_after_min=self.buffer_after_min,
            minimum_notice=timedelta(hours=self.minimum_notice_hours),
            horizon_days=self.horizon_days,
        )


class AvailabilityException(models.Model):
    """A local date off (no ranges, replace) or with other/extra hours."""

    coach = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="availability_exceptions"
    )
    day = models.DateField()
    ranges = models.JSONField(default=list, blank=True)
    replace = models.BooleanField(default=True)

    class Meta:
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.coach} on {self.day}"

    def to_core(self) -> DateException:
        return DateException(day=self.day, ranges=_ranges(self.ranges), replace=self.replace)


class Kind(models.TextChoices):
    ONE_ON_ONE = "one_on_one", _("One-on-one")
    GROUP = "group", _("Group")


class Audience(models.TextChoices):
    OWN_ATHLETES = "own_athletes", _("My athletes")
    LINK = "link", _("Anyone with the link")
    GROUP = "group", _("Members of a group")


class Location(models.TextChoices):
    JITSI = "jitsi", _("Video room (Jitsi)")
    CUSTOM = "custom", _("My own link (Zoom, Meet…)")


class SessionType(models.Model):
    # Empty only for a coach who deleted their account: their past sessions stay in the
    # runners' history (see dataexport.erasure.erase_coach_sessions).
    coach = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="session_types"
    )
    name = models.CharField(max_length=120)
    duration_min = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(5), MaxValueValidator(480)]
    )
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.ONE_ON_ONE)
    capacity = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    audience = models.CharField(
        max_length=14, choices=Audience.choices, default=Audience.OWN_ATHLETES
    )
    group = models.ForeignKey(
        AthleteGroup,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="session_types",
        help_text=_("Who may book when the audience is a group."),
    )
    link_token = models.CharField(max_length=64, default=new_token, unique=True)
    cancel_cutoff_hours = models.PositiveSmallIntegerField(
        default=24, validators=[MaxValueValidator(24 * 14)]
    )
    price_text = models.CharField(max_length=120, blank=True, help_text=_("Information only."))
    location = models.CharField(max_length=8, choices=Location.choices, default=Location.JITSI)
    custom_link = models.URLField(blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_group(self) -> bool:
        return self.kind == Kind.GROUP


FORMER_COACH = "a former member"


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class Session(models.Model):
    coach = models.ForeignKey(  # empty: a past session of a coach who deleted their account
        User, null=True, on_delete=models.SET_NULL, related_name="coached_sessions"
    )
    session_type = models.ForeignKey(SessionType, on_delete=models.PROTECT, related_name="sessions")
    start = models.DateTimeField()
    end = models.DateTimeField()
    tz_name = models.CharField(max_length=64, validators=[validate_time_zone])
    capacity = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    room_url = models.URLField(max_length=300)
    rrule = models.CharField(max_length=200, blank=True)
    series = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="occurrences"
    )
    status = models.CharField(
        max_length=10, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    ical_uid = models.CharField(max_length=80, default="", blank=True)
    sequence = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["start"]
        indexes = [models.Index(fields=["coach", "start"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="session_ends")
        ]

    def __str__(self) -> str:
        return f"{self.session_type} at {self.start:%Y-%m-%d %H:%M}Z"

    def save(self, *args: object, **kwargs: object) -> None:
        if not self.ical_uid:
            self.ical_uid = f"session-{uuid.uuid4()}@tagalong"
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def coach_name(self) -> str:
        return self.coach.full_name if self.coach is not None else FORMER_COACH

    @property
    def join_opens_at(self) -> datetime:
        return self.start - JOIN_EARLY

    def join_state(self, now: datetime) -> str:
        """ "waiting" until 10 minutes before the start, "open" until the end, then "ended"."""
        if self.status != SessionStatus.SCHEDULED:
            return "cancelled"
        if now < self.join_opens_at:
            return "waiting"
        return "open" if now < self.end else "ended"


class BookingStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")
    LATE_CANCEL = "late_cancel", _("Late cancellation")
    ATTENDED = "attended", _("Attended")
    NO_SHOW = "no_show", _("Did not come")


HOLDING = (BookingStatus.CONFIRMED, BookingStatus.WAITLISTED)
# What the coach may record after the session, in the words of the attendance buttons.
ATTENDANCE_CHOICES = [
    (BookingStatus.ATTENDED.value, _("Attended")),
    (BookingStatus.NO_SHOW.value, _("No-show")),
    (BookingStatus.LATE_CANCEL.value, _("Late cancel")),
]


class Booking(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="bookings")
    athlete = models.ForeignKey(AthleteProfile, on_delete=models.CASCADE, related_name="bookings")
    status = models.CharField(max_length=12, choices=BookingStatus.choices)
    waitlist_position = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField()
    ical_uid = models.CharField(max_length=80, unique=True)
    sequence = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "athlete"],
                condition=Q(status__in=["confirmed", "waitlisted"]),
                name="one_live_booking_per_session_and_athlete",
            )
        ]

    def __str__(self) -> str:
        return f"{self.athlete} in {self.session} ({self.status})"

    def save(self, *args: object, **kwargs: object) -> None:
        if not self.ical_uid:
            self.ical_uid = f"booking-{uuid.uuid4()}@tagalong"
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def is_holding(self) -> bool:
        return self.status in HOLDING


class SessionNote(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="notes")
    athlete = models.ForeignKey(
        AthleteProfile, on_delete=models.CASCADE, related_name="session_notes"
    )
    private_note = models.TextField(blank=True, help_text=_("Only you see this."))
    shared_advice = models.TextField(blank=True, help_text=_("Shown on the runner's record."))
    exercise_slugs = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "athlete"], name="one_note_per_attendee")
        ]

    def __str__(self) -> str:
        return f"Note on {self.athlete} in {self.session}"


class ReminderSent(models.Model):
    """A reminder that went out; the unique row is the claim that keeps reminders single."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=4)  # "24h" or "1h"
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["booking", "kind"], name="one_reminder_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.kind} reminder for booking {self.booking_id}"


class CalendarFeed(models.Model):
    """A private iCal feed address; revoking replaces the token so the old address stops."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, default=new_token, unique=True)

    def __str__(self) -> str:
        return f"Calendar feed of {self.user}"
