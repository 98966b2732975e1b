"""Booking time maths: free slots, buffers, recurring classes and cancellation windows.

Pure and clock-free: every function takes ``now``. Instants are stored in UTC; hours and
recurrences are computed on the coach's local wall clock (``zoneinfo``).
"""

from tagalong.scheduling.cancellation import Decision, can_cancel, late_cancel
from tagalong.scheduling.capacity import seats_left
from tagalong.scheduling.errors import SchedulingError
from tagalong.scheduling.hours import DateException, TimeRange, WeeklyHours, hours_on
from tagalong.scheduling.intervals import Interval, overlaps, with_buffers
from tagalong.scheduling.recurrence import expand_recurrence
from tagalong.scheduling.reminders import reminder_at
from tagalong.scheduling.rules import BookingRules
from tagalong.scheduling.slots import Slot, ZonedSlot, free_slots

__all__ = [
    "BookingRules",
    "DateException",
    "Decision",
    "Interval",
    "SchedulingError",
    "Slot",
    "TimeRange",
    "WeeklyHours",
    "ZonedSlot",
    "can_cancel",
    "expand_recurrence",
    "free_slots",
    "hours_on",
    "late_cancel",
    "overlaps",
    "reminder_at",
    "seats_left",
    "with_buffers",
]
