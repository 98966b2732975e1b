from __future__ import annotations

import pytest

from tagalong.bookings.services import book, save_note
from tagalong.errors import DomainError
from tests.bookings.helpers import NOW, group_class

pytestmark = pytest.mark.django_db


def test_shared_advice_appears_on_the_runners_record(world, client):
    session = group_class(world.coach_a)
    book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    save_note(
        session=session,
        athlete=world.athlete_a,
        by=world.coach_a,
        private_note="Watch the left heel.",
        shared_advice="Three sets of slow heel raises daily.",
        exercise_slugs=["double-leg-heel-raise"],
    )
    client.force_login(world.athlete_a.user)
    page = client.get(f"/athletes/{world.athlete_a.pk}/").content.decode()
    assert "Three sets of slow heel raises daily." in page
    assert "Watch the left heel." not in page


def test_note_with_unknown_exercise_is_refused(world):
    session = group_class(world.coach_a)
    book(athlete=world.athlete_a, session_or_slot=session, now=NOW)
    with pytest.raises(DomainError, match="Unknown exercises: moon-jumps"):
        save_note(
            session=session,
            athlete=world.athlete_a,
            by=world.coach_a,
            exercise_slugs=["moon-jumps"],
        )


def test_note_for_a_runner_who_did_not_book_is_refused(world):
    session = group_class(world.coach_a)
    with pytest.raises(DomainError, match="did not book"):
        save_note(session=session, athlete=world.athlete_a, by=world.coach_a, shared_advice="Hi")
