from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tagalong.bookings.models import Audience, AvailabilityException, Kind, SessionType
from tagalong.bookings.services import book, create_class, ensure_coach_setup, rotate_feed
from tests.access.matrix import LOGIN, Case, statuses


def _class(world, days: int = 3):  # type: ignore[no-untyped-def]
    session_type = SessionType.objects.create(
        coach=world.coach_a, name="Clinic", duration_min=45, kind=Kind.GROUP, capacity=5
    )
    return create_class(
        coach=world.coach_a,
        session_type=session_type,
        start=timezone.now() + timedelta(days=days),
        tz_name="Europe/London",
        now=timezone.now(),
    )[0]


def _booking(world):  # type: ignore[no-untyped-def]
    return book(athlete=world.athlete_a, session_or_slot=_class(world), now=timezone.now())


def _booking_id(world):  # type: ignore[no-untyped-def]
    return {"booking_id": _booking(world).pk}


def _session_id(world):  # type: ignore[no-untyped-def]
    return {"session_id": _booking(world).session_id}


def _type_of_coach_a(world):  # type: ignore[no-untyped-def]
    ensure_coach_setup(coach=world.coach_a)
    first = SessionType.objects.filter(coach=world.coach_a, kind=Kind.ONE_ON_ONE).first()
    return {"coach_id": world.coach_a.pk, "type_id": first.pk}


COACHES = statuses(403, anonymous=401, coach_a=200, colleague=200, coach_other=200)
COACHES_PAGE = statuses(403, anonymous=LOGIN, coach_a=200, colleague=200, coach_other=200)
ATHLETES = statuses(403, anonymous=401, athlete_a=200, athlete_b=200)
ATHLETES_PAGE = statuses(403, anonymous=LOGIN, athlete_a=200, athlete_b=200)
BOOKING_PARTIES = statuses(404, anonymous=401, athlete_a=200, coach_a=200, staff=403)
AVAILABILITY = {
    "time_zone": "Europe/London",
    "weekly_hours": {"0": [["09:00", "12:00"]]},
    "buffer_before_min": 10,
    "buffer_after_min": 10,
    "minimum_notice_hours": 12,
    "horizon_days": 30,
}


def _type_id(world):  # type: ignore[no-untyped-def]
    return {"type_id": _type_of_coach_a(world)["type_id"]}


def _link_token(world):  # type: ignore[no-untyped-def]
    session_type = SessionType.objects.create(
        coach=world.coach_a, name="Open gait review", duration_min=30, audience=Audience.LINK
    )
    return {"token": session_type.link_token}


def _exception_id(world):  # type: ignore[no-untyped-def]
    day = timezone.now().date() + timedelta(days=20)
    return {"exception_id": AvailabilityException.objects.create(coach=world.coach_a, day=day).pk}


def _note_target(world):  # type: ignore[no-untyped-def]
    return {**_session_id(world), "athlete_id": world.athlete_a.pk}


def _feed_token(world):  # type: ignore[no-untyped-def]
    return {"token": rotate_feed(user=world.coach_a).token}


# Pages of the coach's own objects: other coaches get 404, runners and staff the role's 403.
OWN_COACH_WRITE = statuses(403, anonymous=LOGIN, coach_a=302, colleague=404, coach_other=404)
OWN_COACH_READ = statuses(403, anonymous=LOGIN, coach_a=200, colleague=404, coach_other=404)
# A booking's two parties act on it; staff may look elsewhere but not change bookings.
PARTIES_PAGE = statuses(404, anonymous=LOGIN, athlete_a=302, coach_a=302, staff=403)
SIGNED_IN_OWNERS = statuses(200, anonymous=LOGIN, staff=403)

