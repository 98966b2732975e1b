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
from datetime import date, datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext, gettext_noop

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteGroup, AthleteProfile, CoachingLink
from tagalong.audit.services import record
from tagalong.bookings.models import (
    HOLDING,
    Audience,
    Availability,
    AvailabilityException,
    Booking,
    BookingStatus,
    CalendarFeed,
    Kind,
    Location,
    Session,
    SessionNote,
    SessionStatus,
    SessionType,
    new_token,
)
from tagalong.bookings.notices import tell
from tagalong.calendars import DEFAULT_SERVER, CalendarError, video_room_url
from tagalong.errors import DomainError
from tagalong.exercises import LIBRARY
from tagalong.scheduling import (
    BookingRules,
    DateException,
    Interval,
    SchedulingError,
    can_cancel,
    expand_recurrence,
    free_slots,
    late_cancel,
)
from tagalong.scheduling.hours import TimeRange
from tagalong.scheduling.zones import zone

DEFAULT_TYPES = (
    {"name": "Initial assessment", "duration_min": 60, "kind": Kind.ONE_ON_ONE, "capacity": 1},
    {"name": "Follow-up", "duration_min": 30, "kind": Kind.ONE_ON_ONE, "capacity": 1},
    {"name": "Group calf clinic", "duration_min": 45, "kind": Kind.GROUP, "capacity": 12},
)
DEFAULT_HOURS = {str(day): [["09:00", "12:00"], ["14:00", "17:00"]] for day in range(5)}
OVERLAP_MESSAGE = gettext_noop("You already have a session at that time.")
COACH_BUSY_MESSAGE = gettext_noop("That time has just been taken; please pick another slot.")


@dataclass(frozen=True)
class SlotRequest:
    """A one-on-one slot a runner asks for: the session is created when it is booked."""

    session_type: SessionType
    start: datetime


def _domain(error: SchedulingError | CalendarError) -> DomainError:
    return DomainError(error.message, field=error.field.split(".")[0])


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
            gettext('Weekly hours must look like {"0": [["09:00", "12:00"]]}.'),
            field="weekly_hours",
        ) from error
    availability.save()
    record(actor=by, action="bookings.availability_changed", target=availability)
    return availability


SESSION_TYPE_FIELDS = (
    "name",
    "duration_min",
    "kind",
    "capacity",
    "audience",
    "group",
    "cancel_cutoff_hours",
    "price_text",
    "location",
    "custom_link",
)


def _check_type(session_type: SessionType) -> None:
    if session_type.kind == Kind.ONE_ON_ONE:
        session_type.capacity = 1
    if session_type.location == Location.CUSTOM and not session_type.custom_link:
        raise DomainError(gettext("Add the link runners should use."), field="custom_link")
    if session_type.audience != Audience.GROUP:
        session_type.group = None
    elif session_type.group is None:
        raise DomainError(gettext("Pick the group whose members may book."), field="group")
    elif session_type.group.coach_id != session_type.coach_id:
        raise DomainError(gettext("Pick one of your own groups."), field="group")
    session_type.full_clean()


def _group(coach: User, fields: dict[str, Any]) -> dict[str, Any]:
    """Accept a group id (the API) as well as an AthleteGroup (the pages)."""
    group = fields.get("group")
    if group is None or isinstance(group, AthleteGroup):
        return fields
    found = AthleteGroup.objects.filter(pk=group, coach=coach).first()
    if found is None:
        raise DomainError(gettext("Pick one of your own groups."), field="group")
    return {**fields, "group": found}


@transaction.atomic
def create_session_type(*, coach: User, by: User, **fields: Any) -> SessionType:
    ensure_coach_setup(coach=coach)
    session_type = SessionType(coach=coach, **_group(coach, fields))
    _check_type(session_type)
    session_type.save()
    record(actor=by, action="bookings.session_type_created", target=session_type)
    return session_type


