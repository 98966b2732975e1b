"""The generate form starts from the intake, the latest tests and the imported runs."""

from __future__ import annotations

import datetime as dt
from datetime import UTC

from django.urls import reverse

from tagalong.activities.models import Activity
from tagalong.assessments.models import Intake, TestResult, TestSession
from tagalong.athletes.models import AthleteProfile
from tagalong.plans.intake import inputs_used, plan_inputs
from tagalong.plans.models import Plan
from tests.factories import World

TODAY = dt.date(2026, 3, 16)
START = dt.date(2026, 3, 23)


def _run(athlete: AthleteProfile, day: str, km: float, minutes: float, name: str = "") -> None:
    Activity.objects.create(
        athlete=athlete,
        start=dt.datetime.fromisoformat(f"{day}T07:00").replace(tzinfo=UTC),
        duration_s=minutes * 60,
        moving_s=minutes * 60,
        distance_m=km * 1000,
        name=name,
        load_measure="duration",
    )


def _intake(athlete: AthleteProfile, **extra: object) -> Intake:
    fields: dict[str, object] = {
        "goal": "race_half",
        "race_date": dt.date(2026, 7, 5),
        "available_days": ["tue", "thu", "sat"],
        "available_minutes": 60,
        "weekly_km": 25,
        "longest_run_km_30d": 11,
        "runs_per_week": 3,
        "recent_race_km": 10,
        "recent_race_minutes": 55,
        **extra,
    }
    intake = Intake.objects.create(athlete=athlete, **fields)
    Intake.objects.filter(pk=intake.pk).update(created_at=dt.datetime(2026, 3, 1, 9, tzinfo=UTC))
    return intake


def test_the_intake_fills_goal_race_date_days_and_running(world: World) -> None:
    _intake(world.athlete_a)
    found = plan_inputs(world.athlete_a, today=TODAY, start=START)
    assert found.initial["goal"] == "half"
    assert found.initial["race_date"] == dt.date(2026, 7, 5)
    assert [found.initial[f"min_{d}"] for d in ("mon", "tue", "thu", "sat")] == [None, 60, 60, 60]
    assert (found.initial["weekly_km"], found.initial["longest_run_km_30d"]) == (25.0, 11.0)
    assert (found.initial["race_distance_km"], found.initial["race_minutes"]) == (10.0, 55.0)
    sources = {u.what: u.source for u in found.used}
    assert sources["Goal"] == "intake of 1 Mar 2026"
    assert "Home tests (calf work starts from the first ladder step)." in found.missing


def test_imported_runs_win_over_the_intake_for_the_running_now(world: World) -> None:
    _intake(world.athlete_a)
    for day, km in (("2026-02-10", 8), ("2026-03-01", 14.2), ("2026-03-08", 9), ("2026-03-14", 6)):
        _run(world.athlete_a, day, km, km * 6)
    _run(world.athlete_a, "2026-03-07", 5.0, 24.5, name="Saturday parkrun")
    found = plan_inputs(world.athlete_a, today=TODAY, start=START)
    assert found.initial["longest_run_km_30d"] == 14.2
    # four runs in the last 28 days (14.2 + 9 + 6 + 5 km)
    assert found.initial["weekly_km"] == round(34.2 / 4, 1) and found.initial["runs_per_week"] == 1
    assert (found.initial["race_distance_km"], found.initial["race_minutes"]) == (5.0, 24.5)
    sources = {u.what: u.source for u in found.used}
    assert sources["Longest run in the last 30 days"] == "imported run of 1 Mar 2026"
    assert sources["Recent race"] == "imported run of 7 Mar 2026"
    assert sources["Running now"].startswith("4 imported runs, 17 Feb 2026")


def test_the_latest_tests_are_named_with_their_date(world: World) -> None:
    session = TestSession.objects.create(athlete=world.athlete_a, date=dt.date(2026, 3, 9))
    TestResult.objects.create(session=session, test="heel_raise", left=18, right=22, unit="reps")
    found = plan_inputs(world.athlete_a, today=TODAY, start=START)
    tests = next(u for u in found.used if u.what == "Latest tests")
    assert tests.source == "tests of 9 Mar 2026" and "heel raises" in tests.value


def test_a_past_race_date_is_not_filled_and_is_named(world: World) -> None:
    _intake(world.athlete_a, race_date=dt.date(2026, 3, 1))
    found = plan_inputs(world.athlete_a, today=TODAY, start=START)
    assert "race_date" not in found.initial
    assert any("before the start" in m for m in found.missing)


def test_a_recent_birth_starts_the_postnatal_return(world: World) -> None:
    _intake(world.athlete_a, goal="general", weeks_since_birth=10)
    found = plan_inputs(world.athlete_a, today=TODAY, start=START)
    assert found.initial["goal"] == "postnatal" and found.initial["weeks_postnatal"] == 13


def test_without_an_intake_or_runs_what_is_missing_is_named(world: World) -> None:
    world.athlete_a.weekly_distance_km = None
    world.athlete_a.save()
    found = plan_inputs(world.athlete_a, today=TODAY, start=START)
    assert found.used == []
    assert any("intake" in m for m in found.missing)
    assert any("Weekly running volume" in m for m in found.missing)


def test_values_the_coach_changed_are_recorded_as_theirs(world: World) -> None:
    _intake(world.athlete_a)
    found = plan_inputs(world.athlete_a, today=TODAY, start=START)
    cleaned = {**found.initial, "weekly_km": 30.0}
    recorded = {u["what"]: u for u in inputs_used(found, cleaned)}
    assert recorded["Running now"]["source"] == "changed by the coach"
    assert recorded["Running now"]["value"] == "30 km a week over 3 runs"
    assert recorded["Goal"]["source"] == "intake of 1 Mar 2026"


def test_the_generate_page_shows_the_sources_and_the_plan_keeps_them(
    world: World, client_for
) -> None:  # type: ignore[no-untyped-def]
    _intake(world.athlete_a, goal="race_10k", race_date=None)
    client = client_for(world.coach_a)
    url = reverse("plans:generate", kwargs={"athlete_id": world.athlete_a.pk})
    page = client.get(url).content.decode()
    assert "Filled in from" in page and "intake of 1 Mar 2026" in page
    assert 'name="min_tue" value="60"' in page
    form = {
        "goal": "10k",
        "start": (dt.date.today() + dt.timedelta(days=7 - dt.date.today().weekday())).isoformat(),
        "weeks": "10",
        "weekly_km": "25",
        "longest_run_km_30d": "11",
        "runs_per_week": "3",
        "race_distance_km": "10",
        "race_minutes": "55",
        "min_tue": "60",
        "min_thu": "60",
        "min_sat": "90",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    plan = Plan.objects.get(athlete=world.athlete_a)
    used = {u["what"]: u["source"] for u in plan.summary["inputs_used"]}
    assert used["Goal"] == "intake of 1 Mar 2026"
    assert used["Available days"] == "changed by the coach"  # Saturday was made longer
    detail = client.get(response["Location"]).content.decode()
    assert "Made from" in detail and "Tue 60 min, Thu 60 min, Sat 90 min" in detail
