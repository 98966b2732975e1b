"""The booking rules of one session type (Calendly's "event type")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from tagalong.evidence import cite
from tagalong.scheduling.errors import SchedulingError
from tagalong.wording import Phrase

BUFFER_EVIDENCE = cite("scheduling.buffer.calendly_0_180_min")
MAX_BUFFER_MIN = 180  # BUFFER_EVIDENCE


@dataclass(frozen=True, slots=True)
class BookingRules:
    """How long a session lasts and when it may be booked.

    ``minimum_notice``: the earliest a slot may start is ``now + minimum_notice``.
    ``horizon_days``: slots may start up to the end of the coach's local date ``horizon_days``
    after today (a rolling window in calendar days, as Calendly counts it).
    ``slot_step_min``: candidate starts are every ``slot_step_min`` minutes from the start of each
    working range, on the local wall clock.
    """

    duration: timedelta
    buffer_before_min: int = 0
    buffer_after_min: int = 0
    minimum_notice: timedelta = timedelta(0)
    horizon_days: int = 60
    slot_step_min: int = 30

    def __post_init__(self) -> None:
        if self.duration <= timedelta(0):
            raise SchedulingError("duration", Phrase("must be longer than zero"))
        for name in ("buffer_before_min", "buffer_after_min"):
            value = getattr(self, name)
            if not 0 <= value <= MAX_BUFFER_MIN:
                raise SchedulingError(
                    name,
                    Phrase("{value} is outside 0–{most} minutes", value=value, most=MAX_BUFFER_MIN),
                )
        if self.minimum_notice < timedelta(0):
            raise SchedulingError("minimum_notice", Phrase("cannot be negative"))
        if self.horizon_days < 0:
            raise SchedulingError("horizon_days", Phrase("cannot be negative"))
        if self.slot_step_min <= 0:
            raise SchedulingError("slot_step_min", Phrase("must be at least one minute"))

    @property
    def buffer_before(self) -> timedelta:
        return timedelta(minutes=self.buffer_before_min)

    @property
    def buffer_after(self) -> timedelta:
        return timedelta(minutes=self.buffer_after_min)