@transaction.atomic
def update_session_type(
    *, session_type: SessionType, by: User, changes: dict[str, Any]
) -> SessionType:
    """Change a session type. Sessions already booked keep their length, room and seats."""
    session_type = SessionType.objects.select_for_update().get(pk=session_type.pk)
    for key, value in _group(session_type.coach, changes).items():
        if key in SESSION_TYPE_FIELDS:
            setattr(session_type, key, value)
    _check_type(session_type)
    session_type.save()
    record(
        actor=by,
        action="bookings.session_type_changed",
        target=session_type,
        changed=sorted(k for k in changes if k in SESSION_TYPE_FIELDS),
    )
    return session_type


@transaction.atomic
def set_session_type_active(*, session_type: SessionType, by: User, active: bool) -> SessionType:
    """Archive (no new bookings; booked sessions go ahead) or bring back a session type."""
    SessionType.objects.filter(pk=session_type.pk).update(active=active)
    session_type.active = active
    action = "bookings.session_type_restored" if active else "bookings.session_type_archived"
    record(actor=by, action=action, target=session_type)
    return session_type


@transaction.atomic
def new_booking_link(*, session_type: SessionType, by: User) -> SessionType:
    """A new "anyone with the link" address; the old one stops working."""
    session_type.link_token = new_token()
    session_type.save(update_fields=["link_token"])
    record(actor=by, action="bookings.link_renewed", target=session_type)
    return session_type


# --- date exceptions -------------------------------------------------------------------------


def _range_text(ranges: list[TimeRange]) -> list[list[str]]:
    return [[r.start.strftime("%H:%M"), r.end.strftime("%H:%M")] for r in ranges]


@transaction.atomic
def add_exception(
    *, coach: User, by: User, day: date, ranges: list[TimeRange], replace: bool
) -> AvailabilityException:
    """A day off (no ranges), other hours (replace) or extra hours on one local date."""
    if not replace and not ranges:
        raise DomainError(gettext("Give the extra hours, e.g. 18:00-20:00."), field="ranges")
    try:
        DateException(day=day, ranges=ranges, replace=replace)
    except SchedulingError as error:
        raise _domain(error) from error
    exception = AvailabilityException.objects.create(
        coach=coach, day=day, ranges=_range_text(ranges), replace=replace
    )
    record(actor=by, action="bookings.exception_added", target=exception, day=day.isoformat())
    return exception


@transaction.atomic
def remove_exception(*, exception: AvailabilityException, by: User) -> None:
    record(
        actor=by,
        action="bookings.exception_removed",
        target=exception,
        day=exception.day.isoformat(),
    )
    exception.delete()


# --- calendar feeds --------------------------------------------------------------------------


@transaction.atomic
def rotate_feed(*, user: User) -> CalendarFeed:
    """Make the private feed address, or replace it: the old address stops at once."""
    feed, created = CalendarFeed.objects.get_or_create(user=user)
    if not created:
        feed.token = new_token()
        feed.save(update_fields=["token"])
    record(actor=user, action="bookings.feed_rotated", target=feed)
    return feed


@transaction.atomic
def revoke_feed(*, user: User) -> bool:
    feed = CalendarFeed.objects.filter(user=user).first()
    if feed is None:
        return False
    record(actor=user, action="bookings.feed_revoked", target=feed)
    feed.delete()
    return True


def room_url_for(session_type: SessionType) -> str:
    if session_type.location == Location.CUSTOM:
        return session_type.custom_link
    server = os.environ.get("TAGALONG_JITSI_SERVER", DEFAULT_SERVER)
    try:
        return video_room_url(secret_token=secrets.token_urlsafe(16), server=server)
    except CalendarError as error:
        raise DomainError(
            gettext("TAGALONG_JITSI_SERVER: %(reason)s") % {"reason": error.reason}
        ) from error


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
        raise DomainError(gettext(COACH_BUSY_MESSAGE), field="start", code="conflict") from error
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
    if session_type.coach_id != coach.pk or session_type.kind != Kind.GROUP:
        raise DomainError(gettext("Pick one of your group session types."), field="session_type")
    if start <= now:
        raise DomainError(gettext("Pick a start in the future."), field="start")
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
        raise DomainError(
            gettext("The rule gives no dates within your booking horizon."), field="rrule"
        )
    length = timedelta(minutes=session_type.duration_min)
    created: list[Session] = []
    first: Session | None = None
    for begins in starts:
        if _coach_busy(coach.pk, begins, begins + length):
            raise DomainError(
                gettext("You already have a session at %(when)s.")
                % {"when": f"{begins.astimezone(tz):%a %d %b %H:%M}"},
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
                room_url=room_url_for(session_type),
                rrule=rrule if first is None else "",
                series=first,
            )
        )
        first = first or session
        created.append(session)
    record(actor=coach, action="bookings.class_created", target=created[0], count=len(created))
    return created


