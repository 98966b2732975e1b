from __future__ import annotations

from django.urls import reverse

from tagalong.plans.models import Plan, PlanSession
from tests.factories import World

HTMX = {"HTTP_HX_REQUEST": "true"}


def _run(plan: Plan) -> PlanSession:
    return plan.sessions.filter(kind="run").order_by("date").first()  # type: ignore[return-value]


def _url(name: str, world: World, session: PlanSession) -> str:
    return reverse(name, kwargs={"athlete_id": world.athlete_a.pk, "session_id": session.pk})


def test_inline_change_returns_the_card_and_the_rechecked_limits(
    world: World,
    plan: Plan,
    client_for,  # type: ignore[no-untyped-def]
) -> None:
    run = _run(plan)
    data = {"kind": "run", "run_type": "easy", "duration_min": "41"}
    response = client_for(world.coach_a).post(_url("plans:change", world, run), data, **HTMX)
    page = response.content.decode()
    assert response.status_code == 200
    assert f'id="session-{run.pk}"' in page and "41 min" in page
    assert 'id="limit-warnings" hx-swap-oob="true"' in page


def test_inline_change_error_stays_on_the_card(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    run = _run(plan)
    data = {"kind": "run", "duration_min": "40", "pace_fast": "5:30"}
    response = client_for(world.coach_a).post(_url("plans:change", world, run), data, **HTMX)
    assert "Give both ends of the pace range" in response.content.decode()
    run.refresh_from_db()
    assert run.ical_sequence == 0


def test_inline_move_refreshes_the_builder(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    run = _run(plan)
    data = {"date": plan.end.isoformat()}
    response = client_for(world.coach_a).post(_url("plans:move", world, run), data, **HTMX)
    assert response.headers.get("HX-Refresh") == "true"
    run.refresh_from_db()
    assert run.date == plan.end


def test_builder_cards_carry_inline_forms_for_the_coach_only(
    world: World,
    plan: Plan,
    client_for,  # type: ignore[no-untyped-def]
) -> None:
    url = reverse("plans:detail", kwargs={"athlete_id": world.athlete_a.pk, "plan_id": plan.pk})
    assert b"hx-post" in client_for(world.coach_a).get(url).content
    assert b"hx-post" not in client_for(world.colleague).get(url).content


def test_a_coach_who_reads_miles_edits_distance_and_pace_in_miles(
    world: World,
    plan: Plan,
    client_for,  # type: ignore[no-untyped-def]
) -> None:
    world.coach_a.units = "mi"
    world.coach_a.save()
    run = _run(plan)
    client = client_for(world.coach_a)
    form = client.get(_url("plans:session", world, run)).content.decode()
    assert "Pace from (m:ss /mi)" in form and "Distance (mi)" in form
    data = {
        "kind": "run",
        "run_type": "easy",
        "duration_min": "50",
        "distance_km": "5",
        "pace_fast": "9:39",
        "pace_slow": "10:03",
    }
    response = client.post(_url("plans:change", world, run), data, **HTMX)
    assert response.status_code == 200
    run.refresh_from_db()
    assert abs(run.distance_km - 8.05) < 0.01  # 5 mi, kept in km
    assert (run.pace_fast_s_per_km, run.pace_slow_s_per_km) == (360, 375)  # 6:00–6:15 /km
