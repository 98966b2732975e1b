"""Writes for conversations: the only way to open a thread, post, read, file, note or save."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile, CoachingLink
from tagalong.audit.services import record
from tagalong.errors import DomainError
from tagalong.messaging.files import MAX_FILES_PER_MESSAGE, CheckedFile
from tagalong.messaging.models import (
    Attachment,
    CoachNote,
    Folder,
    Message,
    SavedReply,
    Thread,
    ThreadState,
)
from tagalong.notifications.services import notify
from tagalong.wording import Phrase, phrase_json

MAX_TEXT = 5000
MAX_NOTE = 5000
UPLOADS_PER_HOUR = 20
SUBJECT_KINDS = ("plan_session", "symptom_log", "activity", "calf_check")


def clean_text(text: str, *, limit: int = MAX_TEXT, what: str = "message") -> str:
    text = (text or "").strip()
    if len(text) > limit:
        raise DomainError(
            gettext("Keep the %(what)s under %(limit)s characters (it has %(text)s).")
            % {"what": what, "limit": f"{limit:,}", "text": f"{len(text):,}"},
            field="text",
        )
    return text


@transaction.atomic
def open_thread(*, coach: User, athlete: AthleteProfile) -> Thread:
    """The thread between a coach and an athlete they coach now; opened on first use."""
    link = CoachingLink.objects.active().filter(coach=coach, athlete=athlete).first()
    if link is None:
        raise DomainError(
            gettext("%(name)s is not coached by %(coach)s, so there is no conversation to open.")
            % {"name": athlete.name, "coach": coach},
            field="athlete_id",
        )
    return thread_for_link(link)


def thread_for_link(link: CoachingLink) -> Thread:
    thread, created = Thread.objects.get_or_create(
        athlete_id=link.athlete_id, coach_id=link.coach_id, defaults={"practice": link.practice}
    )
    if created:
        ThreadState.objects.bulk_create(
            [
                ThreadState(thread=thread, user_id=link.coach_id),
                ThreadState(thread=thread, user_id=link.athlete.user_id),
            ],
            ignore_conflicts=True,
        )
    return thread


def _require_open(thread: Thread) -> None:
    open_link = thread.athlete_id is not None and (
        CoachingLink.objects.active()
        .filter(coach_id=thread.coach_id, athlete_id=thread.athlete_id)
        .exists()
    )
    if not open_link:
        raise DomainError(
            gettext(
                "%(athlete_name)s and %(coach_name)s are no longer linked; "
                "this conversation is closed to new messages."
            )
            % {"athlete_name": thread.athlete_name, "coach_name": thread.coach_name},
            field="thread",
        )


def _check_rate(user: User, count: int, now: datetime) -> None:
    recent = Attachment.objects.filter(
        uploaded_by=user, created_at__gte=now - timedelta(hours=1)
    ).count()
    if recent + count > UPLOADS_PER_HOUR:
        raise DomainError(
            gettext(
                "You have sent %(recent)s files in the last hour; the limit "
                "is %(uploads_per_hour)s. Try again later or send a link "
                "instead."
            )
            % {"recent": recent, "uploads_per_hour": UPLOADS_PER_HOUR},
            field="files",
            code="rate_limited",
        )


@transaction.atomic
def post_message(
    *,
    thread: Thread,
    author: User,
    text: str,
    files: Sequence[CheckedFile] = (),
    now: datetime | None = None,
    subject: tuple[str, str, str] | None = None,
) -> Message:
    """Post into a thread the author may write in. ``files`` are already checked
    (``files.check_file``); ``subject`` is (kind, url, label) for a comment made elsewhere."""
    now = now or timezone.now()
    text = clean_text(text)
    if not text and not files:
        raise DomainError(gettext("Write a message or attach a file first."), field="text")
    if len(files) > MAX_FILES_PER_MESSAGE:
        raise DomainError(
            gettext("Attach at most %(max_files_per_message)s files to one message.")
            % {"max_files_per_message": MAX_FILES_PER_MESSAGE},
            field="files",
        )
    _require_open(thread)
    if files:
        _check_rate(author, len(files), now)
    kind, url, label = subject or ("", "", "")
    message = Message.objects.create(
        thread=thread,
        author=author,
        text=text,
        created_at=now,
        subject_kind=kind,
        subject_url=url[:300],
        subject_label=label[:200],
        subject_phrase=phrase_json(label),
    )
    for checked in files:
        attachment = Attachment(
            message=message,
            uploaded_by=author,
            name=checked.name,
            content_type=checked.content_type,
            size=len(checked.content),
            created_at=now,
        )
        attachment.file.save(checked.name, ContentFile(checked.content), save=False)
        attachment.save()
    Thread.objects.filter(pk=thread.pk).update(last_message_at=now)
    _after_post(thread, author, message, now)
    return message


def _after_post(thread: Thread, author: User, message: Message, now: datetime) -> None:
    ThreadState.objects.filter(thread=thread, user=author).update(last_read_at=now)
    recipient = thread.other_party(author)
    if recipient is None:
        return
    state, _ = ThreadState.objects.get_or_create(thread=thread, user=recipient)
    if state.folder != Folder.INBOX:
        state.folder = Folder.INBOX  # a new message brings a filed thread back
        state.save(update_fields=["folder"])
    notify(
        recipient,
        kind="message",
        title=Phrase("New message from {name}", name=str(author)),
        body=message.text[:200],
        url=f"/messages/{thread.pk}/",
    )


@transaction.atomic
def mark_read(*, thread: Thread, user: User, now: datetime | None = None) -> int:
    """The user has seen the thread. Messages count as read only when the person they were
    written to opens them; a colleague looking in does not."""
    now = now or timezone.now()
    ThreadState.objects.update_or_create(thread=thread, user=user, defaults={"last_read_at": now})
    is_party = user.pk == thread.coach_id or (
        thread.athlete is not None and thread.athlete.user_id == user.pk
    )
    if not is_party:
        return 0
    return (
        Message.objects.filter(thread=thread, read_at__isnull=True)
        .exclude(Q(author=user) | Q(author__isnull=True))
        .update(read_at=now)
    )


@transaction.atomic
def file_thread(*, thread: Thread, user: User, folder: str) -> ThreadState:
    if folder not in Folder.values:
        raise DomainError(
            gettext("Choose where to put the conversation: %(items)s.")
            % {"items": ", ".join(Folder.values)},
            field="folder",
        )
    state, _ = ThreadState.objects.update_or_create(
        thread=thread, user=user, defaults={"folder": folder}
    )
    return state


@transaction.atomic
def add_note(*, thread: Thread, author: User, text: str) -> CoachNote:
    text = clean_text(text, limit=MAX_NOTE, what="note")
    if not text:
        raise DomainError(gettext("Write the note first."), field="text")
    note = CoachNote.objects.create(thread=thread, author=author, text=text)
    record(actor=author, action="messaging.note_added", target=note, athlete_id=thread.athlete_id)
    return note


@transaction.atomic
def save_reply(*, coach: User, title: str, text: str) -> SavedReply:
    title = (title or "").strip()
    if not title:
        raise DomainError(gettext("Give the saved reply a short title."), field="title")
    if len(title) > 80:
        raise DomainError(gettext("Keep the title under 80 characters."), field="title")
    text = clean_text(text, what="saved reply")
    if not text:
        raise DomainError(gettext("Write the reply's text."), field="text")
    return SavedReply.objects.create(coach=coach, title=title, text=text)


@transaction.atomic
def delete_reply(*, reply: SavedReply) -> None:
    reply.delete()


def post_linked_comment(
    *,
    author: User,
    athlete: AthleteProfile,
    text: str,
    subject_kind: str,
    subject_url: str,
    subject_label: str,
) -> list[Message]:
    """A comment on a plan session, a symptom log, an activity or a calf check, copied into
    the conversation with a link back. A coach's goes to their own thread with the athlete;
    an athlete's to the thread with each coach they have now. Nothing when there is none."""
    if subject_kind not in SUBJECT_KINDS:
        raise ValueError(f"unknown subject kind {subject_kind!r}")
    links = CoachingLink.objects.active().filter(athlete=athlete).select_related("athlete")
    if author.pk != athlete.user_id:
        links = links.filter(coach=author)
    return [
        post_message(
            thread=thread_for_link(link),
            author=author,
            text=text,
            subject=(subject_kind, subject_url, subject_label),
        )
        for link in links
    ]


def send_bulk(
    *, coach: User, athletes: Sequence[AthleteProfile], subject: str, message: str
) -> int:
    """The roster's bulk message, posted into each athlete's conversation with this coach
    (the caller has checked the coach may write to every one). Returns how many were sent."""
    text = clean_text(f"{subject}\n\n{message}")
    for athlete in athletes:
        post_message(thread=open_thread(coach=coach, athlete=athlete), author=coach, text=text)
    return len(athletes)
