"""Linking exercises to a session note: a search box and ticks instead of a ctrl-click list, and
the choice saves through the same form field (the select stays in the form, hidden)."""

from __future__ import annotations

import pytest

from tagalong.bookings.models import SessionNote
from tagalong.bookings.services import book
from tests.bookings.helpers import NOW, group_class
from tests.browser.test_calf_check_journey import sign_in
from tests.factories import make_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coach_finds_exercises_by_typing_and_ticks_them(live_server, page):  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    world = make_world()
    session = group_class(world.coach_a)
    book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    sign_in(page, live_server.url, world.coach_a.email)
    page.goto(f"{live_server.url}/sessions/{session.pk}/")
    notes = page.locator("details", has_text="Notes and advice").first
    if not notes.get_attribute("open"):
        notes.locator("summary").click()

    search = page.get_by_label("Exercises to link")
    expect(search).to_have_attribute("type", "search")  # the picker took the select's label
    expect(page.locator("select[name=exercise_slugs]")).to_be_hidden()
    search.fill("bent knee")
    options = page.locator(".picker-list li:visible")
    assert 0 < options.count() < page.locator(".picker-list li").count()
    assert all("bent" in t.lower() for t in options.all_inner_texts())
    options.first.get_by_role("checkbox").check()
    chosen = options.first.inner_text().split("·")[0].strip()
    expect(page.locator(".picker-count")).to_contain_text(f"1 chosen: {chosen}")
    search.press("Enter")  # filters; does not send the form
    search.fill("")

    page.get_by_role("button", name="Save notes").click()
    page.get_by_text("Saved").wait_for()
    note = SessionNote.objects.get(session=session, athlete=world.athlete_a)
    assert len(note.exercise_slugs) == 1
    # After the save (an htmx swap) the picker is back, with the choice ticked.
    expect(page.get_by_label("Exercises to link")).to_have_attribute("type", "search")
    expect(page.locator(".picker-list input:checked")).to_have_count(1)
