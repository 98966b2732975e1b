from datetime import datetime, timedelta
from typing import Annotated, Literal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from ninja import Query, Router, Schema, Status
from pydantic import Field

from tagalong.access import rules
from tagalong.access.policy import own_athlete_profile
from tagalong.access.sessions import attendee_for, session_to_join
from tagalong.accounts.models import User
from tagalong.api.pagination import PageQuery, one_page
from tagalong.api.schemas import ERRORS
from tagalong.athletes.models import AthleteProfile
from tagalong.bookings.models import Availability, Booking, CalendarFeed, Session, SessionType
from tagalong.bookings.selectors import (
    bookable_type,
    booking_for,
    feed_of,
    my_bookings,
    offers,
    own_session,
    type_to_book,
)
from tagalong.bookings.services import (
    SlotRequest,
    book,
    cancel,
    create_session_type,
    ensure_coach_setup,
    reschedule,
    revoke_feed,
    rotate_feed,
    save_note,
    update_availability,
)
from tagalong.errors import DomainError

router = Router(tags=["bookings"])

# A day's opening hours as ["09:00", "12:30"] pairs (lists, not tuples: valid OpenAPI either way).
TimePair = Annotated[list[str], Field(min_length=2, max_length=2)]
Ranges = dict[str, list[TimePair]]


class AvailabilityOut(Schema):
    time_zone: str
    weekly_hours: Ranges
    buffer_before_min: int
    buffer_after_min: int
    minimum_notice_hours: int
    horizon_days: int


class AvailabilityIn(Schema):
    time_zone: str = Field(max_length=64)
    weekly_hours: Ranges
    buffer_before_min: int = Field(ge=0, le=180)
    buffer_after_min: int = Field(ge=0, le=180)
    minimum_notice_hours: int = Field(ge=0, le=720)
    horizon_days: int = Field(ge=0, le=365)


class SessionTypeOut(Schema):
    id: int
    name: str
    duration_min: int
    kind: str
    capacity: int
    audience: str
    group_id: int | None
    cancel_cutoff_hours: int
    price_text: str
    location: str


class SessionTypeIn(Schema):
    name: str = Field(min_length=1, max_length=120)
    duration_min: int = Field(ge=5, le=480)
    kind: Literal["one_on_one", "group"] = "one_on_one"
    capacity: int = Field(default=1, ge=1, le=500)
    audience: Literal["own_athletes", "link", "group"] = "own_athletes"
    group_id: int | None = Field(default=None, description="For the audience 'group'.")
    cancel_cutoff_hours: int = Field(default=24, ge=0, le=336)
    price_text: str = Field(default="", max_length=120)
    location: Literal["jitsi", "custom"] = "jitsi"
    custom_link: str = Field(default="", max_length=200)


class SlotOut(Schema):
    start: datetime
    end: datetime
    session_id: int | None
    seats_left: int
    your_time: str
    coach_time: str


class BookingIn(Schema):
    session_id: int | None = None
    type_id: int | None = None
    start: datetime | None = None
    token: str = Field(default="", max_length=64)


class RescheduleIn(Schema):
    session_id: int | None = None
    start: datetime | None = None


class BookingOut(Schema):
    id: int
    session_id: int
    session_type: str
    coach: str
    start: datetime
    end: datetime
    status: str
    waitlist_position: int | None
    room_url: str


class NoteIn(Schema):
    athlete_id: int
    private_note: str = Field(default="", max_length=8000)
    shared_advice: str = Field(default="", max_length=8000)
    exercise_slugs: list[str] = Field(default_factory=list, max_length=30)


class NoteOut(Schema):
    id: int
    athlete_id: int
    private_note: str
    shared_advice: str
    exercise_slugs: list[str]


def _availability_out(a: Availability) -> AvailabilityOut:
    return AvailabilityOut(
        time_zone=a.time_zone,
        weekly_hours=a.weekly_hours,
        buffer_before_min=a.buffer_before_min,
        buffer_after_min=a.buffer_after_min,
        minimum_notice_hours=a.minimum_notice_hours,
        horizon_days=a.horizon_days,
    )


