"""Journey 3: intake, home tests and the calf check in a real browser; the coach sees the same
result and adds a note; a red flag stops the flow and sends the runner to urgent care."""

from __future__ import annotations

import pytest

from tagalong.assessments.models import CalfCheckRun
from tests.factories import PASSWORD, make_athlete, make_coach

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, base_url: str, email: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def fill_intake(page) -> None:  # type: ignore[no-untyped-def]
    page.get_by_label("Goal").select_option("race_10k")
    page.get_by_label("Weekly km").fill("30")
    page.get_by_label("Longest run in the last 30 days (km)").fill("12")
    page.get_by_label("Calf tightness after runs (0–10)").fill("5")
    page.get_by_label("Calf tightness the next morning (0–10)").fill("3")
    page.get_by_label("Which calf").select_option("left")


def fill_tests(page) -> None:  # type: ignore[no-untyped-def]
    for label, value in (
        ("Heel raises (reps): left", "14"),
        ("Heel raises (reps): right", "24"),
        ("Knee-to-wall (cm): left", "9"),
        ("Knee-to-wall (cm): right", "11"),
        ("Single-leg bridge (reps): left", "22"),
        ("Single-leg bridge (reps): right", "24"),
        ("Side plank (s): left", "45"),
        ("Side plank (s): right", "48"),
    ):
        page.get_by_label(label).fill(value)


def finding_titles(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [t.strip() for t in page.locator("li.card h2").all_inner_texts()]


def test_athlete_goes_intake_tests_calf_check_and_the_coach_sees_it_and_adds_a_note(
    live_server, page, browser
) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach(name="Maya Coach")
    athlete = make_athlete(coach=coach)
    base = f"{live_server.url}/athletes/{athlete.pk}"

    sign_in(page, live_server.url, athlete.user.email)
    page.goto(f"{base}/intake/")
    fill_intake(page)
    page.get_by_role("button", name="Save intake").click()
    page.get_by_text("Intake saved. Next: the home tests.").wait_for()

    fill_tests(page)
    page.get_by_role("button", name="Save results").click()
    page.get_by_text("Results saved.").wait_for()
    assert page.get_by_text("expert target").first.is_visible()

    page.goto(f"{base}/calf-check/")
    page.get_by_role("button", name="Run the calf check").click()
    page.get_by_role("heading", name="Evidence used").first.wait_for()
    titles = finding_titles(page)
    assert len(titles) == 5
    assert (
        titles[0].startswith("1. Calves too weak for the load")
        and "capacity_vs_load" not in titles[0]
    )
    scores = [float(t.split("score ")[1].split(" ")[0]) for t in titles]
    assert scores == sorted(scores, reverse=True)
    first = page.locator("li.card").first
    first.get_by_text("Sources").click()
    assert first.get_by_text("Hébert-Losier").first.is_visible()
    assert page.get_by_text("Training advice, not medical advice. It does not").is_visible()

    coach_context = browser.new_context()
    coach_page = coach_context.new_page()
    sign_in(coach_page, live_server.url, coach.email)
    coach_page.goto(f"{base}/calf-check/")
    assert finding_titles(coach_page) == titles
    assert coach_page.get_by_role("button", name="Run the calf check").is_visible()
    coach_page.get_by_label(f"Note for {athlete.name}").fill(
        "Heel raises daily; retest in 4 weeks."
    )
    coach_page.get_by_role("button", name="Save note").click()
    coach_page.get_by_text("Note saved.").wait_for()
    assert CalfCheckRun.objects.get().coach_note == "Heel raises daily; retest in 4 weeks."
    coach_context.close()

    page.reload()
    page.get_by_role("heading", name="Coach's note").wait_for()
    assert page.get_by_text("Heel raises daily; retest in 4 weeks.").is_visible()


def test_a_red_flag_in_the_intake_stops_the_flow_with_the_urgent_care_message(
    live_server, page
) -> None:  # type: ignore[no-untyped-def]
    athlete = make_athlete(coach=make_coach())
    base = f"{live_server.url}/athletes/{athlete.pk}"
    sign_in(page, live_server.url, athlete.user.email)
    page.goto(f"{base}/intake/")
    fill_intake(page)
    page.get_by_label("Swelling of one calf").check()
    page.get_by_role("button", name="Save intake").click()

    page.get_by_role("heading", name="Please seek urgent medical care").wait_for()
    assert page.url.endswith("/calf-check/")
    assert page.get_by_text("Stop running and seek urgent medical care now").is_visible()
    assert page.get_by_role("button", name="Run the calf check").count() == 0

    page.goto(f"{base}/tests/")  # the home tests wait until a clinician has seen them
    page.get_by_role("heading", name="Please seek urgent medical care").wait_for()
    assert page.url.endswith("/calf-check/")
