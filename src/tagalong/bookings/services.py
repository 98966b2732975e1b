"""Booking writes. The database keeps the promises:

* group seats: the Session row is locked (select_for_update) while confirmed seats are counted;
* a coach is never in two sessions at once: one-on-one sessions are created inside the booking
  transaction, checked against the coach's other sessions, and on PostgreSQL an exclusion
  constraint over (coach, tstzrange(start, end)) refuses an overlap that slipped past the check
  (on SQLite the IMMEDIATE transaction serialises writers, so the check is enough);
* a runner never holds two overlapping bookings: checked under a lock on their profile row.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile, CoachingLink
from tagalong.audit.services import record
from tagalong.bookings.models import (
    HOLDING,
    Audience,
    Availability,
    Booking,
    BookingStatus,
    Kind,
    Location,
    Session,
    SessionNote,
    SessionStatus,
    SessionType,
)
from tagalong.calendars import DEFAULT_SERVER, CalendarError, video_room_url
from tagalong.errors import DomainError
from tagalong.exercises import LIBRARY
from tagalong.scheduling import (
    BookingRules,
    Interval,
    SchedulingError,
    can_cancel,
    expand_recurrence,
    free_slots,
    late_cancel,
)
from tagalong.scheduling.zones import zone

DEFAULT_TYPES = (
    {"name": "Initial assessment", "duration_min": 60, "kind": Kind.ONE_ON_ONE, "capacity": 1},
    {"name": "Follow-up", "duration_min": 30, "kind": Kind.ONE_ON_ONE, "capacity": 1},
    {"name": "Group calf clinic", "duration_min": 45, "kind": Kind.GROUP, "capacity": 12},
)
DEFAULT_HOURS = {str(day): [["09:00", "12:00"], ["14:00", "17:00"]] for day in range(5)}
OVERLAP_MESSAGE = "You already have a session at that time."
COACH_BUSY_MESSAGE = "That time has just been taken; please pick another slot."


@dataclass(frozen=True)
class SlotRequest:
    """A one-on-one slot a runner asks for: the session is created when it is booked."""

    session_type: SessionType
    start: datetime


def _domain(error: SchedulingError | CalendarError) -> DomainError:
    return DomainError(f"{error.field}: {error.reason}", field=error.field.split(".")[0])


# --- coach set-up -------------------------------------------------------------------------


def ensure_coach_setup(*, coach: User) -> Availability:
    """The coach's availability row and, on first visit, three session types to start from."""
    availability, created = Availability.objects.get_or_create(
        coach=coach, defaults={"time_zone": coach.time_zone, "weekly_hours": DEFAULT_HOURS}
    )
    if created and not SessionType.objects.filter(coach=coach).exists():
        SessionType.objects.bulk_create([SessionType(coach=coach, **t) for t in DEFAULT_TYPES])
    return availability


AVAILABILITY_FIELDS = (
    "time_zone",
    "weekly_hours",
    "buffer_before_min",
    "buffer_after_min",
    "minimum_notice_hours",
    "horizon_days",
)


@transaction.atomic
def update_availability(*, coach: User, by: User, changes: dict[str, Any]) -> Availability:
    availability = ensure_coach_setup(coach=coach)
    availability = Availability.objects.select_for_update().get(pk=availability.pk)
    for key, value in changes.items():
        if key in AVAILABILITY_FIELDS and value is not None:
            setattr(availability, key, value)
    try:
        zone(availability.time_zone, field="time_zone")
        availability.hours()
        BookingRules(
            duration=timedelta(minutes=30),
            buffer_before_min=availability.buffer_before_min,
            buffer_after_min=availability.buffer_after_min,
            horizon_days=availability.horizon_days,
        )
    except SchedulingError as error:
        raise _domain(error) from error
    except (ValueError, TypeError, AttributeError) as error:
        raise DomainError(
            'Weekly hours must look like {"0": [["09:00", "12:00"]]}.', field="weekly_hours"
        ) from error
    availability.save()
    record(actor=by, action="bookings.availability_changed", target=availability)
    return availability


