"""Journey: a coach publishes "Help Mom build her endurance"; a visitor gives a place; the
recipient claims it, signs up, does the intake and tests, and sees week 1 with the group clinic
on her own clock; the coach sees her in the cohort view."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from tagalong.programmes.demo import endurance_template, weekly_clinic
from tagalong.programmes.models import Programme
from tests.browser.test_invitation_journey import sign_in
from tests.factories import PASSWORD, make_coach

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = "/tmp/prog"


def _shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    import os

    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_gift_claim_intake_and_week_one_in_her_own_zone(live_server, page, browser) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach(name="Maya Coach", time_zone="Europe/London")
    today = timezone.localdate()
    start = today + dt.timedelta(days=7 - today.weekday())
    evening = dt.datetime.combine(start + dt.timedelta(days=2), dt.time(18, 30))
    weekly_clinic(
        coach, first=evening.replace(tzinfo=ZoneInfo("Europe/London")), tz_name="Europe/London"
    )
    endurance_template(coach)

    # the coach makes the programme and publishes it
    sign_in(page, live_server.url, coach.email, PASSWORD)
    page.goto(f"{live_server.url}/coach/programmes/")
    page.get_by_role("link", name="New programme").click()
    page.get_by_label("Title").fill("Help Mom build her endurance")
    page.get_by_label("Description").fill("Eight weeks of easy running and calf strength.")
    page.get_by_label("Who it is for").fill("Mothers, new to running or seasoned.")
    page.get_by_label("Plan template").select_option(index=1)
    page.get_by_label("Start", exact=True).select_option("cohort")
    page.get_by_label("Start date").fill(start.isoformat())
    page.get_by_label("Length in weeks").fill("8")
    page.get_by_label("Places").fill("12")
    page.get_by_label("Group calf clinic").check()
    page.get_by_label("Time zone").select_option("Europe/London")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("The programme is published now.").wait_for()
    programme = Programme.objects.get()
    public = f"{live_server.url}/p/{programme.slug}/"

    # a visitor in New York gives a place; the page shows the clinic on her clock
    visitor = browser.new_context(
        timezone_id="America/New_York", viewport={"width": 390, "height": 844}
    ).new_page()
    visitor.goto(public)
    visitor.wait_for_url(re.compile(r"tz=America"))
    visitor.get_by_text("Times in America/New_York.").wait_for()
    assert (
        visitor.get_by_text("13:30").first.is_visible()
        or visitor.get_by_text("14:30").first.is_visible()
    )
    _shot(visitor, "public-390")
    visitor.get_by_role("link", name="Give a place as a gift").click()
    visitor.get_by_label("Your name").fill("Ana")
    visitor.get_by_label("Your email").fill("ana@example.org")
    visitor.get_by_label("Their email").fill("mum@example.org")
    visitor.get_by_label("Your message").fill("Happy Mother's Day, Mum!")
    visitor.get_by_role("button", name="Send the gift").click()
    visitor.get_by_role("heading", name="Your gift is on its way").wait_for()

    (gift_mail,) = [m for m in mail.outbox if m.to == ["mum@example.org"]]
    path = re.search(r"https?://[^\s]+?(/claim/[^\s]+/)", gift_mail.body).group(1)

    # the recipient claims it, signs up (her zone preselected), does the intake and tests
    mum = browser.new_context(timezone_id="America/New_York").new_page()
    mum.goto(f"{live_server.url}{path}")
    mum.get_by_text("gave you this place").wait_for()
    mum.get_by_label("Your name").fill("Rosa Mum")
    mum.get_by_label("Password").fill("a-strong-runner-password")
    assert mum.get_by_label("Time zone").input_value() == "America/New_York"
    mum.get_by_label("Birth date").fill("1984-05-12")
    mum.get_by_label("Sex").select_option("female")
    mum.get_by_label("Body mass (kg)").fill("63")
    mum.get_by_role("button", name="Create my account and claim the place").click()
    mum.get_by_text("Your place in Help Mom build her endurance is yours.").wait_for()
    mum.get_by_role("link", name="Fill in the intake").click()
    mum.locator("select[name=goal]").select_option("general")
    mum.locator("input[name=runs_per_week]").fill("3")
    mum.locator("input[name=weekly_km]").fill("15")
    mum.locator("input[name=longest_run_km_30d]").fill("6")
    for day in ("tue", "wed", "thu", "sat", "sun"):
        mum.locator(f"input[name=available_days][value={day}]").check()
    mum.locator("input[name=available_minutes]").fill("50")
    mum.locator("form button[type=submit]").last.click()
    mum.get_by_text("Intake saved").wait_for()
    mum.locator("input[name=heel_raise_left]").fill("26")
    mum.locator("input[name=heel_raise_right]").fill("27")
    mum.locator("input[name=single_leg_bridge_left]").fill("22")
    mum.locator("input[name=single_leg_bridge_right]").fill("22")
    mum.locator("form button[type=submit]").last.click()
    mum.wait_for_load_state()
    mum.goto(f"{live_server.url}/me/programmes/{programme.slug}/")
    mum.get_by_role("button", name="Make my plan").click()
    mum.get_by_text("Your plan is being made").wait_for()
    mum.reload()
    mum.get_by_role("heading", name="Week 1").wait_for()
    assert mum.get_by_text("Week 1 of 8").first.is_visible()
    assert mum.get_by_text("Easy run").first.is_visible()
    clinic = mum.locator("[data-next-session]")
    assert "Group calf clinic" in clinic.inner_text()
    assert re.search(r"1[34]:30.*E[SD]T", clinic.inner_text())
    mum.set_viewport_size({"width": 1366, "height": 900})
    _shot(mum, "member-1366")
    mum.set_viewport_size({"width": 390, "height": 844})
    _shot(mum, "member-390")

    # the coach sees her in the cohort view
    page.goto(f"{live_server.url}/coach/programmes/{programme.pk}/")
    page.get_by_role("cell", name="Rosa Mum gift").wait_for()
    row = page.get_by_role("row").filter(has_text="Rosa Mum")
    cells = [c.strip() for c in row.inner_text().split("\t")]
    assert cells[1:5] == ["done", "done", "open", "1 of 8"]  # intake, tests, plan, week
    assert "attended of 8 booked" in row.inner_text()
    page.set_viewport_size({"width": 1366, "height": 900})
    _shot(page, "cohort-1366")
    page.set_viewport_size({"width": 390, "height": 844})
    _shot(page, "cohort-390")
    page.goto(f"{live_server.url}/coach/programmes/{programme.pk}/edit/")
    _shot(page, "edit-390")
    assert any(m.to == ["ana@example.org"] and "claimed" in m.subject for m in mail.outbox)