# --- booking ------------------------------------------------------------------------------


def _linked(athlete: AthleteProfile, coach_id: int) -> bool:
    return CoachingLink.objects.active().filter(athlete=athlete, coach_id=coach_id).exists()


def may_book(athlete: AthleteProfile, session_type: SessionType, link_token: str = "") -> bool:
    """Who may book: the coach's own athletes; with the link, anyone; for a group audience,
    only the group's members (who are the coach's own athletes)."""
    if not session_type.active:
        return False
    if session_type.audience == Audience.LINK and link_token:
        return secrets.compare_digest(link_token, session_type.link_token)
    if session_type.audience == Audience.GROUP:
        return (
            session_type.group_id is not None
            and _linked(athlete, session_type.coach_id)
            and AthleteProfile.objects.filter(
                pk=athlete.pk, athlete_groups=session_type.group_id
            ).exists()
        )
    return _linked(athlete, session_type.coach_id)


def _check_slot(slot: SlotRequest, now: datetime) -> tuple[datetime, datetime, str]:
    session_type = slot.session_type
    if session_type.kind != Kind.ONE_ON_ONE:
        raise DomainError(
            gettext("Pick one of the scheduled classes for a group session."), field="start"
        )
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
            raise DomainError(gettext(COACH_BUSY_MESSAGE), field="start", code="conflict")
        raise DomainError(gettext("That time is not open for booking."), field="start")
    return slot.start, slot.start + length, availability.time_zone


def _check_runner_free(
    athlete: AthleteProfile, start: datetime, end: datetime, *, moving: int | None = None
) -> None:
    """``moving`` is the booking being rescheduled: its current time does not count."""
    if (
        Booking.objects.filter(
            athlete=athlete,
            status__in=HOLDING,
            session__status=SessionStatus.SCHEDULED,
            session__start__lt=end,
            session__end__gt=start,
        )
        .exclude(pk=moving)
        .exists()
    ):
        raise DomainError(gettext(OVERLAP_MESSAGE), field="start", code="conflict")


def _new_one_on_one(
    athlete: AthleteProfile, slot: SlotRequest, now: datetime, moving: int | None
) -> Session:
    start, end, tz_name = _check_slot(slot, now)
    _check_runner_free(athlete, start, end, moving=moving)
    session_type = slot.session_type
    return _insert_session(
        Session(
            coach_id=session_type.coach_id,
            session_type=session_type,
            start=start,
            end=end,
            tz_name=tz_name,
            capacity=1,
            room_url=room_url_for(session_type),
        )
    )


def _open_class(
    athlete: AthleteProfile, session_id: int, now: datetime, moving: int | None
) -> Session:
    session = Session.objects.select_for_update().select_related("session_type").get(pk=session_id)
    if session.session_type.kind != Kind.GROUP:  # a one-on-one is its booker's alone
        raise DomainError(gettext("This session is not open to you."), code="forbidden")
    if session.status != SessionStatus.SCHEDULED or session.start <= now:
        raise DomainError(gettext("This session can no longer be booked."))
    holding = session.bookings.filter(athlete=athlete, status__in=HOLDING).exclude(pk=moving)
    if holding.exists():
        raise DomainError(gettext("You already have a place in this session."), code="conflict")
    _check_runner_free(athlete, session.start, session.end, moving=moving)
    return session


