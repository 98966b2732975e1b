"""Journeys 4 and 5: the coach generates, edits and assigns a plan; the runner follows it on the
calendar and comments; the coach reads the comment and approves a proposed change."""

from __future__ import annotations

import datetime as dt

import pytest

from tagalong.plans import proposals
from tagalong.plans.models import Plan
from tagalong.plans.selectors.lookups import athlete_today
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
    today = athlete_today(athlete)
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


def drag(page, source: str, target: str, *, scroll_to: str) -> None:  # type: ignore[no-untyped-def]
    """A mouse drag in small steps, as a person makes it (HTML5 drag and drop)."""
    page.locator(scroll_to).scroll_into_view_if_needed()
    start, end = page.locator(source).bounding_box(), page.locator(target).bounding_box()
    page.mouse.move(start["x"] + 5, start["y"] + 5)
    page.mouse.down()
    page.mouse.move(start["x"] + 30, start["y"] + 10, steps=5)
    page.mouse.move(end["x"] + 20, end["y"] + 40, steps=10)
    page.mouse.up()


def _fit_steps(data: bytes) -> list[dict]:  # type: ignore[type-arg]
    from garmin_fit_sdk import Decoder, Stream

    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert errors == []
    assert messages["file_id_mesgs"][0]["type"] == "workout"
    return messages["workout_step_mesgs"]  # type: ignore[no-any-return]


def test_coach_adds_a_session_builds_intervals_and_downloads_the_fit_file(
    live_server, page
) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    coach = make_coach(name="Maya Coach")
    athlete = make_athlete(coach=coach)
    sign_in(page, live_server.url, coach.email)
    generate_in_browser(page, live_server.url, athlete.pk)
    plan = Plan.objects.get(athlete=athlete)
    rest_days = list(
        plan.sessions.filter(kind="rest").order_by("date").values_list("date", flat=True)
    )
    day, later = rest_days[0], rest_days[1]

    # Add an interval run on a rest day, from the week view.
    page.get_by_role("link", name=f"+ Add a session on {day:%A %-d %B}").click()
    page.get_by_role("heading", name="Add a session").wait_for()
    page.get_by_label("Session", exact=True).select_option("run")
    page.get_by_label("Run type", exact=True).select_option("intervals")
    page.get_by_label("Minutes", exact=True).fill("45")
    page.get_by_role("button", name="Add session").click()
    page.get_by_text(f"Added intervals run on {day:%a %-d %b}.").wait_for()
    session = plan.sessions.get(date=day)
    assert session.kind == "run" and session.duration_min == 45

    # Build warm-up, 6 × (3 min at 4:20–4:30, 2 min recovery), cool-down.
    page.goto(f"{live_server.url}/athletes/{athlete.pk}/sessions/{session.pk}/")
    page.get_by_role("link", name="Build the workout steps").click()
    page.get_by_role("heading", name="Build the workout").wait_for()
    rows = page.locator("input[name=rows]")
    expect(rows).to_have_value("3")  # warm-up, the run, cool-down
    page.get_by_role("button", name="Remove step 3").click()
    expect(rows).to_have_value("2")
    page.get_by_role("button", name="Remove step 2").click()
    expect(rows).to_have_value("1")
    page.get_by_role("button", name="Add a repeat (×N)").click()
    expect(rows).to_have_value("4")
    page.locator("[name=step-1-times]").fill("6")
    page.locator("[name=step-2-target]").select_option("pace")
    page.locator("[name=step-2-pace_fast]").fill("4:20")
    page.locator("[name=step-2-pace_slow]").fill("4:30")
    page.get_by_role("button", name="Add a step").click()
    expect(rows).to_have_value("5")
    page.locator("[name=step-4-kind]").select_option("cooldown")
    page.locator("[name=step-4-time]").fill("10")
    page.get_by_role("button", name="Update totals").click()
    page.get_by_text("Total 50:00").wait_for()  # 10 + 6 × 5 + 10 min
    page.get_by_role("button", name="Save workout").click()
    page.get_by_text("Workout saved.").wait_for()
    page.get_by_text("6 × (3 min at 4:20–4:30/km").wait_for()
    session.refresh_from_db()
    assert session.duration_min == 50 and session.workout is not None

    # The watch file, step by step.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download workout for your watch (.fit)").click()
    steps = _fit_steps(open(download.value.path(), "rb").read())  # noqa: SIM115
    assert [s["duration_type"] for s in steps] == [
        "time", "time", "time", "repeat_until_steps_cmplt", "time",
    ]  # fmt: skip
    warm, work, recovery, repeat, cool = steps
    assert (warm["intensity"], warm["duration_time"]) == ("warmup", 600.0)
    assert (work["intensity"], work["duration_time"], work["target_type"]) == (
        "active",
        180.0,
        "speed",
    )
    assert round(work["custom_target_speed_low"], 3) == round(1000 / 270, 3)
    assert round(work["custom_target_speed_high"], 3) == round(1000 / 260, 3)
    assert (recovery["intensity"], recovery["duration_time"]) == ("recovery", 120.0)
    assert (repeat["duration_step"], repeat["repeat_steps"]) == (1, 6)
    assert (cool["intensity"], cool["duration_time"]) == ("cooldown", 600.0)

    # Drag the session onto the next day: the mouse moves it, and the day stays coherent.
    page.goto(f"{live_server.url}/athletes/{athlete.pk}/plans/{plan.pk}/")
    drag(page, f"#session-{session.pk} h4", f"#day-{later.isoformat()}", scroll_to=f"#day-{day}")
    page.locator(f"#day-{later.isoformat()} #session-{session.pk}").wait_for()
    session.refresh_from_db()
    assert session.date == later
    assert "rest" not in plan.sessions.filter(date=later).values_list("kind", flat=True)
    assert plan.sessions.filter(date=day, kind="rest").exists()  # the emptied day rests again