def _type_out(t: SessionType) -> SessionTypeOut:
    return SessionTypeOut(
        id=t.pk,
        name=t.name,
        duration_min=t.duration_min,
        kind=t.kind,
        capacity=t.capacity,
        audience=t.audience,
        group_id=t.group_id,
        cancel_cutoff_hours=t.cancel_cutoff_hours,
        price_text=t.price_text,
        location=t.location,
    )


def booking_out(b: Booking) -> BookingOut:
    s = b.session
    return BookingOut(
        id=b.pk,
        session_id=s.pk,
        session_type=s.session_type.name,
        coach=s.coach_name,
        start=s.start,
        end=s.end,
        status=b.status,
        waitlist_position=b.waitlist_position,
        room_url=s.room_url,
    )


def _slot(session_type: SessionType, start: datetime | None) -> SlotRequest:
    if start is None:
        raise DomainError(gettext("Send session_id, or type_id with start."), field="start")
    return SlotRequest(session_type=session_type, start=start)


@router.get("/coaches/me/availability", response={200: AvailabilityOut, **ERRORS})
@rules.coach
def get_availability(request: HttpRequest) -> AvailabilityOut:
    assert isinstance(request.user, User)
    return _availability_out(ensure_coach_setup(coach=request.user))


@router.put("/coaches/me/availability", response={200: AvailabilityOut, **ERRORS})
@rules.coach
def put_availability(request: HttpRequest, payload: AvailabilityIn) -> AvailabilityOut:
    assert isinstance(request.user, User)
    changes = payload.dict()
    changes["weekly_hours"] = {k: [list(r) for r in v] for k, v in payload.weekly_hours.items()}
    return _availability_out(
        update_availability(coach=request.user, by=request.user, changes=changes)
    )


@router.get("/coaches/me/session-types", response={200: list[SessionTypeOut], **ERRORS})
@rules.coach
def list_session_types(
    request: HttpRequest, response: HttpResponse, page: Query[PageQuery]
) -> list[SessionTypeOut]:
    assert isinstance(request.user, User)
    ensure_coach_setup(coach=request.user)
    types = SessionType.objects.filter(coach=request.user, active=True)
    return [_type_out(t) for t in one_page(request, response, types, page)]


@router.post("/coaches/me/session-types", response={201: SessionTypeOut, **ERRORS})
@rules.coach
def post_session_type(request: HttpRequest, payload: SessionTypeIn) -> Status:
    assert isinstance(request.user, User)
    fields = payload.dict()
    fields["group"] = fields.pop("group_id")
    created = create_session_type(coach=request.user, by=request.user, **fields)
    return Status(201, _type_out(created))


@router.get(
    "/coaches/{coach_id}/session-types/{type_id}/slots",
    response={200: list[SlotOut], **ERRORS},
    summary="Bookable times, labelled in your zone and the coach's",
)
@rules.signed_in
def get_slots(
    request: HttpRequest,
    coach_id: int,
    type_id: int,
    start: datetime | None = None,
    end: datetime | None = None,
    token: str = "",
    *,
    response: HttpResponse,
    page: Query[PageQuery],
) -> list[SlotOut]:
    now = timezone.now()
    start = start or now
    end = end or start + timedelta(days=14)
    session_type = bookable_type(request.user, coach_id, type_id, link_token=token)
    mine = request.user.time_zone  # type: ignore[union-attr]
    profile = AthleteProfile.objects.filter(user_id=request.user.pk).first()
    if profile is not None:
        mine = profile.time_zone
    found = offers(session_type=session_type, start=start, end=end, now=now, runner=profile)
    return [
        SlotOut(
            start=o.slot.start,
            end=o.slot.end,
            session_id=o.session_id,
            seats_left=o.seats_left,
            your_time=str(o.slot.in_zone(mine).label),  # in the reader's language
            coach_time=str(o.slot.for_coach().label),
        )
        for o in one_page(request, response, found, page)
    ]


