from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.urls import reverse

from tagalong.evidence import REGISTRY
from tagalong.plans.models import Plan, PlanComment
from tests.factories import World
from tests.plans.conftest import AVAILABILITY


def _form(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "goal": "10k",
        "start": "2026-03-02",
        "weeks": "10",
        "weekly_km": "30",
        "longest_run_km_30d": "12",
        "runs_per_week": "4",
        **{f"min_{day}": str(minutes) for day, minutes in AVAILABILITY.items()},
    }
    return {**data, **overrides}


def test_coach_generates_a_plan_from_the_form(world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    url = reverse("plans:generate", kwargs={"athlete_id": world.athlete_a.pk})
    response = client_for(world.coach_a).post(url, _form())
    plan = Plan.objects.get(athlete=world.athlete_a)
    assert response.status_code == 302 and response["Location"].endswith(f"/plans/{plan.pk}/")


def test_generate_form_is_prefilled_from_the_profile(world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    world.athlete_a.weekly_distance_km = 27
    world.athlete_a.save()
    url = reverse("plans:generate", kwargs={"athlete_id": world.athlete_a.pk})
    page = client_for(world.coach_a).get(url).content.decode()
    assert 'value="27.0"' in page


def test_infeasible_plan_shows_reason_and_suggestion_on_the_form(world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    url = reverse("plans:generate", kwargs={"athlete_id": world.athlete_a.pk})
    form = _form(
        goal="marathon", weeks="4", weekly_km="0", longest_run_km_30d="0", runs_per_week="0"
    )
    response = client_for(world.coach_a).post(url, form)
    assert response.status_code == 200
    assert "Suggestion:" in response.content.decode()
    assert not Plan.objects.exists()


def test_form_without_any_available_day_says_so(world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    url = reverse("plans:generate", kwargs={"athlete_id": world.athlete_a.pk})
    form = _form(**{f"min_{d}": "" for d in AVAILABILITY})
    response = client_for(world.coach_a).post(url, form)
    assert "at least one day" in response.content.decode()


def test_builder_shows_weeks_and_no_limit_warnings(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    url = reverse("plans:detail", kwargs={"athlete_id": world.athlete_a.pk, "plan_id": plan.pk})
    page = client_for(world.coach_a).get(url).content.decode()
    assert "Week 1" in page and "keeps to every hard limit" in page


def test_session_page_renders_why_with_evidence_and_exercise_names(
    world: World,
    plan: Plan,
    client_for,  # type: ignore[no-untyped-def]
) -> None:
    session = plan.sessions.exclude(exercises=[]).first()
    assert session is not None
    url = reverse(
        "plans:session", kwargs={"athlete_id": world.athlete_a.pk, "session_id": session.pk}
    )
    page = client_for(world.athlete_a.user).get(url).content.decode()
    evidence_id = next(i for r in session.why for i in r["evidence"] if i in REGISTRY)
    assert REGISTRY[evidence_id].source.split(",")[0] in page
    assert "Change this session" not in page  # athletes read and comment, coaches edit


def test_athlete_and_coach_comment_on_a_session(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    session = plan.sessions.first()
    assert session is not None
    url = reverse(
        "plans:comment", kwargs={"athlete_id": world.athlete_a.pk, "session_id": session.pk}
    )
    assert client_for(world.athlete_a.user).post(url, {"text": "Calves fine."}).status_code == 302
    assert client_for(world.coach_a).post(url, {"text": "Great."}).status_code == 302
    assert list(PlanComment.objects.values_list("text", flat=True)) == ["Calves fine.", "Great."]


def test_empty_comment_is_refused(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    session = plan.sessions.first()
    assert session is not None
    url = reverse(
        "plans:comment", kwargs={"athlete_id": world.athlete_a.pk, "session_id": session.pk}
    )
    assert client_for(world.athlete_a.user).post(url, {"text": "  "}).status_code == 400


def test_move_form_error_is_shown_on_the_session_page(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    session = plan.sessions.first()
    assert session is not None
    url = reverse("plans:move", kwargs={"athlete_id": world.athlete_a.pk, "session_id": session.pk})
    response = client_for(world.coach_a).post(url, {"date": "2030-01-01"})
    assert response.status_code == 400 and "Pick a date between" in response.content.decode()


def test_calendar_shows_compliance_in_neutral_words(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    from tagalong.activities.models import Activity

    run = plan.sessions.filter(kind="run").order_by("date").first()
    assert run is not None
    zone = ZoneInfo(world.athlete_a.time_zone)
    Activity.objects.create(
        athlete=world.athlete_a,
        start=dt.datetime.combine(run.date, dt.time(7), zone),
        duration_s=run.duration_min * 60,
        moving_s=run.duration_min * 60,
        load_measure="duration",
    )
    url = reverse("plans:calendar", kwargs={"athlete_id": world.athlete_a.pk})
    page = client_for(world.athlete_a.user).get(url, {"date": run.date.isoformat()}).content
    assert b"Done as planned" in page
    week = client_for(world.athlete_a.user).get(url, {"view": "week", "date": run.date.isoformat()})
    assert b"Done as planned" in week.content


def test_week_view_starts_on_monday(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    url = reverse("plans:calendar", kwargs={"athlete_id": world.athlete_a.pk})
    response = client_for(world.athlete_a.user).get(url, {"view": "week", "date": "2026-03-05"})
    assert response.context["start"] == dt.date(2026, 3, 2)


def test_athlete_page_lists_this_weeks_sessions(world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    from tagalong.plans.selectors.lookups import athlete_today, monday_of
    from tests.plans.conftest import generate

    generate(world, start=monday_of(athlete_today(world.athlete_a)))
    page = client_for(world.coach_a).get(
        reverse("athletes:detail", kwargs={"athlete_id": world.athlete_a.pk})
    )
    assert b"This week&#x27;s sessions" in page.content or b"This week's sessions" in page.content


def test_printable_plan_lists_every_week(world: World, plan: Plan, client_for) -> None:  # type: ignore[no-untyped-def]
    url = reverse("plans:print", kwargs={"athlete_id": world.athlete_a.pk, "plan_id": plan.pk})
    page = client_for(world.athlete_a.user).get(url).content.decode()
    assert "Week 10" in page and "plans/plans.css" in page
