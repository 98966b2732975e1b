"""Messages API: threads, their messages and files, read state, filing, notes, saved replies."""

from datetime import datetime
from typing import Literal

from django.http import Http404, HttpRequest
from django.utils.translation import gettext
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from tagalong.access import rules
from tagalong.access.policy import Access, access_to_thread, athlete_for, require_coach, thread_for
from tagalong.accounts.models import User
from tagalong.api.schemas import ERRORS
from tagalong.errors import DomainError
from tagalong.messaging import comments, selectors, services
from tagalong.messaging.models import CoachNote, Message, SavedReply, Thread
from tagalong.messaging.uploads import checked_uploads

router = Router(tags=["messages"])


class ThreadSummaryOut(Schema):
    id: int
    athlete_id: int | None
    athlete_name: str
    coach_id: int | None
    coach_name: str
    folder: str
    unread: int
    last_text: str
    last_message_at: datetime | None


class ThreadOpenIn(Schema):
    athlete_id: int = Field(description="a runner you coach now")


class ThreadOpenOut(Schema):
    id: int
    athlete_name: str
    coach_name: str


class AttachmentOut(Schema):
    id: int
    name: str
    content_type: str
    size: int
    url: str


class MessageOut(Schema):
    id: int
    author_id: int | None
    author_name: str
    text: str
    created_at: datetime
    read_at: datetime | None
    subject_kind: str
    subject_url: str
    subject_label: str
    attachments: list[AttachmentOut]


class ThreadDetailOut(Schema):
    id: int
    athlete_name: str
    coach_name: str
    can_write: bool
    messages: list[MessageOut]


class MessageIn(Schema):
    text: str = Field(max_length=20000, description=f"up to {services.MAX_TEXT:,} characters")


class ReadOut(Schema):
    marked: int


class FolderIn(Schema):
    folder: str = Field(description="inbox, later or done")


class FolderOut(Schema):
    thread_id: int
    folder: str


class NoteIn(Schema):
    text: str = Field(max_length=20000)


class NoteOut(Schema):
    id: int
    author_name: str
    text: str
    created_at: datetime


class SavedReplyIn(Schema):
    title: str = Field(max_length=200)
    text: str = Field(max_length=20000)


class SavedReplyOut(Schema):
    id: int
    title: str
    text: str


class DeletedOut(Schema):
    deleted: int


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _message_out(message: Message) -> MessageOut:
    return MessageOut(
        id=message.pk,
        author_id=message.author_id,
        author_name=message.author_name,
        text="" if message.removed else message.text,
        created_at=message.created_at,
        read_at=message.read_at,
        subject_kind=message.subject_kind,
        subject_url=message.subject_url,
        subject_label=str(message.subject),
        attachments=[
            AttachmentOut(
                id=a.pk,
                name=a.name,
                content_type=a.content_type,
                size=a.size,
                url=f"/messages/files/{a.pk}/",
            )
            for a in message.attachments.all()
        ],
    )


def _note_out(note: CoachNote) -> NoteOut:
    return NoteOut(
        id=note.pk, author_name=note.author_name, text=note.text, created_at=note.created_at
    )


@router.get("/threads", response={200: list[ThreadSummaryOut], **ERRORS})
@rules.signed_in
def list_threads(request: HttpRequest, folder: str = "inbox") -> list[ThreadSummaryOut]:
    if folder not in selectors.FOLDERS:
        folder = "inbox"
    return [
        ThreadSummaryOut(
            id=row.thread.pk,
            athlete_id=row.thread.athlete_id,
            athlete_name=row.thread.athlete_name,
            coach_id=row.thread.coach_id,
            coach_name=row.thread.coach_name,
            folder=row.folder,
            unread=row.unread,
            last_text=row.last_text,
            last_message_at=row.thread.last_message_at,
        )
        for row in selectors.inbox(_user(request), folder=folder)
    ]


@router.post("/threads", response={200: ThreadOpenOut, **ERRORS})
@rules.coach
def open_thread(request: HttpRequest, payload: ThreadOpenIn) -> ThreadOpenOut:
    athlete = athlete_for(request.user, payload.athlete_id)
    thread = services.open_thread(coach=_user(request), athlete=athlete)
    return ThreadOpenOut(
        id=thread.pk, athlete_name=thread.athlete_name, coach_name=thread.coach_name
    )


@router.get("/threads/{thread_id}", response={200: ThreadDetailOut, **ERRORS})
@rules.signed_in
def get_thread(request: HttpRequest, thread_id: int) -> ThreadDetailOut:
    thread = thread_for(request.user, thread_id)
    return ThreadDetailOut(
        id=thread.pk,
        athlete_name=thread.athlete_name,
        coach_name=thread.coach_name,
        can_write=access_to_thread(request.user, thread) is Access.WRITE,
        messages=[_message_out(m) for m in selectors.messages_of(thread)],
    )