@transaction.atomic
def create_session_type(*, coach: User, by: User, **fields: Any) -> SessionType:
    ensure_coach_setup(coach=coach)
    session_type = SessionType(coach=coach, **fields)
    if session_type.kind == Kind.ONE_ON_ONE:
        session_type.capacity = 1
    if session_type.location == Location.CUSTOM and not session_type.custom_link:
        raise DomainError("Add the link runners should use.", field="custom_link")
    session_type.full_clean()
    session_type.save()
    record(actor=by, action="bookings.session_type_created", target=session_type)
    return session_type


def _room_url(session_type: SessionType) -> str:
    if session_type.location == Location.CUSTOM:
        return session_type.custom_link
    server = os.environ.get("TAGALONG_JITSI_SERVER", DEFAULT_SERVER)
    try:
        return video_room_url(secret_token=secrets.token_urlsafe(16), server=server)
    except CalendarError as error:
        raise DomainError(f"TAGALONG_JITSI_SERVER: {error.reason}") from error


def _coach_busy(coach_id: int, start: datetime, end: datetime) -> bool:
    return Session.objects.filter(
        coach_id=coach_id, status=SessionStatus.SCHEDULED, start__lt=end, end__gt=start
    ).exists()


def _insert_session(session: Session) -> Session:
    # The savepoint lets the exclusion constraint's refusal become a clear message.
    try:
        with transaction.atomic():
            session.save()
    except IntegrityError as error:
        raise DomainError(COACH_BUSY_MESSAGE, field="start", code="conflict") from error
    return session


@transaction.atomic
def create_class(
    *,
    coach: User,
    session_type: SessionType,
    start: datetime,
    tz_name: str,
    now: datetime,
    rrule: str = "",
) -> list[Session]:
    """A group class, one-off or recurring; occurrences are rows up to the coach's horizon."""
    availability = ensure_coach_setup(coach=coach)
    try:
        tz = zone(tz_name, field="tz_name")
        starts = [start]
        if rrule:
            horizon = now + timedelta(days=availability.horizon_days)
            starts = expand_recurrence(
                rrule, start.astimezone(tz), window_start=start, window_end=horizon
            )
    except SchedulingError as error:
        raise _domain(error) from error
    if not starts:
        raise DomainError("The rule gives no dates within your booking horizon.", field="rrule")
    length = timedelta(minutes=session_type.duration_min)
    created: list[Session] = []
    first: Session | None = None
    for begins in starts:
        if _coach_busy(coach.pk, begins, begins + length):
            raise DomainError(
                f"You already have a session at {begins.astimezone(tz):%a %d %b %H:%M}.",
                field="start",
                code="conflict",
            )
        session = _insert_session(
            Session(
                coach=coach,
                session_type=session_type,
                start=begins,
                end=begins + length,
                tz_name=tz_name,
                capacity=session_type.capacity,
                room_url=_room_url(session_type),
                rrule=rrule if first is None else "",
                series=first,
            )
        )
        first = first or session
        created.append(session)
    record(actor=coach, action="bookings.class_created", target=created[0], count=len(created))
    return created


# --- booking ------------------------------------------------------------------------------


def may_book(athlete: AthleteProfile, session_type: SessionType, link_token: str = "") -> bool:
    if not session_type.active:
        return False
    if session_type.audience == Audience.LINK and link_token:
        return secrets.compare_digest(link_token, session_type.link_token)
    return CoachingLink.objects.active().filter(athlete=athlete, coach=session_type.coach).exists()


