"""Emails are written in the language each recipient chose in Settings."""

from __future__ import annotations

import pytest
from django.core import mail

from tagalong.notifications.email import send_templated
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db


def _remind(to: list[str], athlete: object) -> None:
    send_templated(
        template="retest_reminder",
        to=to,
        context={"athlete": athlete, "last": "1 November", "path": "/me/tests/"},
    )


def test_a_runner_who_reads_german_gets_the_email_in_german() -> None:
    athlete = make_athlete()
    athlete.user.language = "de"
    athlete.user.save(update_fields=["language"])
    _remind([athlete.user.email], athlete)
    (message,) = mail.outbox
    assert message.subject == "Zeit, deine Wadentests zu wiederholen"
    assert "Heimtests öffnen" in message.alternatives[0][0]


def test_recipients_of_two_languages_get_one_message_each() -> None:
    german, english = make_athlete(), make_athlete()
    german.user.language = "de"
    german.user.save(update_fields=["language"])
    _remind([german.user.email, english.user.email, "someone@else.example"], german)
    by_subject = {message.subject: message.to for message in mail.outbox}
    assert by_subject == {
        "Zeit, deine Wadentests zu wiederholen": [german.user.email],
        "Time to repeat your calf tests": [english.user.email, "someone@else.example"],
    }


def test_the_language_can_be_named_for_an_address_we_do_not_know() -> None:
    send_templated(
        template="retest_reminder",
        to=["friend@example.org"],
        context={"athlete": make_athlete(), "last": "1 November", "path": "/"},
        language="de",
    )
    assert mail.outbox[0].subject == "Zeit, deine Wadentests zu wiederholen"
