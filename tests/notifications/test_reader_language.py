"""Words for a reader are in their language: the one they chose in Settings, else the site's;
a job that writes them does not borrow the language of whoever's request queued it."""

from __future__ import annotations

import pytest
from django.utils import translation

from tagalong.notifications.email import language_of, send_templated
from tests.factories import make_coach, make_invitation, make_user

pytestmark = pytest.mark.django_db


def test_the_language_is_the_readers_choice_else_the_sites():
    assert language_of(make_user(role="athlete", language="de")) == "de"
    assert language_of(make_user(role="athlete")) == "en-gb"  # blank: follows a browser
    assert language_of(make_coach(language="xx")) == "en-gb"  # not one we offer
    assert language_of(None) == "en-gb"


def _invitation_email(mailoutbox, **language: str) -> str:  # type: ignore[no-untyped-def]
    invitation = make_invitation(coach=make_coach())
    send_templated(
        template="invitation",
        to=[invitation.email],
        context={
            "invitation": invitation,
            "coach": invitation.coach,
            "practice": invitation.practice,
            "path": "/invite/x/",
        },
        **language,
    )
    return str(mailoutbox[-1].alternatives[0][0])


def test_an_email_for_a_german_reader_is_rendered_in_german_whatever_is_active(mailoutbox):
    with translation.override("en-gb"):
        html = _invitation_email(mailoutbox, language="de")
    assert '<html lang="de">' in html
    assert translation.get_language() != "de"  # the reader's language ends with the email
