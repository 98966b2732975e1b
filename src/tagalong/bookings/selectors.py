"""Booking reads, and the one place that fetches booking objects for a user."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from tagalong.access.policy import AnyUser
from tagalong.athletes.models import AthleteProfile
from tagalong.bookings.models import (
    HOLDING,
    Booking,
    BookingStatus,
    Kind,
    Session,
    SessionStatus,
    SessionType,
)
from tagalong.bookings.services import ensure_coach_setup, may_book
from tagalong.errors import DomainError
from tagalong.scheduling import Interval, SchedulingError, Slot, free_slots, seats_left

MAX_WINDOW = timedelta(days=62)


def booking_for(user: AnyUser, booking_id: int, *, write: bool = False) -> Booking:
    """The runner's own booking or one in the coach's session; 404 to anyone else."""
    booking = (
        Booking.objects.select_related("session__session_type", "session__coach", "athlete__user")
        .filter(pk=booking_id)
        .first()
    )
    if booking is None or not user.is_authenticated:
        raise Http404("No such booking")
    if user.pk in (booking.athlete.user_id, booking.session.coach_id):
        return booking
    if getattr(user, "is_platform_staff", False):
        if write:
            raise PermissionDenied("Staff may look but not change bookings.")
        return booking
    raise Http404("No such booking")


def own_session(user: AnyUser, session_id: int) -> Session:
    """A session of the signed-in coach; 404 to anyone else."""
    session = Session.objects.select_related("session_type", "coach").filter(pk=session_id).first()
    if session is None or session.coach_id != user.pk:
        raise Http404("No such session")
    return session


def visible_session(user: AnyUser, session_id: int) -> tuple[Session, Booking | None]:
    """The coach's session, or one the runner holds a booking in (their booking with it)."""
    session = Session.objects.select_related("session_type", "coach").filter(pk=session_id).first()
    if session is None or not user.is_authenticated:
        raise Http404("No such session")
    if session.coach_id == user.pk:
        return session, None
    booking = session.bookings.filter(athlete__user=user).order_by("-pk").first()
    if booking is None:
        raise Http404("No such session")
    return session, booking


def bookable_type(
    user: AnyUser, coach_id: int, type_id: int, *, link_token: str = ""
) -> SessionType:
    """A session type the user may book (or owns); 404 otherwise."""
    session_type = (
        SessionType.objects.select_related("coach")
        .filter(pk=type_id, coach_id=coach_id, active=True)
        .first()
    )
    if session_type is None or not user.is_authenticated:
        raise Http404("No such session type")
    if session_type.coach_id == user.pk:
        return session_type
    athlete = AthleteProfile.objects.filter(user=user).first()
    if athlete is None or not may_book(athlete, session_type, link_token):
        raise Http404("No such session type")
    return session_type


@dataclass(frozen=True)
class Offer:
    """A bookable time: a free one-on-one slot, or a scheduled class with its seats."""

    slot: Slot
    session_id: int | None
    seats_left: int


def offers(
    *, session_type: SessionType, start: datetime, end: datetime, now: datetime
) -> list[Offer]:
    if end <= start or end - start > MAX_WINDOW:
        raise DomainError("Ask for a window of up to 62 days.", field="end")
    availability = ensure_coach_setup(coach=session_type.coach)
    if session_type.kind == Kind.GROUP:
        classes = (
            Session.objects.filter(
                session_type=session_type,
                status=SessionStatus.SCHEDULED,
                start__gte=max(start, now),
                start__lt=end,
            )
            .annotate(taken=Count("bookings", filter=Q(bookings__status=BookingStatus.CONFIRMED)))
            .order_by("start")
        )
        return [
            Offer(Slot(s.start, s.end, s.tz_name), s.pk, seats_left(s.capacity, s.taken))
            for s in classes
        ]
    busy = [
        Interval(s.start, s.end)
        for s in Session.objects.filter(
            coach=session_type.coach,
            status=SessionStatus.SCHEDULED,
            start__lt=end + timedelta(days=1),
            end__gt=start - timedelta(days=1),
        )
    ]
    exceptions = [e.to_core() for e in session_type.coach.availability_exceptions.all()]
    try:
        slots = free_slots(
            hours=availability.hours(),
            exceptions=exceptions,
            rules=availability.rules_for(session_type),
            busy=busy,
            coach_zone=availability.time_zone,
            start=start,
            end=end,
            now=now,
        )
    except SchedulingError as error:
        raise DomainError(f"{error.field}: {error.reason}", field=error.field) from error
    return [Offer(slot, None, 1) for slot in slots]


def my_bookings(athlete: AthleteProfile) -> QuerySet[Booking]:
    return (
        Booking.objects.filter(athlete=athlete)
        .select_related("session__session_type", "session__coach")
        .order_by("-session__start")
    )


def upcoming_sessions(coach: AnyUser, now: datetime) -> QuerySet[Session]:
    return (
        Session.objects.filter(coach_id=coach.pk, status=SessionStatus.SCHEDULED, end__gt=now)
        .select_related("session_type")
        .annotate(taken=Count("bookings", filter=Q(bookings__status__in=HOLDING)))
        .order_by("start")
    )