def _check_slot(slot: SlotRequest, now: datetime) -> tuple[datetime, datetime, str]:
    session_type = slot.session_type
    if session_type.kind != Kind.ONE_ON_ONE:
        raise DomainError("Pick one of the scheduled classes for a group session.", field="start")
    availability = ensure_coach_setup(coach=session_type.coach)
    exceptions = [e.to_core() for e in session_type.coach.availability_exceptions.all()]
    length = timedelta(minutes=session_type.duration_min)
    busy = [
        Interval(s.start, s.end)
        for s in Session.objects.filter(
            coach=session_type.coach,
            status=SessionStatus.SCHEDULED,
            start__lt=slot.start + length + timedelta(minutes=availability.buffer_after_min),
            end__gt=slot.start - timedelta(minutes=availability.buffer_before_min),
        )
    ]
    try:
        found = free_slots(
            hours=availability.hours(),
            exceptions=exceptions,
            rules=availability.rules_for(session_type),
            busy=busy,
            coach_zone=availability.time_zone,
            start=slot.start,
            end=slot.start + timedelta(minutes=1),
            now=now,
        )
    except SchedulingError as error:
        raise _domain(error) from error
    if not any(s.start == slot.start for s in found):
        if busy:
            raise DomainError(COACH_BUSY_MESSAGE, field="start", code="conflict")
        raise DomainError("That time is not open for booking.", field="start")
    return slot.start, slot.start + length, availability.time_zone


def _check_runner_free(athlete: AthleteProfile, start: datetime, end: datetime) -> None:
    if Booking.objects.filter(
        athlete=athlete,
        status__in=HOLDING,
        session__status=SessionStatus.SCHEDULED,
        session__start__lt=end,
        session__end__gt=start,
    ).exists():
        raise DomainError(OVERLAP_MESSAGE, field="start", code="conflict")


@transaction.atomic
def book(
    *,
    athlete: AthleteProfile,
    session_or_slot: Session | SlotRequest,
    now: datetime,
    link_token: str = "",
) -> Booking:
    """A confirmed seat, a waiting-list place, or a DomainError saying why not."""
    # The profile lock serialises one runner's bookings, so the overlap check holds.
    AthleteProfile.objects.select_for_update().get(pk=athlete.pk)
    if isinstance(session_or_slot, SlotRequest):
        if not may_book(athlete, session_or_slot.session_type, link_token):
            raise DomainError("This session type is not open to you.", code="forbidden")
        start, end, tz_name = _check_slot(session_or_slot, now)
        _check_runner_free(athlete, start, end)
        session_type = session_or_slot.session_type
        session = _insert_session(
            Session(
                coach_id=session_type.coach_id,
                session_type=session_type,
                start=start,
                end=end,
                tz_name=tz_name,
                capacity=1,
                room_url=_room_url(session_type),
            )
        )
    else:
        session = (
            Session.objects.select_for_update()
            .select_related("session_type")
            .get(pk=session_or_slot.pk)
        )
        if not may_book(athlete, session.session_type, link_token):
            raise DomainError("This session is not open to you.", code="forbidden")
        if session.status != SessionStatus.SCHEDULED or session.start <= now:
            raise DomainError("This session can no longer be booked.")
        if session.bookings.filter(athlete=athlete, status__in=HOLDING).exists():
            raise DomainError("You already have a place in this session.", code="conflict")
        _check_runner_free(athlete, session.start, session.end)
    confirmed = session.bookings.filter(status=BookingStatus.CONFIRMED).count()
    booking = Booking(session=session, athlete=athlete, created_at=now)
    if confirmed < session.capacity:
        booking.status = BookingStatus.CONFIRMED
    else:
        last = session.bookings.filter(status=BookingStatus.WAITLISTED).aggregate(
            n=Max("waitlist_position")
        )["n"]
        booking.status = BookingStatus.WAITLISTED
        booking.waitlist_position = (last or 0) + 1
    booking.save()
    record(
        actor=athlete.user,
        action="bookings.booked",
        target=booking,
        athlete_id=athlete.pk,
        status=booking.status,
    )
    if booking.status == BookingStatus.CONFIRMED:
        _notify(booking.pk, "REQUEST")
    return booking


def _notify(booking_id: int, method: str) -> None:
    from tagalong.bookings.tasks import send_booking_email

    transaction.on_commit(lambda: send_booking_email.enqueue(booking_id, method))