def _confirmed_count(session: Session) -> int:
    return session.bookings.filter(status=BookingStatus.CONFIRMED).count()


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
            raise DomainError(gettext("This session type is not open to you."), code="forbidden")
        session = _new_one_on_one(athlete, session_or_slot, now, None)
    else:
        session_type = SessionType.objects.get(pk=session_or_slot.session_type_id)
        if not may_book(athlete, session_type, link_token):
            raise DomainError(gettext("This session is not open to you."), code="forbidden")
        session = _open_class(athlete, session_or_slot.pk, now, None)
    booking = Booking(session=session, athlete=athlete, created_at=now)
    if _confirmed_count(session) < session.capacity:
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
        _send_invitation(booking.pk, "REQUEST")
        tell(booking, "booking_confirmed")
    else:
        tell(booking, "booking_waitlisted")
    return booking


def _send_invitation(booking_id: int, method: str) -> None:
    from tagalong.bookings.tasks import send_booking_email

    transaction.on_commit(lambda: send_booking_email.enqueue(booking_id, method))


def _promote(session: Session) -> Booking | None:
    if _confirmed_count(session) >= session.capacity:
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
    _send_invitation(nxt.pk, "REQUEST")
    tell(nxt, "booking_promoted")
    return nxt


def _lock(booking: Booking) -> tuple[Session, Booking]:
    session = (
        Session.objects.select_for_update(of=("self",))  # coach: empty once they have left
        .select_related("session_type", "coach")
        .get(pk=booking.session_id)
    )
    locked = Booking.objects.select_for_update().select_related("athlete__user").get(pk=booking.pk)
    return session, locked


def _close_one_on_one(session: Session) -> None:
    """A one-on-one session lives and dies with its booking: freeing it frees the coach."""
    if session.session_type.kind == Kind.ONE_ON_ONE and session.status == SessionStatus.SCHEDULED:
        session.status = SessionStatus.CANCELLED
        session.sequence += 1
        session.save(update_fields=["status", "sequence"])


@transaction.atomic
def cancel(*, booking: Booking, by: User, now: datetime) -> Booking:
    """Cancel a place. A runner inside the coach's cut-off is recorded as a late cancellation;
    a freed seat goes to the next runner on the waiting list."""
    session, booking = _lock(booking)
    if booking.status not in HOLDING:
        raise DomainError(gettext("This booking is already cancelled or finished."))
    if session.start <= now:
        raise DomainError(gettext("The session has already started; ask your coach."))
    was_confirmed = booking.status == BookingStatus.CONFIRMED
    by_coach = by.pk == session.coach_id
    late = was_confirmed and late_cancel(
        session.start, now, session.session_type.cancel_cutoff_hours
    )
    booking.status = BookingStatus.LATE_CANCEL if late and not by_coach else BookingStatus.CANCELLED
    booking.waitlist_position = None
    booking.sequence += 1
    booking.save(update_fields=["status", "waitlist_position", "sequence"])
    booking.session = session
    _close_one_on_one(session)
    if session.session_type.kind == Kind.GROUP:
        _promote(session)
    record(
        actor=by,
        action="bookings.cancelled",
        target=booking,
        athlete_id=booking.athlete_id,
        status=booking.status,
    )
    if was_confirmed:
        _send_invitation(booking.pk, "CANCEL")
    tell(booking, "booking_cancelled")
    return booking


def _move_target(
    booking: Booking, old: Session, to: Session | SlotRequest, now: datetime
) -> Session:
    """The new session for a moved booking: same coach; another type must be open to the runner."""
    athlete = booking.athlete
    session_type = to.session_type
    if session_type.coach_id != old.coach_id:
        raise DomainError(gettext("Pick another time with the same coach."), field="start")
    if session_type.pk != old.session_type_id and not may_book(athlete, session_type):
        raise DomainError(gettext("This session type is not open to you."), code="forbidden")
    if isinstance(to, SlotRequest):
        return _new_one_on_one(athlete, to, now, booking.pk)
    if to.pk == old.pk:
        raise DomainError(gettext("That is the time you already have."), field="session_id")
    target = _open_class(athlete, to.pk, now, booking.pk)
    if _confirmed_count(target) >= target.capacity:
        raise DomainError(
            gettext(
                "That class is full. Keep your place, or cancel it and join the waiting list there."
            ),
            code="conflict",
        )
    return target


