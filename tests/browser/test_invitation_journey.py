"""Journey 1: a coach invites a runner by email; the runner signs up from the link."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from tests.factories import PASSWORD, make_coach

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, base_url: str, email: str, password: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_coach_invites_and_runner_signs_up_from_the_link(live_server, page, browser) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach(name="Maya Coach")
    sign_in(page, live_server.url, coach.email, PASSWORD)
    page.get_by_role("link", name="Invite").first.click()
    page.get_by_label("Email").fill("new.runner@example.org")
    page.get_by_label("Message").fill("Looking forward to it!")
    page.get_by_role("button", name="Send invitation").click()
    page.get_by_text("Invitation sent to new.runner@example.org").wait_for()

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/invite/\S+/", mail.outbox[0].body)
    assert link is not None
    path = "/invite/" + link.group(0).split("/invite/", 1)[1]

    runner = browser.new_context().new_page()
    runner.goto(f"{live_server.url}{path}")
    runner.get_by_role("heading", name="Train with Maya Coach").wait_for()
    runner.get_by_label("Your name").fill("Nia Runner")
    runner.get_by_label("Password").fill("a-strong-runner-password")
    runner.get_by_label("Time zone").select_option("Europe/London")
    runner.get_by_role("button", name="Create my account").click()
    runner.get_by_role("heading", name="Hello Nia").wait_for()
    assert runner.get_by_text("You are now linked with Maya Coach.").is_visible()
    assert runner.get_by_text("Maya Coach").first.is_visible()

    page.goto(f"{live_server.url}/coach/athletes/?show=all")  # the queue is the default view
    page.get_by_role("link", name="Nia Runner").wait_for()