@router.post("/threads/{thread_id}/messages", response={201: MessageOut, **ERRORS})
@rules.signed_in
def post_message(request: HttpRequest, thread_id: int, payload: MessageIn) -> Status:
    thread = thread_for(request.user, thread_id, write=True)
    message = services.post_message(thread=thread, author=_user(request), text=payload.text)
    return Status(201, _message_out(message))


@router.post(
    "/athletes/{athlete_id}/comments/{kind}/{subject_id}",
    response={201: list[MessageOut], **ERRORS},
    summary="Comment on a symptom log, an activity or a calf check (it goes into the "
    "conversation with a link back)",
)
@rules.athlete_scoped
def post_comment(
    request: HttpRequest,
    athlete_id: int,
    kind: Literal["symptom_log", "activity", "calf_check"],
    subject_id: int,
    payload: MessageIn,
) -> Status:
    athlete = athlete_for(request.user, athlete_id, write=True)
    subject = comments.subject_of(athlete, kind, subject_id)
    sent = comments.comment_on(
        author=_user(request), athlete=athlete, subject=subject, text=payload.text
    )
    return Status(201, [_message_out(m) for m in sent])


@router.post(
    "/threads/{thread_id}/attachments",
    response={201: MessageOut, **ERRORS},
    summary="Send photos or PDFs (multipart: files, and optional text)",
)
@rules.signed_in
def post_attachments(
    request: HttpRequest,
    thread_id: int,
    text: Form[str] = "",
    files: File[list[UploadedFile]] = None,
) -> Status:
    thread = thread_for(request.user, thread_id, write=True)
    checked = checked_uploads(list(files or []))
    if not checked:
        raise DomainError(gettext("Attach a photo or a PDF (field: files)."), field="files")
    message = services.post_message(thread=thread, author=_user(request), text=text, files=checked)
    return Status(201, _message_out(message))


@router.post("/threads/{thread_id}/read", response={200: ReadOut, **ERRORS})
@rules.signed_in
def read_thread(request: HttpRequest, thread_id: int) -> ReadOut:
    thread = thread_for(request.user, thread_id)
    return ReadOut(marked=services.mark_read(thread=thread, user=_user(request)))


@router.post("/threads/{thread_id}/state", response={200: FolderOut, **ERRORS})
@rules.signed_in
def file_thread(request: HttpRequest, thread_id: int, payload: FolderIn) -> FolderOut:
    thread = thread_for(request.user, thread_id)
    state = services.file_thread(thread=thread, user=_user(request), folder=payload.folder)
    return FolderOut(thread_id=thread.pk, folder=state.folder)


def _coach_thread(request: HttpRequest, thread_id: int, *, write: bool = False) -> Thread:
    require_coach(request.user)
    return thread_for(request.user, thread_id, write=write)


@router.get("/threads/{thread_id}/notes", response={200: list[NoteOut], **ERRORS})
@rules.signed_in
def list_notes(request: HttpRequest, thread_id: int) -> list[NoteOut]:
    thread = _coach_thread(request, thread_id)
    return [_note_out(n) for n in selectors.notes_of(thread)]


@router.post("/threads/{thread_id}/notes", response={201: NoteOut, **ERRORS})
@rules.signed_in
def add_note(request: HttpRequest, thread_id: int, payload: NoteIn) -> Status:
    thread = _coach_thread(request, thread_id, write=True)
    note = services.add_note(thread=thread, author=_user(request), text=payload.text)
    return Status(201, _note_out(note))


@router.get("/saved-replies", response={200: list[SavedReplyOut], **ERRORS})
@rules.coach
def list_saved_replies(request: HttpRequest) -> list[SavedReply]:
    return selectors.saved_replies_of(_user(request))


@router.post("/saved-replies", response={201: SavedReplyOut, **ERRORS})
@rules.coach
def create_saved_reply(request: HttpRequest, payload: SavedReplyIn) -> Status:
    reply = services.save_reply(coach=_user(request), title=payload.title, text=payload.text)
    return Status(201, reply)


@router.delete("/saved-replies/{reply_id}", response={200: DeletedOut, **ERRORS})
@rules.coach
def delete_saved_reply(request: HttpRequest, reply_id: int) -> DeletedOut:
    reply = selectors.saved_reply_of(_user(request), reply_id)
    if reply is None:
        raise Http404("No such saved reply")
    services.delete_reply(reply=reply)
    return DeletedOut(deleted=1)
