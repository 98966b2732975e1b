"""Journey 7: a runner logs rising calf pain and misses a long run; the coach sees both on the
attention page, messages the runner, the runner replies (each sees the other's message appear
without reloading the page), the coach snoozes one reason and acknowledges the other; a red flag
pauses the plan and its feed. Screenshots of the queue and the thread at 1366 px and 390 px go
to var/screenshots/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.test import Client
from django.utils import timezone

from tagalong.attention.models import AttentionNote, RedFlag, Signal
from tagalong.messaging.models import Message
from tagalong.plans.models import Plan, PlanSession
from tagalong.plans.services.feed_tokens import rotate_feed_token
from tagalong.symptoms.models import SymptomLog
from tests.browser.test_plan_journey import sign_in
from tests.factories import make_athlete, make_coach

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def _runner_with_a_plan() -> tuple:  # type: ignore[type-arg]
    coach = make_coach(name="Maya Coach")
    athlete = make_athlete(coach=coach, time_zone="Europe/London")
    athlete.user.full_name = "Nia Runner"
    athlete.user.save()
    today = timezone.now().astimezone(ZoneInfo("Europe/London")).date()
    plan = Plan.objects.create(
        athlete=athlete,
        title="10K plan",
        goal_type="10k",
        start=today - dt.timedelta(days=21),
        end=today + dt.timedelta(days=42),
    )
    PlanSession.objects.create(
        plan=plan, date=today - dt.timedelta(days=2), kind="run", run_type="long", duration_min=80
    )
    PlanSession.objects.create(
        plan=plan, date=today + dt.timedelta(days=2), kind="run", run_type="easy", duration_min=40
    )
    SymptomLog.objects.create(
        athlete=athlete, day=today - dt.timedelta(days=3), calf_pain_left_after=2
    )
    return coach, athlete, plan, today


def _mark_page(page) -> None:  # type: ignore[no-untyped-def]
    """Leave a mark on the loaded document: a reload or a navigation would wipe it."""
    page.evaluate("window.__stillHere = true")


def _same_page(page) -> bool:  # type: ignore[no-untyped-def]
    return bool(page.evaluate("window.__stillHere === true"))


def test_coach_works_the_attention_queue_and_a_red_flag_pauses_the_plan(
    live_server, page, browser
) -> None:  # type: ignore[no-untyped-def]
    coach, athlete, plan, today = _runner_with_a_plan()
    base = live_server.url

    # The runner logs calf pain 5/10 after running today: up 3 points since the last check-in.
    runner = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    sign_in(runner, base, athlete.user.email)
    runner.goto(f"{base}/athletes/{athlete.pk}/symptoms/new/")
    runner.locator('input[name="calf_pain_left_after"][value="5"]').check(force=True)
    runner.get_by_role("button", name="Save").click()
    runner.wait_for_load_state()
    assert SymptomLog.objects.filter(athlete=athlete).count() == 2

    # The runner has the conversation with her coach open (it updates in place).
    runner.goto(f"{base}/messages/")
    runner.get_by_role("link", name="Maya Coach").click()
    runner.get_by_text("No messages yet").wait_for()
    _mark_page(runner)

    # The coach's home is the queue: both reasons for Nia, each with its words and evidence link.
    sign_in(page, base, coach.email)
    page.goto(f"{base}/")
    page.get_by_role("heading", name="Who needs you today").wait_for()
    row = page.locator(".queue-row", has_text="Nia Runner")
    row.get_by_role("link", name="Calf pain rising").wait_for()
    row.get_by_role("link", name="Missed long or quality run").wait_for()
    assert "up 3 points" in row.inner_text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1366, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(SHOTS / f"attention-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})

    # From her attention page the coach messages Nia; the message appears without a reload.
    row.get_by_role("link", name="Nia Runner").click()
    page.get_by_role("heading", name="What needs attention: Nia Runner").wait_for()
    attention_url = page.url
    page.get_by_role("link", name="Message Nia Runner").click()
    page.get_by_role("heading", name="Maya Coach and Nia Runner").wait_for()
    _mark_page(page)
    page.get_by_label("Message", exact=True).fill("Saw the pain going up. How is the calf today?")
    page.get_by_role("button", name="Send").click()
    page.locator(".msg", has_text="How is the calf today?").wait_for()
    assert _same_page(page) and page.get_by_label("Message", exact=True).input_value() == ""

    # Nia's open thread shows it within a few seconds, unreloaded; she replies the same way.
    runner.locator(".msg", has_text="How is the calf today?").wait_for(timeout=25_000)
    assert _same_page(runner)
    runner.get_by_label("Message", exact=True).fill("Sore after runs, fine by the morning.")
    runner.get_by_role("button", name="Send").click()
    runner.locator(".msg.mine", has_text="fine by the morning").wait_for()
    assert _same_page(runner)
    page.locator(".msg", has_text="fine by the morning").wait_for(timeout=25_000)
    page.locator(".msg.mine", has_text="How is the calf today?").get_by_text("read").wait_for(
        timeout=25_000
    )
    assert _same_page(page)
    assert list(Message.objects.order_by("pk").values_list("author_id", flat=True)) == [
        coach.pk,
        athlete.user_id,
    ]
    assert Message.objects.get(author=coach).read_at is not None  # Nia read it
    for width, height in ((1366, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(SHOTS / f"thread-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})

    # Snooze the pain (it reopens if it gets worse) and acknowledge the missed long run.
    page.goto(attention_url)
    page.get_by_role("heading", name="What needs attention: Nia Runner").wait_for()
    pain = Signal.objects.get(athlete=athlete, kind="pain_rising")
    missed = Signal.objects.get(athlete=athlete, kind="missed_key_session")
    block = page.locator(f"#signal-{pain.pk}")
    block.get_by_label("Snooze until").fill((today + dt.timedelta(days=3)).isoformat())
    block.get_by_label("Why").fill("Talked on the phone: easy days until Friday")
    block.get_by_role("button", name="Snooze").click()
    page.get_by_text("snoozed until").first.wait_for()
    block = page.locator(f"#signal-{missed.pk}")
    block.get_by_label("Note for the record").fill("Long run moved: she was travelling.")
    block.get_by_role("button", name="Acknowledge").click()
    page.get_by_text("acknowledged; the note is on").wait_for()
    pain.refresh_from_db()
    missed.refresh_from_db()
    assert pain.state == "snoozed" and pain.snooze_reason.startswith("Talked on the phone")
    assert missed.state == "acknowledged"
    assert AttentionNote.objects.get(athlete=athlete).text == "Long run moved: she was travelling."
    page.goto(f"{base}/coach/athletes/")
    row = page.locator(".queue-row", has_text="Nia Runner")
    assert row.get_by_role("link", name="Calf pain rising").count() == 0  # snoozed: not open
    assert "snoozed to" in row.inner_text()

    # A red flag in the intake pauses the plan and its feed and puts Nia first.
    token = rotate_feed_token(athlete=athlete, by=athlete.user)
    runner.goto(f"{base}/athletes/{athlete.pk}/intake/")
    runner.get_by_label("Chest pain").check()
    runner.get_by_role("button", name="Save intake").click()
    runner.get_by_text("seek urgent medical care").first.wait_for()
    assert "Your coach has been told" in runner.content()
    assert RedFlag.objects.get(athlete=athlete).is_open
    feed = icalendar.Calendar.from_ical(Client().get(f"/feeds/plan/{token.token}.ics").content)
    events = list(feed.walk("VEVENT"))
    assert events and {str(e["STATUS"]) for e in events} == {"CANCELLED"}
    assert all("Training paused" in str(e["DESCRIPTION"]) for e in events)
    page.goto(f"{base}/")
    first = page.locator(".queue-row").first
    assert "Nia Runner" in first.inner_text() and "Red flag" in first.inner_text()
    plan.refresh_from_db()
    assert plan.status == "active"