PAGES: dict[str, Case] = {
    "bookings:coach_sessions": Case(COACHES_PAGE),
    "bookings:availability": Case(COACHES_PAGE),
    "bookings:exception_add": Case(
        statuses(403, anonymous=LOGIN, coach_a=302, colleague=302, coach_other=302),
        method="post",
        data=lambda w: {
            "day": (timezone.now().date() + timedelta(days=9)).isoformat(),
            "kind": "off",
        },
    ),
    "bookings:exception_remove": Case(OWN_COACH_WRITE, method="post", kwargs=_exception_id),
    "bookings:types": Case(COACHES_PAGE),
    "bookings:type_create": Case(COACHES_PAGE),
    "bookings:type_edit": Case(OWN_COACH_READ, kwargs=_type_id),
    "bookings:type_archive": Case(OWN_COACH_WRITE, method="post", kwargs=_type_id),
    "bookings:type_restore": Case(OWN_COACH_WRITE, method="post", kwargs=_type_id),
    "bookings:type_new_link": Case(OWN_COACH_WRITE, method="post", kwargs=_type_id),
    "bookings:class_create": Case(COACHES_PAGE),
    "bookings:session": Case(
        statuses(404, anonymous=LOGIN, athlete_a=200, coach_a=200), kwargs=_session_id
    ),
    "bookings:session_cancel": Case(OWN_COACH_WRITE, method="post", kwargs=_session_id),
    "bookings:note": Case(
        OWN_COACH_WRITE,
        method="post",
        kwargs=_note_target,
        data=lambda w: {"shared_advice": "Keep the holds easy."},
    ),
    "bookings:attendance": Case(
        statuses(403, anonymous=LOGIN, coach_a=302, colleague=404, coach_other=404),
        method="post",
        kwargs=_booking_id,
        data=lambda w: {"status": "attended"},
    ),
    "bookings:book": Case(ATHLETES_PAGE),
    "bookings:book_type": Case(
        statuses(403, anonymous=LOGIN, athlete_a=200, athlete_b=404), kwargs=_type_id
    ),
    "bookings:link": Case(statuses(200, athlete_a=302, athlete_b=302), kwargs=_link_token),
    "bookings:mine": Case(ATHLETES_PAGE),
    "bookings:cancel": Case(PARTIES_PAGE, method="post", kwargs=_booking_id),
    "bookings:booking": Case(
        statuses(404, anonymous=LOGIN, athlete_a=302, coach_a=302, staff=302), kwargs=_booking_id
    ),
    "bookings:reschedule": Case(
        statuses(404, anonymous=LOGIN, athlete_a=200, coach_a=200, staff=403), kwargs=_booking_id
    ),
    "bookings:feed_page": Case(SIGNED_IN_OWNERS),
    "bookings:feed_rotate": Case(statuses(302, staff=403), method="post"),
    "bookings:feed_revoke": Case(statuses(302, staff=403), method="post"),
    "bookings:feed": Case(statuses(200), kwargs=_feed_token),
}

API = {
    "GET /api/me/session-calendar": Case(statuses(200, anonymous=401, staff=403)),
    "POST /api/me/session-calendar": Case(statuses(201, anonymous=401, staff=403), method="post"),
    "DELETE /api/me/session-calendar": Case(
        statuses(204, anonymous=401, staff=403), method="delete"
    ),
    "GET /api/coaches/me/availability": Case(COACHES),
    "PUT /api/coaches/me/availability": Case(COACHES, method="put", data=lambda w: AVAILABILITY),
    "GET /api/coaches/me/session-types": Case(COACHES),
    "POST /api/coaches/me/session-types": Case(
        statuses(403, anonymous=401, coach_a=201, colleague=201, coach_other=201),
        method="post",
        data=lambda w: {"name": "Run review", "duration_min": 40},
    ),
    "GET /api/coaches/{coach_id}/session-types/{type_id}/slots": Case(
        statuses(404, anonymous=401, athlete_a=200, coach_a=200), kwargs=_type_of_coach_a
    ),
    "POST /api/bookings": Case(
        statuses(403, anonymous=401, athlete_a=201, athlete_b=404),
        method="post",
        data=lambda w: {"session_id": _class(w).pk},
    ),
    "GET /api/bookings": Case(ATHLETES),
    "POST /api/bookings/{booking_id}/cancel": Case(
        BOOKING_PARTIES, method="post", kwargs=_booking_id
    ),
    "POST /api/bookings/{booking_id}/reschedule": Case(
        statuses(404, anonymous=401, athlete_a=201, coach_a=201, staff=403),
        method="post",
        kwargs=_booking_id,
        data=lambda w: {"session_id": _class(w, days=5).pk},
    ),
    "POST /api/sessions/{session_id}/notes": Case(
        statuses(403, anonymous=401, coach_a=201, colleague=404, coach_other=404),
        method="post",
        kwargs=_session_id,
        data=lambda w: {"athlete_id": w.athlete_a.pk, "shared_advice": "Keep the holds easy."},
    ),
}
