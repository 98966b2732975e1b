"""Demo sessions: hours and session types for both coaches, a weekly calf clinic with seats
taken, past sessions with attendance and advice, and one-on-ones coming up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile
from tagalong.bookings.models import (
    Availability,
    Booking,
    BookingStatus,
    Kind,
    Session,
    SessionNote,
    SessionType,
)
from tagalong.bookings.selectors import offers
from tagalong.bookings.services import (
    SlotRequest,
    book,
    create_class,
    ensure_coach_setup,
    room_url_for,
)
from tagalong.errors import DomainError
from tagalong.scheduling.zones import localise, zone

if TYPE_CHECKING:
    from tagalong.demo import DemoWorld

CLINIC_RULE = "FREQ=WEEKLY;BYDAY=TU"
CLINIC_TIME = time(18, 30)


@dataclass(frozen=True)
class PastSession:
    email: str
    type_name: str
    days_ago: int
    hour: int
    status: str
    private_note: str = ""
    advice: str = ""
    exercises: tuple[str, ...] = ()


PAST = (
    PastSession(
        "sam@demo.tagalong",
        "Initial assessment",
        12,
        10,
        BookingStatus.ATTENDED,
        "Left calf tighter than right; knee-to-wall 8 cm left, 11 cm right. Long runs at 34 km.",
        "Start the calf ladder with bent-knee holds every day, and keep the long run at 28 km "
        "for two weeks while the heel raises build up.",
        ("isometric-calf-hold-bent-knee", "double-leg-heel-raise-bent-knee"),
    ),
    PastSession(
        "priya@demo.tagalong",
        "Follow-up",
        5,
        11,
        BookingStatus.ATTENDED,
        "Morning tightness down from 5/10 to 3/10. Keeps skipping the hip work.",
        "Well done on the heel raises. Add the single-leg version twice a week.",
        ("single-leg-heel-raise",),
    ),
    PastSession("aiko@demo.tagalong", "Follow-up", 3, 9, BookingStatus.NO_SHOW),
)


def _athletes(world: DemoWorld) -> dict[str, AthleteProfile]:
    return {a.user.email: a for a in world.athletes}


def _local(day: date, at: time, tz_name: str) -> datetime:
    return localise(datetime.combine(day, at), zone(tz_name))


def _set_up(coach: User) -> Availability:
    availability = ensure_coach_setup(coach=coach)
    Availability.objects.filter(pk=availability.pk).update(
        buffer_before_min=10, buffer_after_min=10, minimum_notice_hours=12, horizon_days=60
    )
    availability.refresh_from_db()
    return availability


def _past_session(coach: User, tz_name: str, past: PastSession) -> None:
    athlete = AthleteProfile.objects.filter(user__email=past.email).first()
    if athlete is None:
        return
    session_type = SessionType.objects.get(coach=coach, name=past.type_name)
    today = timezone.now().astimezone(zone(tz_name)).date()
    start = _local(today - timedelta(days=past.days_ago), time(past.hour), tz_name)
    session = Session.objects.create(
        coach=coach,
        session_type=session_type,
        start=start,
        end=start + timedelta(minutes=session_type.duration_min),
        tz_name=tz_name,
        capacity=1,
        room_url=room_url_for(session_type),
    )
    Booking.objects.create(
        session=session, athlete=athlete, status=past.status, created_at=start - timedelta(days=4)
    )
    if past.private_note or past.advice:
        SessionNote.objects.create(
            session=session,
            athlete=athlete,
            private_note=past.private_note,
            shared_advice=past.advice,
            exercise_slugs=list(past.exercises),
        )


def _clinic(coach: User, tz_name: str, runners: list[AthleteProfile]) -> None:
    clinic = SessionType.objects.filter(coach=coach, kind=Kind.GROUP).first()
    if clinic is None:
        return
    now = timezone.now()
    today = now.astimezone(zone(tz_name)).date()
    next_tuesday = today + timedelta(days=(1 - today.weekday()) % 7 or 7)
    start = _local(next_tuesday, CLINIC_TIME, tz_name)
    first = create_class(
        coach=coach, session_type=clinic, start=start, tz_name=tz_name, now=now, rrule=CLINIC_RULE
    )[0]
    for runner in runners:
        book(athlete=runner, session_or_slot=first, now=now)


def _one_on_one(athlete: AthleteProfile, coach: User, type_name: str, days_ahead: int) -> None:
    session_type = SessionType.objects.get(coach=coach, name=type_name)
    now = timezone.now()
    start = now + timedelta(days=days_ahead)
    window = offers(session_type=session_type, start=start, end=start + timedelta(days=7), now=now)
    for offer in window:
        try:
            slot = SlotRequest(session_type, offer.slot.start)
            book(athlete=athlete, session_or_slot=slot, now=now)
        except DomainError:
            continue
        return


def add_demo_bookings(world: DemoWorld) -> None:
    if not world.coaches or Session.objects.filter(coach__in=world.coaches).exists():
        return
    maya = world.coaches[0]
    athletes = _athletes(world)
    availability = _set_up(maya)
    for coach in world.coaches[1:]:
        _set_up(coach)
    for past in PAST:
        _past_session(maya, availability.time_zone, past)
    wanted = ("sam@demo.tagalong", "priya@demo.tagalong", "aiko@demo.tagalong")
    _clinic(maya, availability.time_zone, [athletes[e] for e in wanted if e in athletes])
    if "sam@demo.tagalong" in athletes:
        _one_on_one(athletes["sam@demo.tagalong"], maya, "Follow-up", 2)
    if "aiko@demo.tagalong" in athletes:
        _one_on_one(athletes["aiko@demo.tagalong"], maya, "Follow-up", 4)
    if "lena@demo.tagalong" in athletes and len(world.coaches) > 1:
        _one_on_one(athletes["lena@demo.tagalong"], world.coaches[1], "Initial assessment", 3)
