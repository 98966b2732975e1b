"""Places: joining, the waiting list, sign-up by email through the invitation flow."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import timezone

from tagalong.bookings.models import Booking
from tagalong.errors import DomainError
from tagalong.programmes.models import PlaceStatus
from tagalong.programmes.services import join, leave, places_left, sign_up_visitor
from tests.factories import World, make_athlete
from tests.programmes.helpers import programme


def test_a_signed_in_runner_joins_and_gets_the_clinic_seats(world: World) -> None:
    p = programme(world.coach_a, capacity=3)
    place = join(programme=p, athlete=world.athlete_b, now=timezone.now())
    assert place.status == PlaceStatus.ACTIVE and place.start_date == p.start_date
    # the programme's coach now coaches them, and they have a seat in each weekly clinic
    assert world.athlete_b.links.filter(coach=world.coach_a, ended_at__isnull=True).exists()
    assert Booking.objects.filter(athlete=world.athlete_b).count() == 8
    assert places_left(p, timezone.now()) == 2


def test_joining_twice_is_refused(world: World) -> None:
    p = programme(world.coach_a)
    join(programme=p, athlete=world.athlete_a, now=timezone.now())
    with pytest.raises(DomainError, match="already have a place"):
        join(programme=p, athlete=world.athlete_a, now=timezone.now())


def test_when_full_runners_wait_in_order_and_move_up_when_a_place_frees(world: World) -> None:
    p = programme(world.coach_a, capacity=1, clinic=False)
    first = join(programme=p, athlete=world.athlete_a, now=timezone.now())
    second = join(programme=p, athlete=world.athlete_b, now=timezone.now())
    third = join(programme=p, athlete=make_athlete(), now=timezone.now())
    assert (second.status, second.waitlist_position) == (PlaceStatus.WAITLISTED, 1)
    assert third.waitlist_position == 2
    leave(place=first, by=world.athlete_a.user, now=timezone.now())
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == PlaceStatus.ACTIVE and third.status == PlaceStatus.WAITLISTED
    assert p.places.filter(status__in=["active", "held"]).count() == 1


def test_a_visitor_gets_a_sign_up_link_and_a_kept_place(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    p = programme(world.coach_a, capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        place = sign_up_visitor(programme=p, email="New.Mum@Example.org", now=timezone.now())
    assert place.status == PlaceStatus.HELD and place.email == "new.mum@example.org"
    assert place.invitation is not None and place.invitation.coach == world.coach_a
    assert places_left(p, timezone.now()) == 1
    assert len(mail.outbox) == 1 and f"/claim/{place.invitation.token()}/" in mail.outbox[0].body


def test_an_expired_hold_frees_its_place(world: World) -> None:
    p = programme(world.coach_a, capacity=1)
    place = sign_up_visitor(programme=p, email="late@example.org", now=timezone.now())
    later = place.held_until + timezone.timedelta(minutes=1)
    assert places_left(p, later) == 1
    taker = join(programme=p, athlete=world.athlete_b, now=later)
    assert taker.status == PlaceStatus.ACTIVE
    place.refresh_from_db()
    assert place.status == PlaceStatus.RELEASED


def test_a_draft_is_not_open_for_sign_up(world: World) -> None:
    p = programme(world.coach_a, publish=False)
    with pytest.raises(DomainError, match="not open for sign-up"):
        join(programme=p, athlete=world.athlete_a, now=timezone.now())


def test_an_expired_hold_goes_to_the_waiting_list_first(world: World) -> None:
    p = programme(world.coach_a, capacity=1, clinic=False)
    held = sign_up_visitor(programme=p, email="late@example.org", now=timezone.now())
    waiting = join(programme=p, athlete=world.athlete_b, now=timezone.now())
    assert waiting.status == PlaceStatus.WAITLISTED
    later = held.held_until + timezone.timedelta(minutes=1)
    newcomer = join(programme=p, athlete=make_athlete(), now=later)
    waiting.refresh_from_db()
    assert waiting.status == PlaceStatus.ACTIVE
    assert newcomer.status == PlaceStatus.WAITLISTED and newcomer.waitlist_position == 1


def test_a_runner_moved_up_from_the_waiting_list_is_told(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    from tagalong.notifications.models import Notification

    p = programme(world.coach_a, capacity=1, clinic=False)
    first = join(programme=p, athlete=world.athlete_a, now=timezone.now())
    join(programme=p, athlete=world.athlete_b, now=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        leave(place=first, by=world.athlete_a.user, now=timezone.now())
    note = Notification.objects.get(user=world.athlete_b.user, kind="programme_place")
    assert note.title == f"A place in {p.title} is yours"


def test_one_address_keeps_only_a_few_places_an_hour(world: World) -> None:
    p = programme(world.coach_a, capacity=50, clinic=False)
    now = timezone.now()
    for n in range(5):
        sign_up_visitor(programme=p, email=f"v{n}@example.org", now=now, client="203.0.113.9")
    with pytest.raises(DomainError, match="try again later") as refused:
        sign_up_visitor(programme=p, email="v9@example.org", now=now, client="203.0.113.9")
    assert refused.value.code == "throttled"
    other = sign_up_visitor(programme=p, email="v9@example.org", now=now, client="198.51.100.4")
    assert other.status == PlaceStatus.HELD
    later = now + timezone.timedelta(hours=2)
    again = sign_up_visitor(programme=p, email="v10@example.org", now=later, client="203.0.113.9")
    assert again.status == PlaceStatus.HELD


def test_start_on_join_gives_each_runner_their_own_weeks(world: World) -> None:
    import datetime as dt

    from tagalong.programmes.selectors import window

    p = programme(world.coach_a, schedule_mode="on_join", start_date=None, clinic=False)
    place = join(programme=p, athlete=world.athlete_a, now=timezone.now())
    first, last = window(place)
    today = timezone.localdate()
    assert first.weekday() == 0 and today <= first < today + dt.timedelta(days=7)
    assert (last - first).days == 8 * 7 - 1


def test_members_get_seats_in_a_clinic_added_later(world: World) -> None:
    import datetime as dt
    from zoneinfo import ZoneInfo

    from tagalong.programmes.demo import weekly_clinic
    from tagalong.programmes.services import update_programme

    p = programme(world.coach_a, clinic=False)
    join(programme=p, athlete=world.athlete_a, now=timezone.now())
    evening = dt.datetime.combine(p.start_date + dt.timedelta(days=3), dt.time(19))
    clinic = weekly_clinic(
        world.coach_a,
        first=evening.replace(tzinfo=ZoneInfo("Europe/London")),
        tz_name="Europe/London",
    )
    update_programme(programme=p, by=world.coach_a, session_types=[clinic])
    assert (
        Booking.objects.filter(athlete=world.athlete_a, session__session_type=clinic).count() == 8
    )