def _promote(session: Session) -> Booking | None:
    confirmed = session.bookings.filter(status=BookingStatus.CONFIRMED).count()
    if confirmed >= session.capacity:
        return None
    nxt = (
        session.bookings.select_for_update()
        .filter(status=BookingStatus.WAITLISTED)
        .order_by("waitlist_position", "created_at", "pk")
        .first()
    )
    if nxt is None:
        return None
    nxt.status = BookingStatus.CONFIRMED
    nxt.waitlist_position = None
    nxt.save(update_fields=["status", "waitlist_position"])
    record(actor=None, action="bookings.promoted", target=nxt, athlete_id=nxt.athlete_id)
    _notify(nxt.pk, "REQUEST")
    return nxt


@transaction.atomic
def cancel(*, booking: Booking, by: User, now: datetime) -> Booking:
    """Cancel a place. A runner inside the coach's cut-off is recorded as a late cancellation;
    a freed seat goes to the next runner on the waiting list."""
    session = (
        Session.objects.select_for_update()
        .select_related("session_type")
        .get(pk=booking.session_id)
    )
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.status not in HOLDING:
        raise DomainError("This booking is already cancelled or finished.")
    if session.start <= now:
        raise DomainError("The session has already started; ask your coach.")
    was_confirmed = booking.status == BookingStatus.CONFIRMED
    by_coach = by.pk == session.coach_id
    late = was_confirmed and late_cancel(
        session.start, now, session.session_type.cancel_cutoff_hours
    )
    booking.status = BookingStatus.LATE_CANCEL if late and not by_coach else BookingStatus.CANCELLED
    booking.waitlist_position = None
    booking.sequence += 1
    booking.save(update_fields=["status", "waitlist_position", "sequence"])
    if session.session_type.kind == Kind.ONE_ON_ONE:
        session.status = SessionStatus.CANCELLED
        session.sequence += 1
        session.save(update_fields=["status", "sequence"])
    else:
        _promote(session)
    record(
        actor=by,
        action="bookings.cancelled",
        target=booking,
        athlete_id=booking.athlete_id,
        status=booking.status,
    )
    if was_confirmed:
        _notify(booking.pk, "CANCEL")
    return booking


@transaction.atomic
def reschedule(*, booking: Booking, to: Session | SlotRequest, by: User, now: datetime) -> Booking:
    """Cancel and book in one transaction: if the new place fails, the old one stays."""
    session = booking.session
    if by.pk != session.coach_id:
        decision = can_cancel(session.start, now, session.session_type.cancel_cutoff_hours)
        if not decision.allowed:
            raise DomainError(decision.reason)
    cancel(booking=booking, by=by, now=now)
    return book(athlete=booking.athlete, session_or_slot=to, now=now)


ATTENDANCE = (BookingStatus.ATTENDED, BookingStatus.NO_SHOW, BookingStatus.LATE_CANCEL)


@transaction.atomic
def mark_attendance(*, booking: Booking, by: User, status: str) -> Booking:
    if status not in ATTENDANCE:
        raise DomainError("Choose attended, did not come or late cancellation.", field="status")
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    booking.status = status
    booking.waitlist_position = None
    booking.save(update_fields=["status", "waitlist_position"])
    record(
        actor=by,
        action="bookings.attendance",
        target=booking,
        athlete_id=booking.athlete_id,
        status=status,
    )
    return booking


@transaction.atomic
def save_note(
    *,
    session: Session,
    athlete: AthleteProfile,
    by: User,
    private_note: str = "",
    shared_advice: str = "",
    exercise_slugs: list[str] | None = None,
) -> SessionNote:
    slugs = list(exercise_slugs or [])
    unknown = [s for s in slugs if s not in LIBRARY]
    if unknown:
        raise DomainError(f"Unknown exercises: {', '.join(unknown)}.", field="exercise_slugs")
    if not session.bookings.filter(athlete=athlete).exists():
        raise DomainError("This runner did not book this session.", field="athlete_id")
    note, _ = SessionNote.objects.update_or_create(
        session=session,
        athlete=athlete,
        defaults={
            "private_note": private_note,
            "shared_advice": shared_advice,
            "exercise_slugs": slugs,
        },
    )
    record(actor=by, action="bookings.note_saved", target=note, athlete_id=athlete.pk)
    return note
