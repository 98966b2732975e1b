"""Journeys 4 and 5: the coach generates, edits and assigns a plan; the runner follows it on the
calendar and comments; the coach reads the comment and approves a proposed change."""

from __future__ import annotations

import datetime as dt

import pytest

from tagalong.plans import proposals, selectors
from tagalong.plans.models import Plan
from tagalong.symptoms.models import SymptomLog
from tests.factories import PASSWORD, make_athlete, make_coach

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MINUTES = {"mon": 45, "tue": 60, "thu": 60, "sat": 90, "sun": 120}


def sign_in(page, base_url: str, email: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Email", exact=True).fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def generate_in_browser(page, base_url: str, athlete_id: int) -> dt.date:  # type: ignore[no-untyped-def]
    page.goto(f"{base_url}/athletes/{athlete_id}/plans/new/")
    page.get_by_role("heading", name="Generate a plan").wait_for()
    page.get_by_label("Goal", exact=True).select_option("10k")
    start = dt.date.fromisoformat(page.get_by_label("Start", exact=True).input_value())
    page.get_by_label("Weeks", exact=True).fill("10")
    for day, minutes in MINUTES.items():
        page.locator(f"#id_min_{day}").fill(str(minutes))
    page.get_by_label("Running now (km a week)", exact=True).fill("30")
    page.get_by_label("Longest run in the last 30 days (km)", exact=True).fill("12")
    page.get_by_label("Runs per week", exact=True).fill("4")
    page.get_by_role("button", name="Generate plan").click()
    page.get_by_text("Plan ready.").wait_for()
    return start


def test_coach_builds_a_plan_and_the_runner_follows_and_comments(
    live_server, page, browser
) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach(name="Maya Coach")
    athlete = make_athlete(coach=coach)
    athlete.user.full_name = "Nia Runner"
    athlete.user.save()
    sign_in(page, live_server.url, coach.email)
    start = generate_in_browser(page, live_server.url, athlete.pk)
    page.get_by_role("heading", name="10K plan").wait_for()
    plan = Plan.objects.get(athlete=athlete)
    assert plan.status == "active"  # generated for the athlete: assigned and visible to them

    # Edit a run: move it a day, change its target, add an exercise.
    run = plan.sessions.filter(kind="run").order_by("date").first()
    assert run is not None
    page.goto(f"{live_server.url}/athletes/{athlete.pk}/sessions/{run.pk}/")
    new_day = run.date + dt.timedelta(days=1)
    page.get_by_text("Move to another day").click()
    page.get_by_label("Date", exact=True).fill(new_day.isoformat())
    page.get_by_role("button", name="Move", exact=True).click()
    page.get_by_text("Saved.").first.wait_for()
    page.get_by_text("Change targets").click()
    page.get_by_label("Duration min", exact=True).fill("33")
    page.get_by_role("button", name="Save targets").click()
    page.get_by_text("33 min").first.wait_for()
    page.get_by_text("Add an exercise").click()
    page.get_by_label("Exercise", exact=True).select_option("knee-to-wall-mobilisation")
    page.get_by_role("button", name="Add exercise").click()
    page.get_by_role("heading", name="Exercises").wait_for()
    run.refresh_from_db()
    assert run.date == new_day and run.duration_min == 33 and run.exercises
    plan.refresh_from_db()
    assert plan.current_version == 4

    # The runner sees the plan on the calendar, opens the session and comments.
    runner = browser.new_context().new_page()
    sign_in(runner, live_server.url, athlete.user.email)
    runner.get_by_role("link", name="Plan", exact=True).first.click()
    runner.get_by_role("heading", name="Training plans for Nia Runner").wait_for()
    runner.goto(f"{live_server.url}/athletes/{athlete.pk}/calendar/?date={start.isoformat()}")
    session_link = runner.locator(f"a[href$='/sessions/{run.pk}/']").first
    session_link.wait_for()
    session_link.click()
    runner.get_by_text("33 min").first.wait_for()
    runner.get_by_label("Comment", exact=True).fill("Calves felt tight after this one.")
    runner.get_by_role("button", name="Add comment").click()
    runner.get_by_text("Calves felt tight after this one.").wait_for()

    # The coach sees the comment.
    page.goto(f"{live_server.url}/athletes/{athlete.pk}/sessions/{run.pk}/")
    page.get_by_text("Calves felt tight after this one.").wait_for()
    assert page.get_by_text("Nia Runner").first.is_visible()


def test_coach_approves_a_proposed_change_and_the_runner_sees_why(
    live_server, page, browser
) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach(name="Maya Coach")
    athlete = make_athlete(coach=coach)
    sign_in(page, live_server.url, coach.email)
    generate_in_browser(page, live_server.url, athlete.pk)
    plan = Plan.objects.get(athlete=athlete)
    today = selectors.athlete_today(athlete)
    SymptomLog.objects.create(athlete=athlete, day=today, calf_pain_left_during=7)
    (proposal,) = proposals.review_athlete(athlete=athlete, source="symptoms")

    page.goto(f"{live_server.url}/coach/plan-changes/")
    page.get_by_role("heading", name="Plan changes to review").wait_for()
    page.get_by_text("Pain 7/10 during running").first.wait_for()
    page.get_by_role("link", name=athlete.name).first.click()
    page.get_by_role("heading", name="Proposed changes").wait_for()
    page.get_by_role("button", name="Approve changes").click()
    page.get_by_text("Approved: the plan has changed").wait_for()
    proposal.refresh_from_db()
    plan.refresh_from_db()
    assert proposal.status == "approved" and plan.current_version == 2

    runner = browser.new_context().new_page()
    sign_in(runner, live_server.url, athlete.user.email)
    runner.goto(f"{live_server.url}/athletes/{athlete.pk}/plans/{plan.pk}/")
    runner.get_by_role("heading", name="What changed and why").wait_for()
    runner.get_by_text("Pain 7/10 during running").first.wait_for()
    assert runner.get_by_role("button", name="Approve changes").count() == 0
