"""Private iCal feeds: the coach's sessions, and the runner's sessions plus their plan.

Events keep the UIDs of the email invitations (the runner's booking UID), so a calendar shows
one event, and a cancelled session drops out of the feed. The runner's plan sessions come from
the plans app (``plan_feed_events``), in one calendar with one VTIMEZONE for both.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile
from tagalong.bookings.models import (
    Availability,
    Booking,
    BookingStatus,
    Kind,
    Session,
    SessionStatus,
)
from tagalong.bookings.notices import session_url
from tagalong.calendars import FeedEvent, build_feed
from tagalong.notifications.email import in_language_of
from tagalong.plans.selectors.exports import plan_feed_events
from tagalong.wording import Phrase

HISTORY = timedelta(days=90)
WITH_A_PLACE = (BookingStatus.CONFIRMED, BookingStatus.ATTENDED, BookingStatus.NO_SHOW)
IN_RUNNER_FEED = (
    BookingStatus.CONFIRMED,
    BookingStatus.WAITLISTED,
    BookingStatus.ATTENDED,
    BookingStatus.NO_SHOW,
)


A_RUNNER = Phrase("a runner")


def _page(session: Session) -> str:
    return f"{settings.SITE_URL}{session_url(session)}"


def _page_line(session: Session) -> Phrase:
    return Phrase("Session page: {url}", url=_page(session))


def _coach_event(session: Session) -> FeedEvent:
    names = [b.athlete.name for b in session.bookings.all() if b.status in WITH_A_PLACE]
    name = session.session_type.name
    if session.session_type.kind == Kind.ONE_ON_ONE:
        summary = Phrase(
            "{session} with {runner}", session=name, runner=names[0] if names else A_RUNNER
        )
    else:
        summary = Phrase(
            "{session} · {booked}/{capacity} booked",
            session=name,
            booked=len(names),
            capacity=session.capacity,
        )
    lines = [*names, str(_page_line(session))]
    return FeedEvent(
        uid=session.ical_uid,
        summary=summary,
        start=session.start,
        end=session.end,
        sequence=session.sequence,
        description="\n".join(lines),
        location=session.room_url,
        url=_page(session),
    )


def coach_feed(coach: User, *, now: datetime) -> bytes:
    sessions = (
        Session.objects.filter(
            coach=coach, status=SessionStatus.SCHEDULED, start__gte=now - HISTORY
        )
        .select_related("session_type")
        .prefetch_related("bookings__athlete__user")
        .order_by("start")
    )
    availability = Availability.objects.filter(coach=coach).first()
    tz_name = availability.time_zone if availability else coach.time_zone
    return build_feed(
        name=Phrase("Sessions · {coach}", coach=coach.full_name),
        events=[_coach_event(s) for s in sessions],
        tz_name=tz_name,
        dtstamp=now,
    )


def _runner_event(booking: Booking) -> FeedEvent:
    session = booking.session
    waiting = booking.status == BookingStatus.WAITLISTED
    if waiting:
        summary = Phrase(
            "{session} with {coach} (waiting list, number {position})",
            session=session.session_type.name,
            coach=session.coach_name,
            position=booking.waitlist_position,
        )
    else:
        summary = Phrase(
            "{session} with {coach}", session=session.session_type.name, coach=session.coach_name
        )
    return FeedEvent(
        uid=booking.ical_uid,
        summary=summary,
        start=session.start,
        end=session.end,
        sequence=booking.sequence,
        description=_page_line(session),
        location="" if waiting else session.room_url,
        url=_page(session),
        status="TENTATIVE" if waiting else "CONFIRMED",
    )


def runner_feed(athlete: AthleteProfile, *, now: datetime) -> bytes:
    bookings = Booking.objects.filter(
        athlete=athlete,
        status__in=IN_RUNNER_FEED,
        session__status=SessionStatus.SCHEDULED,
        session__start__gte=now - HISTORY,
    ).select_related("session__session_type", "session__coach")
    return build_feed(
        name=Phrase("Sessions and plan · {athlete}", athlete=athlete.name),
        events=[*(_runner_event(b) for b in bookings), *plan_feed_events(athlete)],
        tz_name=athlete.time_zone,
        dtstamp=now,
    )


def feed_for(user: User, *, now: datetime) -> bytes:
    """The coach's feed for a coach, the runner's for an athlete, in the owner's language (a
    calendar app's request carries none)."""
    with in_language_of(user):
        return _feed_for(user, now=now)


def _feed_for(user: User, *, now: datetime) -> bytes:
    if user.is_coach:
        return coach_feed(user, now=now)
    athlete = AthleteProfile.objects.filter(user=user).first()
    if athlete is None:
        return build_feed(name=Phrase("Sessions"), events=[], tz_name=user.time_zone, dtstamp=now)
    return runner_feed(athlete, now=now)
