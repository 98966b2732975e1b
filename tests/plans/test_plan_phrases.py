"""The plan page says the generator's reasons and the adaptation's changes in the reader's
language, with German dates and numbers (the catalogue is stood in for, as in
tests/web/test_phrases.py, so the test does not wait for the merged .po)."""

from __future__ import annotations

import re

from django.urls import reverse
from django.utils import dateformat, translation

from tagalong.plans.selectors.lookups import athlete_today
from tests.factories import World
from tests.plans.test_proposal_pages import plan_with_proposal
from tests.web.test_phrases import german

GERMAN = {
    "Pain {score}/10 during running ({calf}): above 5/10 is too much.": (
        "Schmerz {score}/10 beim Laufen ({calf}): über 5/10 ist zu viel."
    ),
    "{side} calf on {day:%a %-d %b}": "{side} Wade am {day:%a %-d. %b}",
    "left": "linke",
    "Easy, conversational running: at least 80 % of each week's running is easy.": (
        "Locker, im Plaudertempo: mindestens 80 % deines Laufens pro Woche sind locker."
    ),
    "{count} runs, {minutes:.0f} min, about {km:.0f} km; longest {longest:.1f} km.": (
        "{count} Läufe, {minutes:.0f} min, etwa {km:.0f} km; der längste {longest:.1f} km."
    ),
}


def test_the_plan_page_in_german_says_the_reasons_in_german(
    world: World,
    client_for,  # type: ignore[no-untyped-def]
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    plan, _proposal = plan_with_proposal(world)
    german(monkeypatch, GERMAN)
    world.coach_a.language = "de"
    world.coach_a.save()
    url = reverse("plans:detail", kwargs={"athlete_id": plan.athlete_id, "plan_id": plan.pk})
    page = client_for(world.coach_a).get(url).content.decode()
    with translation.override("de"):
        day = dateformat.format(athlete_today(world.athlete_a), "D j. M")
    assert f"Schmerz 7/10 beim Laufen (linke Wade am {day}): über 5/10 ist zu viel." in page
    assert "Locker, im Plaudertempo" in page and "Easy, conversational running" not in page


def test_the_same_page_in_english_is_as_the_generator_wrote_it(
    world: World,
    client_for,  # type: ignore[no-untyped-def]
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    plan, _proposal = plan_with_proposal(world)
    german(monkeypatch, GERMAN)
    url = reverse("plans:detail", kwargs={"athlete_id": plan.athlete_id, "plan_id": plan.pk})
    page = client_for(world.coach_a).get(url).content.decode()
    assert "Pain 7/10 during running (left calf on" in page
    assert "Easy, conversational running" in page and "Schmerz" not in page


def test_a_proposed_change_in_german_has_german_numbers(
    world: World,
    client_for,  # type: ignore[no-untyped-def]
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    plan, proposal = plan_with_proposal(world)
    german(monkeypatch, {"long run": "langer Lauf", "easy run": "lockerer Lauf"})
    world.coach_a.language = "de"
    world.coach_a.save()
    url = reverse("plans:detail", kwargs={"athlete_id": plan.athlete_id, "plan_id": plan.pk})
    page = client_for(world.coach_a).get(url).content.decode()
    english = [c["text"] for c in proposal.changes if " km" in c["text"]]
    assert english and re.search(r"\d+\.\d → \d+\.\d km", english[0])
    assert re.search(r"(langer|lockerer) Lauf: [^<]*\d+,\d → \d+,\d km", page)
