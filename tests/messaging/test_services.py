from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tagalong.audit.models import AuditEntry
from tagalong.errors import DomainError
from tagalong.messaging.files import check_file
from tagalong.messaging.models import Attachment, CoachNote, Folder, Message, Thread, ThreadState
from tagalong.messaging.services import (
    UPLOADS_PER_HOUR,
    add_note,
    file_thread,
    mark_read,
    open_thread,
    post_linked_comment,
    post_message,
    save_reply,
)
from tagalong.notifications.models import Notification
from tests.factories import World, make_athlete, make_coach
from tests.messaging.conftest import PNG

pytestmark = pytest.mark.django_db(transaction=False)


def test_every_new_coaching_link_has_its_thread(world: World) -> None:
    thread = Thread.objects.get(athlete=world.athlete_a, coach=world.coach_a)
    assert set(ThreadState.objects.filter(thread=thread).values_list("user_id", flat=True)) == {
        world.coach_a.pk,
        world.athlete_a.user_id,
    }
    assert open_thread(coach=world.coach_a, athlete=world.athlete_a) == thread


def test_a_coach_cannot_open_a_thread_with_a_runner_they_do_not_coach(world: World) -> None:
    with pytest.raises(DomainError, match="is not coached by Colleague"):
        open_thread(coach=world.colleague, athlete=world.athlete_a)


def test_posting_notifies_the_other_side_and_brings_a_filed_thread_back(
    world: World, thread: Thread, django_capture_on_commit_callbacks
) -> None:
    file_thread(thread=thread, user=world.athlete_a.user, folder=Folder.DONE)
    with django_capture_on_commit_callbacks(execute=True):
        post_message(thread=thread, author=world.coach_a, text="  How did the long run go?  ")
    message = Message.objects.get(thread=thread)
    assert message.text == "How did the long run go?"
    state = ThreadState.objects.get(thread=thread, user=world.athlete_a.user)
    assert state.folder == Folder.INBOX
    note = Notification.objects.get(user=world.athlete_a.user)
    assert note.url == f"/messages/{thread.pk}/" and "Coach A" in note.title


def test_empty_and_oversize_messages_are_refused_clearly(world: World, thread: Thread) -> None:
    with pytest.raises(DomainError, match="Write a message or attach a file first"):
        post_message(thread=thread, author=world.coach_a, text="   ")
    with pytest.raises(DomainError, match=r"under 5,000 characters \(it has 5,001\)"):
        post_message(thread=thread, author=world.coach_a, text="x" * 5001)
    assert not Message.objects.exists()


def test_no_new_messages_once_the_link_has_ended(world: World, thread: Thread) -> None:
    world.athlete_a.links.update(ended_at=timezone.now())
    with pytest.raises(DomainError, match="no longer linked"):
        post_message(thread=thread, author=world.athlete_a.user, text="Hello?")


def test_files_are_stored_with_the_message(world: World, thread: Thread) -> None:
    message = post_message(
        thread=thread, author=world.athlete_a.user, text="", files=[check_file("calf.png", PNG)]
    )
    stored = Attachment.objects.get(message=message)
    assert stored.content_type == "image/png" and stored.size == len(PNG)
    assert stored.file.read() == PNG


def test_uploads_are_rate_limited_per_person(world: World, thread: Thread) -> None:
    png = check_file("calf.png", PNG)
    for _ in range(UPLOADS_PER_HOUR // 5):
        post_message(thread=thread, author=world.athlete_a.user, text="", files=[png] * 5)
    with pytest.raises(DomainError, match=f"the limit is {UPLOADS_PER_HOUR}") as raised:
        post_message(thread=thread, author=world.athlete_a.user, text="", files=[png])
    assert raised.value.code == "rate_limited"
    later = timezone.now() + timedelta(hours=1, minutes=1)
    post_message(thread=thread, author=world.athlete_a.user, text="", files=[png], now=later)


def test_reading_marks_only_messages_written_to_the_reader(world: World, thread: Thread) -> None:
    post_message(thread=thread, author=world.coach_a, text="One")
    post_message(thread=thread, author=world.athlete_a.user, text="Two")
    assert mark_read(thread=thread, user=world.colleague) == 0  # a colleague looking in
    assert mark_read(thread=thread, user=world.athlete_a.user) == 1
    assert Message.objects.get(text="One").read_at is not None
    assert Message.objects.get(text="Two").read_at is None


def test_filing_into_an_unknown_folder_is_refused(world: World, thread: Thread) -> None:
    with pytest.raises(DomainError, match="inbox, later, done"):
        file_thread(thread=thread, user=world.coach_a, folder="archive")


def test_coach_notes_are_kept_apart_and_audited(world: World, thread: Thread) -> None:
    note = add_note(thread=thread, author=world.coach_a, text="Left calf: watch it.")
    assert not Message.objects.exists()
    assert CoachNote.objects.get() == note
    assert AuditEntry.objects.filter(action="messaging.note_added").count() == 1
    with pytest.raises(DomainError, match="Write the note first"):
        add_note(thread=thread, author=world.coach_a, text="")


def test_saved_replies_need_a_title_and_a_text(world: World) -> None:
    with pytest.raises(DomainError, match="short title") as raised:
        save_reply(coach=world.coach_a, title=" ", text="Hi")
    assert raised.value.field == "title"
    assert save_reply(coach=world.coach_a, title="Hi", text="Hello there").title == "Hi"


def test_an_athlete_comment_reaches_every_current_coach_with_a_link_back(world: World) -> None:
    second = make_coach(name="Second Coach")
    from tests.factories import link_athlete

    link_athlete(world.athlete_a, second)
    copies = post_linked_comment(
        author=world.athlete_a.user,
        athlete=world.athlete_a,
        text="Calf felt tight.",
        subject_kind="symptom_log",
        subject_url="/athletes/1/symptoms/",
        subject_label="Symptom log, 2 Mar",
    )
    assert {m.thread.coach_id for m in copies} == {world.coach_a.pk, second.pk}
    assert all(m.subject_label == "Symptom log, 2 Mar" for m in copies)


def test_a_coach_comment_goes_only_to_their_own_thread(world: World) -> None:
    runner = make_athlete(coach=world.colleague)
    assert (
        post_linked_comment(
            author=world.coach_a,
            athlete=runner,
            text="Looks fine.",
            subject_kind="activity",
            subject_url="/x/",
            subject_label="Run",
        )
        == []
    )