@router.post("/bookings", response={201: BookingOut, **ERRORS})
@rules.athlete
def post_booking(request: HttpRequest, payload: BookingIn) -> Status:
    athlete = own_athlete_profile(request.user)
    token = payload.token
    if payload.session_id is not None:
        target: Session | SlotRequest = session_to_join(
            athlete, payload.session_id, link_token=token
        )
    elif payload.type_id is None:
        raise DomainError(gettext("Send session_id, or type_id with start."), field="type_id")
    else:
        target = _slot(type_to_book(request.user, payload.type_id, link_token=token), payload.start)
    booking = book(
        athlete=athlete, session_or_slot=target, now=timezone.now(), link_token=payload.token
    )
    return Status(201, booking_out(booking))


@router.get("/bookings", response={200: list[BookingOut], **ERRORS}, summary="My bookings")
@rules.athlete
def get_bookings(
    request: HttpRequest, response: HttpResponse, page: Query[PageQuery]
) -> list[BookingOut]:
    mine = my_bookings(own_athlete_profile(request.user))
    return [booking_out(b) for b in one_page(request, response, mine, page)]


@router.post("/bookings/{booking_id}/cancel", response={200: BookingOut, **ERRORS})
@rules.signed_in
def post_cancel(request: HttpRequest, booking_id: int) -> BookingOut:
    booking = booking_for(request.user, booking_id, write=True)
    assert isinstance(request.user, User)
    return booking_out(cancel(booking=booking, by=request.user, now=timezone.now()))


@router.post("/bookings/{booking_id}/reschedule", response={201: BookingOut, **ERRORS})
@rules.signed_in
def post_reschedule(request: HttpRequest, booking_id: int, payload: RescheduleIn) -> Status:
    booking = booking_for(request.user, booking_id, write=True)
    assert isinstance(request.user, User)
    session_type = booking.session.session_type
    target = (
        session_to_join(booking.athlete, payload.session_id, booked_type=session_type.pk)
        if payload.session_id is not None
        else _slot(session_type, payload.start)
    )
    moved = reschedule(booking=booking, to=target, by=request.user, now=timezone.now())
    return Status(201, booking_out(moved))


@router.post("/sessions/{session_id}/notes", response={201: NoteOut, **ERRORS})
@rules.coach
def post_note(request: HttpRequest, session_id: int, payload: NoteIn) -> Status:
    session = own_session(request.user, session_id)
    assert isinstance(request.user, User)
    athlete = attendee_for(session, payload.athlete_id)
    note = save_note(
        session=session,
        athlete=athlete,
        by=request.user,
        private_note=payload.private_note,
        shared_advice=payload.shared_advice,
        exercise_slugs=payload.exercise_slugs,
    )
    return Status(
        201,
        NoteOut(
            id=note.pk,
            athlete_id=athlete.pk,
            private_note=note.private_note,
            shared_advice=note.shared_advice,
            exercise_slugs=note.exercise_slugs,
        ),
    )


class SessionFeedOut(Schema):
    url: str | None = Field(description="The private iCal address, or null when turned off.")


def _session_feed_out(request: HttpRequest, feed: CalendarFeed | None) -> SessionFeedOut:
    if feed is None:
        return SessionFeedOut(url=None)
    path = reverse("bookings:feed", kwargs={"token": feed.token})
    return SessionFeedOut(url=request.build_absolute_uri(path))


def _feed_owner(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    if not (user.is_coach or user.is_athlete):
        raise PermissionDenied("Only coaches and runners have a session calendar.")
    return user


@router.get(
    "/me/session-calendar",
    response={200: SessionFeedOut, **ERRORS},
    summary="The private session calendar address",
)
@rules.signed_in
def get_session_feed(request: HttpRequest) -> SessionFeedOut:
    return _session_feed_out(request, feed_of(_feed_owner(request)))


@router.post(
    "/me/session-calendar",
    response={201: SessionFeedOut, **ERRORS},
    summary="Make a new session calendar address (the old one stops working)",
)
@rules.signed_in
def post_session_feed(request: HttpRequest) -> Status:
    return Status(201, _session_feed_out(request, rotate_feed(user=_feed_owner(request))))


@router.delete(
    "/me/session-calendar",
    response={204: None, **ERRORS},
    summary="Turn the session calendar address off",
)
@rules.signed_in
def delete_session_feed(request: HttpRequest) -> Status:
    revoke_feed(user=_feed_owner(request))
    return Status(204, None)
