"""An invitation to someone without an account goes out in the inviting coach's language; a
person who has an account reads it in the language they chose."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import translation

from tagalong.notifications.tasks import send_invitation_email
from tests.factories import make_coach, make_invitation, make_user

pytestmark = pytest.mark.django_db


def _invitation_subject(coach: object, email: str = "new.runner@example.org") -> str:
    invitation = make_invitation(coach=coach, email=email)  # type: ignore[arg-type]
    with translation.override("en-gb"):  # the site's language, as in a job
        assert send_invitation_email.call(invitation.pk) == "sent"
    return str(mail.outbox[-1].subject)


def test_a_german_coachs_invitation_to_a_stranger_is_in_german() -> None:
    coach = make_coach(language="de", name="Jana Berg")
    assert (
        _invitation_subject(coach)
        == "Jana Berg lädt dich ein, gemeinsam auf Tagalong zu trainieren"
    )
    html = str(mail.outbox[-1].alternatives[0][0])
    assert '<html lang="de">' in html


def test_a_coach_without_a_chosen_language_invites_in_the_sites() -> None:
    coach = make_coach(name="Sam Hill")
    assert _invitation_subject(coach) == "Sam Hill invites you to train together on Tagalong"


def test_someone_with_an_account_reads_it_in_their_own_language() -> None:
    make_user(role="athlete", email="known@example.org", language="en-gb")
    coach = make_coach(language="de", name="Jana Berg")
    subject = _invitation_subject(coach, email="known@example.org")
    assert subject == "Jana Berg invites you to train together on Tagalong"
