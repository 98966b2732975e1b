"""Booking reads, and the one place that fetches booking objects for a user."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext

from tagalong.access.policy import AnyUser
from tagalong.athletes.models import AthleteProfile, CoachingLink
from tagalong.bookings.models import (
    HOLDING,
    Audience,
    AvailabilityException,
    Booking,
    BookingStatus,
    CalendarFeed,
    Kind,
    Session,
    SessionNote,
    SessionStatus,
    SessionType,
)
from tagalong.bookings.services import ensure_coach_setup, may_book
from tagalong.errors import DomainError
from tagalong.plans.selectors.exports import planned_windows
from tagalong.scheduling import Interval, SchedulingError, Slot, free_slots, seats_left

MAX_WINDOW = timedelta(days=62)
ATTENDEE_ORDER = (
    BookingStatus.CONFIRMED,
    BookingStatus.ATTENDED,
    BookingStatus.LATE_CANCEL,
    BookingStatus.NO_SHOW,
    BookingStatus.WAITLISTED,
    BookingStatus.CANCELLED,
)


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


def _may_see(user: AnyUser, session_type: SessionType, link_token: str) -> bool:
    if session_type.coach_id == user.pk:
        return True
    athlete = AthleteProfile.objects.filter(user_id=user.pk).first()
    return athlete is not None and may_book(athlete, session_type, link_token)


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
    if not _may_see(user, session_type, link_token):
        raise Http404("No such session type")
    return session_type


def type_to_book(user: AnyUser, type_id: int, *, link_token: str = "") -> SessionType:
    """The runner's booking page for one session type: 404 unless they may book it."""
    found = SessionType.objects.filter(pk=type_id).values_list("coach_id", flat=True).first()
    if found is None:
        raise Http404("No such session type")
    return bookable_type(user, found, type_id, link_token=link_token)


def type_by_link(token: str) -> SessionType:
    """An "anyone with the link" session type; 404 for an old, wrong or archived link."""
    session_type = (
        SessionType.objects.select_related("coach")
        .filter(link_token=token, audience=Audience.LINK, active=True)
        .first()
    )
    if session_type is None:
        raise Http404("This booking link does not work any more")
    return session_type


def bookable_types(athlete: AthleteProfile) -> list[SessionType]:
    """What the runner may book from their coaches, coach by coach."""
    coach_ids = CoachingLink.objects.active().filter(athlete=athlete).values("coach_id")
    types = (
        SessionType.objects.filter(coach_id__in=coach_ids, active=True)
        .select_related("coach")
        .order_by("coach__full_name", "kind", "name")
    )
    return [t for t in types if may_book(athlete, t)]


def coach_types(coach: AnyUser) -> QuerySet[SessionType]:
    return (
        SessionType.objects.filter(coach_id=coach.pk)
        .select_related("group")
        .order_by("-active", "name")
    )


def own_type(user: AnyUser, type_id: int) -> SessionType:
    """One of the signed-in coach's session types; 404 to anyone else."""
    session_type = SessionType.objects.filter(pk=type_id, coach_id=user.pk).first()
    if session_type is None:
        raise Http404("No such session type")
    return session_type


def own_exception(user: AnyUser, exception_id: int) -> AvailabilityException:
    exception = AvailabilityException.objects.filter(pk=exception_id, coach_id=user.pk).first()
    if exception is None:
        raise Http404("No such date")
    return exception


def coming_exceptions(coach: AnyUser, today: date) -> QuerySet[AvailabilityException]:
    return AvailabilityException.objects.filter(coach_id=coach.pk, day__gte=today)


@dataclass(frozen=True)
class Offer:
    """A bookable time: a free one-on-one slot, or a scheduled class with its seats."""

    slot: Slot
    session_id: int | None
    seats_left: int


def offers(
    *,
    session_type: SessionType,
    start: datetime,
    end: datetime,
    now: datetime,
    runner: AthleteProfile | None = None,
) -> list[Offer]:
    """Bookable times. For a runner, one-on-one times also avoid their planned training."""
    if end <= start or end - start > MAX_WINDOW:
        raise DomainError(gettext("Ask for a window of up to 62 days."), field="end")
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
    if runner is not None:
        busy += [Interval(a, b) for a, b in planned_windows(runner, start=start, end=end)]
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
        raise DomainError(error.message, field=error.field) from error
    return [Offer(slot, None, 1) for slot in slots]


def my_bookings(athlete: AthleteProfile) -> QuerySet[Booking]:
    return (
        Booking.objects.filter(athlete=athlete)
        .select_related("session__session_type", "session__coach")
        .order_by("-session__start")
    )


def _counted(sessions: QuerySet[Session]) -> QuerySet[Session]:
    return sessions.select_related("session_type").annotate(
        confirmed=Count("bookings", filter=Q(bookings__status=BookingStatus.CONFIRMED)),
        waiting=Count("bookings", filter=Q(bookings__status=BookingStatus.WAITLISTED)),
        taken=Count("bookings", filter=Q(bookings__status__in=HOLDING)),
    )


def upcoming_sessions(coach: AnyUser, now: datetime) -> QuerySet[Session]:
    return _counted(
        Session.objects.filter(coach_id=coach.pk, status=SessionStatus.SCHEDULED, end__gt=now)
    ).order_by("start")


def with_runners(sessions: QuerySet[Session]) -> QuerySet[Session]:
    """Each session's confirmed places with the runner's name, as ``places`` (one more query)."""
    places = Booking.objects.filter(status=BookingStatus.CONFIRMED).select_related("athlete__user")
    return sessions.prefetch_related(
        Prefetch("bookings", queryset=places.order_by("created_at", "pk"), to_attr="places")
    )


def sessions_to_mark(coach: AnyUser, now: datetime, days: int = 14) -> QuerySet[Session]:
    """Finished sessions of the last ``days`` days with places still waiting for attendance."""
    return (
        _counted(
            Session.objects.filter(
                coach_id=coach.pk,
                status=SessionStatus.SCHEDULED,
                start__lte=now,
                start__gte=now - timedelta(days=days),
            )
        )
        .filter(confirmed__gt=0)
        .order_by("-start")
    )


def attendees(session: Session) -> list[Booking]:
    """Everyone who booked: places first, then the waiting list, then cancellations."""
    order = {s: i for i, s in enumerate(ATTENDEE_ORDER)}
    rows = list(session.bookings.select_related("athlete__user"))
    return sorted(rows, key=lambda b: (order.get(b.status, 9), b.waitlist_position or 0, b.pk))


def notes_by_athlete(session: Session) -> dict[int, SessionNote]:
    return {n.athlete_id: n for n in session.notes.all()}


def shared_note(session: Session, athlete: AthleteProfile) -> SessionNote | None:
    return session.notes.filter(athlete=athlete).exclude(shared_advice="").first()


def feed_of(user: AnyUser) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user_id=user.pk).first()


def feed_by_token(token: str) -> CalendarFeed:
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404("No such calendar feed")
    return feed


def seats_left_in(session: Session) -> int:
    """Free seats of a class now (the review page says whether confirming joins the list)."""
    taken = session.bookings.filter(status=BookingStatus.CONFIRMED).count()
    return max(0, session.capacity - taken)
