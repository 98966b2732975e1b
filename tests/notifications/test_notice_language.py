"""An in-app notice is written in its recipient's language, whoever's request or job noticed
it; notices stored before that still show as they were written."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import translation

from tagalong.dataexport.deletion import confirm_deletion
from tagalong.dataexport.models import DeletionRequest
from tagalong.messaging.models import Thread
from tagalong.messaging.services import post_message
from tagalong.notifications.models import Notification
from tagalong.notifications.services import notify, notify_all
from tagalong.wording import Phrase
from tests.factories import World, make_coach, make_user
from tests.web.test_phrases import german

pytestmark = pytest.mark.django_db


def _signed_in(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_a_phrase_is_stored_in_the_recipients_language_and_shown_so(
    monkeypatch, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    german(monkeypatch, {"{km:.1f} km to go": "noch {km:.1f} km"})
    runner = make_user(role="athlete", language="de")
    with translation.override("en-gb"), django_capture_on_commit_callbacks(execute=True):
        notify(runner, kind="x", title=Phrase("{km:.1f} km to go", km=12.5))
    assert Notification.objects.get(user=runner).title == "noch 12,5 km"
    client = _signed_in(runner)
    assert "noch 12,5 km" in client.get("/notifications/").content.decode()
    assert [n["title"] for n in client.get("/api/notifications").json()] == ["noch 12,5 km"]


def test_each_recipient_reads_the_same_notice_in_their_own_language(
    monkeypatch, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    german(monkeypatch, {"A change to review": "Eine Änderung zum Prüfen"})
    german_coach, english_coach = make_coach(language="de"), make_coach(language="en-gb")
    with translation.override("de"), django_capture_on_commit_callbacks(execute=True):
        notify_all([german_coach, english_coach], kind="x", title=Phrase("A change to review"))
    assert Notification.objects.get(user=german_coach).title == "Eine Änderung zum Prüfen"
    assert Notification.objects.get(user=english_coach).title == "A change to review"


def test_a_notice_stored_before_keeps_its_words() -> None:
    runner = make_user(role="athlete", language="de")
    Notification.objects.create(user=runner, kind="x", title="Your plan changed: calf pain")
    page = _signed_in(runner).get("/notifications/").content.decode()
    assert "Your plan changed: calf pain" in page


def test_a_new_message_is_announced_in_the_readers_language(
    world: World, monkeypatch, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    german(monkeypatch, {"New message from {name}": "Neue Nachricht von {name}"})
    world.coach_a.language = "de"
    world.coach_a.save(update_fields=["language"])
    thread = Thread.objects.get(athlete=world.athlete_a, coach=world.coach_a)
    runner = world.athlete_a.user
    with translation.override("en-gb"), django_capture_on_commit_callbacks(execute=True):
        post_message(thread=thread, author=runner, text="Calf is fine today.")
    notice = Notification.objects.get(user=world.coach_a, kind="message")
    assert notice.title == f"Neue Nachricht von {runner.full_name}"


def test_the_deletion_date_is_written_the_readers_way(
    monkeypatch, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    german(
        monkeypatch,
        {
            "Your account will be deleted on {day:%d %B %Y}": (
                "Dein Konto wird am {day:%-d. %B %Y} gelöscht"
            ),
            "Until then you can cancel in Settings.": (
                "Bis dahin kannst du das in den Einstellungen abbrechen."
            ),
        },
    )
    runner = make_user(role="athlete", language="de")
    request = DeletionRequest.objects.create(
        user=runner, user_ref=runner.pk, role=runner.role, requested_at=dt.datetime.now(dt.UTC)
    )
    now = dt.datetime(2026, 12, 3, 12, tzinfo=dt.UTC)
    with translation.override("en-gb"), django_capture_on_commit_callbacks(execute=True):
        confirm_deletion(request=request, now=now)
    notice = Notification.objects.get(user=runner, kind="account_deletion")
    assert notice.title == "Dein Konto wird am 17. Dezember 2026 gelöscht"  # 14 days' grace
    assert notice.body == "Bis dahin kannst du das in den Einstellungen abbrechen."
