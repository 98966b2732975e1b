"""The calendar shows planned sessions, booked sessions and test days, each with its kind; on a
phone it is one week strip around the chosen day and that day's sessions."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from tagalong.assessments.services import record_test_session
from tagalong.bookings.services import book
from tests.bookings.helpers import NOW, group_class
from tests.factories import World

THURSDAY = dt.date(2026, 3, 5)  # the class below starts then, 08:00 in London


def test_the_chosen_day_lists_planned_booked_and_test_items_by_kind(world: World, plan, client_for):  # type: ignore[no-untyped-def]
    session = group_class(world.coach_a)
    book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    record_test_session(
        athlete=world.athlete_a, by=world.coach_a, day=THURSDAY, values={"heel_raise": (20, 22)}
    )
    url = reverse("plans:calendar", kwargs={"athlete_id": world.athlete_a.pk})
    response = client_for(world.athlete_a.user).get(
        url, {"date": "2026-03-05", "day": "2026-03-05"}
    )

    context = response.context
    assert context["day"] == THURSDAY
    assert [d for d, _ in context["strip"]] == [
        dt.date(2026, 3, 2) + dt.timedelta(i) for i in range(7)
    ]
    kinds = {item.kind for item in context["day_items"]}
    planned = {s.kind for s in plan.sessions.filter(date=THURSDAY)}
    assert kinds == planned | {"booked", "test"}
    booked = next(i for i in context["day_items"] if i.kind == "booked")
    assert (booked.label, booked.time) == ("Calf clinic", "08:00")
    html = response.content.decode()
    assert "kind-icon-booked" in html and "kind-icon-test" in html
    assert 'aria-current="date"' in html


def test_a_day_outside_the_month_grid_falls_back_to_its_edge(world: World, plan, client_for):  # type: ignore[no-untyped-def]
    url = reverse("plans:calendar", kwargs={"athlete_id": world.athlete_a.pk})
    response = client_for(world.athlete_a.user).get(
        url, {"date": "2026-03-05", "day": "2027-01-01"}
    )
    assert response.status_code == 200
    assert response.context["day"] == dt.date(2026, 4, 5)  # the grid's last Sunday
    response = client_for(world.athlete_a.user).get(url, {"date": "2026-03-05", "day": "not a day"})
    assert response.context["day"] == dt.date(2026, 3, 1)  # today is not in March 2026
