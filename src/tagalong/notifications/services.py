"""Create and read in-app notifications."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction

from tagalong.accounts.models import User
from tagalong.notifications.email import in_language_of
from tagalong.notifications.models import Notification
from tagalong.notifications.push import push_ready

TITLE_LIMIT = 200


def notify(user: User, *, kind: str, title: str, body: str = "", url: str = "") -> None:
    """Tell someone in the app. Written when the surrounding transaction commits, if any.

    The notice is stored as they will read it: a title or body that is a `Phrase` (or a lazy
    translation) is said in their language, not in the one of the request or job that
    noticed it."""
    with in_language_of(user):
        title, body = str(title), str(body)
    notification = Notification(
        user_id=user.pk, kind=kind, title=title[:TITLE_LIMIT], body=body, url=url
    )
    transaction.on_commit(lambda: _save_and_push(notification, push=user.push_notifications))


def _save_and_push(notification: Notification, *, push: bool) -> None:
    notification.save()
    if push and push_ready():
        from tagalong.notifications.tasks import push_notification

        push_notification.enqueue(notification.pk)


def notify_all(
    users: Iterable[User], *, kind: str, title: str, body: str = "", url: str = ""
) -> None:
    for user in {u.pk: u for u in users}.values():
        notify(user, kind=kind, title=title, body=body, url=url)


def unread_count(user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def mark_read(user: User, *, now: datetime, ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications read: the given ones, or all. Others' ids are ignored."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        # An id the database cannot hold names no notification (SQLite refuses it outright).
        unread = unread.filter(pk__in=[i for i in ids if 0 < i < 2**63])
    return unread.update(read_at=now)