@transaction.atomic
def reschedule(*, booking: Booking, to: Session | SlotRequest, by: User, now: datetime) -> Booking:
    """Move a confirmed place to another time. The booking keeps its calendar UID and its
    SEQUENCE goes up, so calendars move the event; if the new time fails, nothing changes."""
    AthleteProfile.objects.select_for_update().get(pk=booking.athlete_id)
    old, booking = _lock(booking)
    if booking.status != BookingStatus.CONFIRMED:
        raise DomainError(gettext("Only a confirmed place can be moved."))
    if old.start <= now:
        raise DomainError(gettext("The session has already started; ask your coach."))
    if by.pk != old.coach_id:
        decision = can_cancel(old.start, now, old.session_type.cancel_cutoff_hours)
        if not decision.allowed:
            raise DomainError(decision.reason)
    _close_one_on_one(old)  # first, so a slot overlapping the old time is free
    target = _move_target(booking, old, to, now)
    booking.session = target
    booking.sequence += 1
    booking.save(update_fields=["session", "sequence"])
    if old.session_type.kind == Kind.GROUP:
        _promote(old)
    record(
        actor=by,
        action="bookings.rescheduled",
        target=booking,
        athlete_id=booking.athlete_id,
        from_session=old.pk,
        to_session=target.pk,
    )
    _send_invitation(booking.pk, "REQUEST")
    tell(booking, "booking_rescheduled")
    return booking


@transaction.atomic
def cancel_session(*, session: Session, by: User, now: datetime) -> Session:
    """The coach calls a session off: every place is cancelled (not late) and everyone told."""
    session = Session.objects.select_for_update().select_related("session_type").get(pk=session.pk)
    if session.status != SessionStatus.SCHEDULED:
        raise DomainError(gettext("This session is already cancelled."))
    if session.start <= now:
        raise DomainError(gettext("The session has already started."))
    for booking in session.bookings.select_for_update().filter(status__in=HOLDING):
        was_confirmed = booking.status == BookingStatus.CONFIRMED
        booking.status = BookingStatus.CANCELLED
        booking.waitlist_position = None
        booking.sequence += 1
        booking.save(update_fields=["status", "waitlist_position", "sequence"])
        if was_confirmed:
            _send_invitation(booking.pk, "CANCEL")
        tell(booking, "booking_cancelled", coach_too=False)
    session.status = SessionStatus.CANCELLED
    session.sequence += 1
    session.save(update_fields=["status", "sequence"])
    record(actor=by, action="bookings.session_cancelled", target=session)
    return session


ATTENDANCE = (BookingStatus.ATTENDED, BookingStatus.NO_SHOW, BookingStatus.LATE_CANCEL)
MARKABLE = (BookingStatus.CONFIRMED, *ATTENDANCE)


@transaction.atomic
def mark_attendance(*, booking: Booking, by: User, status: str, now: datetime) -> Booking:
    if status not in ATTENDANCE:
        raise DomainError(
            gettext("Choose attended, did not come or late cancellation."), field="status"
        )
    booking = Booking.objects.select_for_update().select_related("session").get(pk=booking.pk)
    if booking.status not in MARKABLE:
        raise DomainError(gettext("Only runners who held a place can be marked."), field="status")
    if now < booking.session.start:
        raise DomainError(gettext("Attendance can be recorded once the session has started."))
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
        raise DomainError(
            gettext("Unknown exercises: %(slugs)s.") % {"slugs": ", ".join(unknown)},
            field="exercise_slugs",
        )
    if not session.bookings.filter(athlete=athlete).exists():
        raise DomainError(gettext("This runner did not book this session."), field="athlete_id")
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
