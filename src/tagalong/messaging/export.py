"""The runner's conversations in their data export: every message and file sent to or by
them. The coach's private notes are not theirs and stay out."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING

from tagalong.messaging.models import Attachment, Message, Thread

if TYPE_CHECKING:
    from tagalong.athletes.models import AthleteProfile
    from tagalong.dataexport.archive import Archive


def write_messages(athlete: AthleteProfile, archive: Archive) -> None:
    from tagalong.dataexport.archive import rows_of

    archive.table(
        "messages",
        "conversations",
        rows_of(
            Thread.objects.filter(athlete=athlete),
            fields=("id", "coach__full_name", "created_at", "last_message_at"),
        ),
    )
    messages = Message.objects.filter(thread__athlete=athlete, removed=False)
    archive.table(
        "messages",
        "messages",
        rows_of(
            messages,
            fields=(
                "id",
                "thread_id",
                "author__full_name",
                "text",
                "created_at",
                "read_at",
                "subject_kind",
                "subject_label",
                "subject_url",
            ),
        ),
    )
    files = Attachment.objects.filter(message__in=messages)
    archive.table(
        "messages",
        "files",
        rows_of(files, fields=("id", "message_id", "name", "content_type", "size", "created_at")),
    )
    for item in files.only("pk", "name", "file"):
        try:
            with item.file.open("rb") as source:
                archive.copy(f"messages/files/{item.pk}-{PurePath(item.name).name}", source)
        except FileNotFoundError:
            continue
