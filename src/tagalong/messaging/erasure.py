"""When a runner deletes their account the coach's conversation stays: the runner's own
messages and files are removed from it (and the coach's private notes about them), and the
thread names them "former member". A coach's
messages stay with their runners, who keep their data."""

from __future__ import annotations

from tagalong.accounts.models import User
from tagalong.messaging.models import Attachment, CoachNote, Message


def erase_member_messages(user: User) -> None:
    if user.is_coach:
        return
    for attachment in Attachment.objects.filter(message__author=user):
        attachment.file.delete(save=False)
    Attachment.objects.filter(message__author=user).delete()
    Message.objects.filter(author=user).update(
        text="", removed=True, subject_url="", subject_label="", subject_phrase=None
    )
    # The coach's private notes are about the person who left: they go with them.
    CoachNote.objects.filter(thread__athlete__user=user).delete()
