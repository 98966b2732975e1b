"""The builder's pages: the week as seven days, adding a session, copying and nudging one."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from tagalong.plans.models import Plan, PlanSession
from tests.factories import World


def _rest_day(plan: Plan) -> dt.date:
    return plan.sessions.filter(kind="rest").order_by("date").values_list("date", flat=True)[0]


def _run(plan: Plan) -> PlanSession:
    return plan.sessions.filter(kind="run").order_by("date").first()  # type: ignore[return-value]


def _add_url(world: World, plan: Plan) -> str:
    return reverse(
        "plans:add_session", kwargs={"athlete_id": world.athlete_a.pk, "plan_id": plan.pk}
    )


def test_the_week_shows_each_day_as_a_drop_target(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    url = reverse("plans:detail", kwargs={"athlete_id": world.athlete_a.pk, "plan_id": plan.pk})
    page = client_for(world.coach_a).get(url).content.decode()
    assert f'data-day="{plan.start:%Y-%m-%d}"' in page and 'draggable="true"' in page
    assert "plans/builder.js" in page and "data-move-form" in page and "data-copy-form" in page
    assert f"{_add_url(world, plan)}?date={plan.start:%Y-%m-%d}" in page


def test_the_athlete_sees_the_week_without_the_builder(
    world: World, plan: Plan, client_for
) -> None:  # type: ignore[no-untyped-def]
    url = reverse("plans:detail", kwargs={"athlete_id": world.athlete_a.pk, "plan_id": plan.pk})
    page = client_for(world.athlete_a.user).get(url).content.decode()
    assert 'draggable="true"' not in page and "builder.js" not in page


def test_adding_a_session_from_the_page(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    day = _rest_day(plan)
    client = client_for(world.coach_a)
    page = client.get(f"{_add_url(world, plan)}?date={day.isoformat()}").content.decode()
    assert f'value="{day.isoformat()}"' in page
    response = client.post(
        _add_url(world, plan),
        {"date": day.isoformat(), "kind": "strength", "duration_min": "25"},
    )
    assert response.status_code == 302 and response["Location"].endswith(f"#day-{day.isoformat()}")
    assert plan.sessions.filter(date=day, kind="strength").exists()


def test_a_day_outside_the_plan_shows_on_the_day_field(
    world: World, plan: Plan, client_for
) -> None:  # type: ignore[no-untyped-def]
    late = plan.end + dt.timedelta(days=10)
    response = client_for(world.coach_a).post(
        _add_url(world, plan), {"date": late.isoformat(), "kind": "run", "duration_min": "30"}
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["date"][0].startswith("Pick a date between")


def test_a_run_without_minutes_shows_on_the_minutes_field(
    world: World, plan: Plan, client_for
) -> None:  # type: ignore[no-untyped-def]
    response = client_for(world.coach_a).post(
        _add_url(world, plan), {"date": _rest_day(plan).isoformat(), "kind": "run"}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["duration_min"] == ["Give the session's minutes."]


def test_copying_a_session_from_its_page(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    run = _run(plan)
    url = reverse(
        "plans:copy_session", kwargs={"athlete_id": world.athlete_a.pk, "session_id": run.pk}
    )
    client = client_for(world.coach_a)
    response = client.post(url, {"date": _rest_day(plan).isoformat()})
    assert response.status_code == 302
    assert plan.sessions.filter(kind="run", date=_rest_day(plan)).exists() is False  # rest gone
    bad = client.post(url, {"date": (plan.start - dt.timedelta(days=3)).isoformat()})
    assert bad.status_code == 400 and "Pick a date between" in bad.content.decode()


def test_copying_with_htmx_refreshes_the_week(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    run = _run(plan)
    url = reverse(
        "plans:copy_session", kwargs={"athlete_id": world.athlete_a.pk, "session_id": run.pk}
    )
    response = client_for(world.coach_a).post(
        url, {"date": (run.date + dt.timedelta(days=7)).isoformat()}, HTTP_HX_REQUEST="true"
    )
    assert response["HX-Refresh"] == "true"
    assert plan.sessions.filter(kind=run.kind, date=run.date + dt.timedelta(days=7)).count() >= 1


def test_the_next_day_button_moves_the_session(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    run = _run(plan)
    url = reverse("plans:move", kwargs={"athlete_id": world.athlete_a.pk, "session_id": run.pk})
    later = run.date + dt.timedelta(days=1)
    response = client_for(world.coach_a).post(
        url, {"date": later.isoformat()}, HTTP_HX_REQUEST="true"
    )
    assert response["HX-Refresh"] == "true"
    run.refresh_from_db()
    assert run.date == later
    assert not plan.sessions.filter(date=later, kind="rest").exists()


def test_the_inline_edit_gives_the_new_distance(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    run = _run(plan)
    url = reverse("plans:change", kwargs={"athlete_id": world.athlete_a.pk, "session_id": run.pk})
    data = {
        "kind": "run",
        "run_type": run.run_type,
        "duration_min": "60",
        "distance_km": str(run.distance_km or ""),
        "pace_fast": "6:00",
        "pace_slow": "6:00",
    }
    page = client_for(world.coach_a).post(url, data, HTTP_HX_REQUEST="true").content.decode()
    run.refresh_from_db()
    assert run.distance_km == 10.0 and "about 10.0 km" in page
