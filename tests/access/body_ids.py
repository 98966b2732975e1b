"""Ids inside request bodies: for every write that takes one, an object the actor may not use.

Each case names the actor, where to send the request, and the body built around an id. The
test sends it twice, with the foreign object's id and with an id that names nothing, and both
answers must be the same refusal: a body-borne id reveals nothing and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import timezone

from tagalong.athletes.groups import save_group
from tagalong.athletes.models import PracticeConsent
from tagalong.bookings.models import Booking, BookingStatus, Kind, Session, SessionType
from tagalong.bookings.services import book, create_class
from tagalong.messaging.models import Message, Thread
from tagalong.plans.models import Template
from tests.access.cases.plans import _plan
from tests.factories import World, make_athlete
from tests.shoes.helpers import make_run, make_shoe

NOWHERE = 987_654_321  # an id that names nothing


@dataclass(frozen=True)
class BodyId:
    actor: str
    url: Callable[[World], str]
    foreign: Callable[[World], int]  # the id of something this actor may not use
    body: Callable[[World, Any], Mapping[str, Any]]  # the body around an id
    untouched: Callable[[World], bool] = lambda world: True  # nothing changed afterwards


def _class(world: World, coach: str = "coach_a", *, days: int = 3) -> Session:
    owner = getattr(world, coach)
    session_type = SessionType.objects.create(
        coach=owner, name="Clinic", duration_min=45, kind=Kind.GROUP, capacity=5
    )
    start = timezone.now() + dt.timedelta(days=days)
    return create_class(
        coach=owner, session_type=session_type, start=start, tz_name="UTC", now=timezone.now()
    )[0]


def private_session(world: World) -> Session:
    """A one-on-one session coach A holds with another of their runners."""
    other = make_athlete(coach=world.coach_a)
    session_type = SessionType.objects.filter(coach=world.coach_a, kind=Kind.ONE_ON_ONE).first()
    session_type = session_type or SessionType.objects.create(
        coach=world.coach_a, name="Check-in", duration_min=60
    )
    start = timezone.now() + dt.timedelta(days=4)
    session = Session.objects.create(
        coach=world.coach_a,
        session_type=session_type,
        start=start,
        end=start + dt.timedelta(hours=1),
        tz_name="UTC",
        capacity=1,
        room_url="https://meet.jit.si/private-room-of-another-runner",
    )
    Booking.objects.create(
        session=session,
        athlete=other,
        status=BookingStatus.CONFIRMED,
        created_at=timezone.now(),
        ical_uid=f"private-{session.pk}@test",
    )
    return session


def _no_place_for_a(world: World) -> bool:
    return not Booking.objects.filter(
        athlete=world.athlete_a, session__session_type__kind=Kind.ONE_ON_ONE
    ).exists()


def _booking_of_a(world: World) -> Booking:
    return book(athlete=world.athlete_a, session_or_slot=_class(world), now=timezone.now())


def _moved_nowhere(world: World) -> bool:
    return not Booking.objects.filter(athlete=world.athlete_a, sequence__gt=0).exists()


def _reschedule_url(world: World) -> str:
    return f"/api/bookings/{_booking_of_a(world).pk}/reschedule"


def _notes_url(world: World) -> str:
    return f"/api/sessions/{_class(world).pk}/notes"


def _run_of_a(world: World) -> str:
    run = make_run(world.athlete_a)
    return f"/api/athletes/{world.athlete_a.pk}/activities/{run.pk}/shoe"


def _one_on_one_type(world: World) -> int:
    session_type = SessionType.objects.create(
        coach=world.coach_a, name="Gait review", duration_min=30
    )
    return session_type.pk


def _group_of_other(world: World) -> int:
    return save_group(coach=world.coach_other, name="Other squad").pk


def _group_of_a(world: World) -> str:
    return f"/api/groups/{save_group(coach=world.coach_a, name='Tuesday squad').pk}"


def _plan_of_b(world: World) -> int:
    plan = _plan(world)
    plan.athlete = world.athlete_b
    plan.save(update_fields=["athlete"])
    return plan.pk


def _no_template(world: World) -> bool:
    return not Template.objects.exists()


def _start() -> str:
    return (timezone.now() + dt.timedelta(days=5)).isoformat()


API: dict[str, list[BodyId]] = {
    "POST /api/attention/bulk-message": [
        BodyId(
            "coach_a",
            lambda w: "/api/attention/bulk-message",
            lambda w: w.athlete_b.pk,
            lambda w, i: {"athlete_ids": [w.athlete_a.pk, i], "subject": "Hi", "message": "x"},
            lambda w: not Message.objects.exists(),
        ),
    ],
    "POST /api/threads": [
        BodyId(
            "coach_a",
            lambda w: "/api/threads",
            lambda w: w.athlete_b.pk,
            lambda w, i: {"athlete_id": i},
            lambda w: not Thread.objects.filter(athlete=w.athlete_b, coach=w.coach_a).exists(),
        ),
        # A colleague athlete_a never allowed: athlete_a is nobody to them.
        BodyId(
            "colleague_no_consent",
            lambda w: "/api/threads",
            lambda w: w.athlete_a.pk,
            lambda w, i: {"athlete_id": i},
            lambda w: not Thread.objects.filter(coach=w.colleague_no_consent).exists(),
        ),
    ],
    "POST /api/me/consents": [
        # A coach at another practice is no colleague of athlete_a's coach.
        BodyId(
            "athlete_a",
            lambda w: "/api/me/consents",
            lambda w: w.coach_other.pk,
            lambda w, i: {"colleague_id": i},
            lambda w: not PracticeConsent.objects.filter(colleague=w.coach_other).exists(),
        ),
        BodyId(
            "athlete_a",
            lambda w: "/api/me/consents",
            lambda w: w.coach_other.coach_profile.practice_id,
            lambda w, i: {"practice_id": i},
            lambda w: not PracticeConsent.objects.filter(colleague__isnull=True).exists(),
        ),
    ],
    "POST /api/bookings": [
        BodyId(
            "athlete_a",
            lambda w: "/api/bookings",
            lambda w: private_session(w).pk,
            lambda w, i: {"session_id": i},
            _no_place_for_a,
        ),
        BodyId(
            "athlete_b",
            lambda w: "/api/bookings",
            lambda w: _class(w).pk,
            lambda w, i: {"session_id": i},
            lambda w: not Booking.objects.filter(athlete=w.athlete_b).exists(),
        ),
        BodyId(
            "athlete_b",
            lambda w: "/api/bookings",
            _one_on_one_type,
            lambda w, i: {"type_id": i, "start": _start()},
            lambda w: not Booking.objects.filter(athlete=w.athlete_b).exists(),
        ),
    ],
    "POST /api/bookings/{booking_id}/reschedule": [
        BodyId(
            "athlete_a",
            _reschedule_url,
            lambda w: private_session(w).pk,
            lambda w, i: {"session_id": i},
            _moved_nowhere,
        ),
        BodyId(
            "athlete_a",
            _reschedule_url,
            lambda w: _class(w, "coach_other").pk,
            lambda w, i: {"session_id": i},
            _moved_nowhere,
        ),
    ],
    "POST /api/sessions/{session_id}/notes": [
        BodyId(
            "coach_a",
            _notes_url,
            lambda w: w.athlete_b.pk,
            lambda w, i: {"athlete_id": i, "shared_advice": "Easy holds."},
        ),
    ],
    "POST /api/groups": [
        BodyId(
            "coach_a",
            lambda w: "/api/groups",
            lambda w: w.athlete_b.pk,
            lambda w, i: {"name": "Squad", "member_ids": [i]},
        ),
    ],
    "PUT /api/groups/{group_id}": [
        BodyId(
            "coach_a",
            _group_of_a,
            lambda w: w.athlete_b.pk,
            lambda w, i: {"name": "Squad", "member_ids": [i]},
        ),
    ],
    "POST /api/athletes/{athlete_id}/activities/{activity_id}/shoe": [
        BodyId(
            "athlete_a", _run_of_a, lambda w: make_shoe(w.athlete_b).pk, lambda w, i: {"shoe_id": i}
        ),
    ],
    "POST /api/athletes/{athlete_id}/symptoms": [
        BodyId(
            "athlete_a",
            lambda w: f"/api/athletes/{w.athlete_a.pk}/symptoms",
            lambda w: make_run(w.athlete_b).pk,
            lambda w, i: {"day": "2026-03-02", "activity_id": i, "note": "tight"},
        ),
    ],
    "POST /api/templates": [
        BodyId(
            "coach_a",
            lambda w: "/api/templates",
            lambda w: w.athlete_b.pk,
            lambda w, i: {"athlete_id": i, "plan_id": _plan(w).pk, "name": "T"},
            _no_template,
        ),
        BodyId(
            "coach_a",
            lambda w: "/api/templates",
            _plan_of_b,
            lambda w, i: {"athlete_id": w.athlete_a.pk, "plan_id": i, "name": "T"},
            _no_template,
        ),
    ],
    "POST /api/coaches/me/session-types": [
        BodyId(
            "coach_a",
            lambda w: "/api/coaches/me/session-types",
            _group_of_other,
            lambda w, i: {
                "name": "Squad run",
                "duration_min": 40,
                "kind": "group",
                "capacity": 6,
                "audience": "group",
                "group_id": i,
            },
        ),
    ],
}


def _book_page(world: World) -> str:
    session = private_session(world)
    return reverse("bookings:book_type", kwargs={"type_id": session.session_type_id})


def _reschedule_page(world: World) -> str:
    return reverse("bookings:reschedule", kwargs={"booking_id": _booking_of_a(world).pk})


def _assign_page(world: World) -> str:
    run = make_run(world.athlete_a)
    kwargs = {"athlete_id": world.athlete_a.pk, "activity_id": run.pk}
    return reverse("shoes:assign", kwargs=kwargs)


PAGES: dict[str, list[BodyId]] = {
    "bookings:book_type": [
        BodyId(
            "athlete_a",
            _book_page,
            lambda w: Session.objects.get(session_type__kind=Kind.ONE_ON_ONE).pk,
            lambda w, i: {"session": i},
            _no_place_for_a,
        ),
    ],
    "bookings:reschedule": [
        BodyId(
            "athlete_a",
            _reschedule_page,
            lambda w: private_session(w).pk,
            lambda w, i: {"session": i},
            _moved_nowhere,
        ),
    ],
    "shoes:assign": [
        BodyId(
            "athlete_a",
            _assign_page,
            lambda w: make_shoe(w.athlete_b).pk,
            lambda w, i: {"shoe_id": i},
        ),
    ],
    "plans:apply_template": [
        BodyId(
            "coach_a",
            lambda w: reverse(
                "plans:apply_template",
                kwargs={"template_id": Template.objects.create(coach=w.coach_a, name="T").pk},
            ),
            lambda w: w.athlete_b.pk,
            lambda w, i: {"athlete": i, "start": "2026-03-02"},
        ),
    ],
    "plans:apply_template_group": [
        BodyId(
            "coach_a",
            lambda w: reverse(
                "plans:apply_template_group",
                kwargs={"template_id": Template.objects.create(coach=w.coach_a, name="T").pk},
            ),
            _group_of_other,
            lambda w, i: {"group": i, "start": "2026-03-02"},
        ),
    ],
    "athletes:allow_consent": [
        BodyId(
            "athlete_a",
            lambda w: reverse("athletes:allow_consent"),
            lambda w: w.coach_other.pk,
            lambda w, i: {"colleague": i},
            lambda w: not PracticeConsent.objects.filter(colleague=w.coach_other).exists(),
        ),
        BodyId(
            "athlete_a",
            lambda w: reverse("athletes:allow_consent"),
            lambda w: w.coach_other.coach_profile.practice_id,
            lambda w, i: {"practice": i},
            lambda w: not PracticeConsent.objects.filter(colleague__isnull=True).exists(),
        ),
    ],
    "symptoms:log": [
        BodyId(
            "athlete_a",
            lambda w: reverse("symptoms:log", kwargs={"athlete_id": w.athlete_a.pk}),
            lambda w: make_run(w.athlete_b).pk,
            lambda w, i: {"day": "2026-03-02", "activity": i, "note": "tight"},
        ),
    ],
}
