"""The unread-message email: one per thread while it waits, never in the recipient's night."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone
from django_tasks import task

from tagalong.accounts.models import User
from tagalong.messaging.models import Message, Thread, ThreadState
from tagalong.messaging.quiet import in_quiet_hours
from tagalong.messaging.replylinks import reply_url
from tagalong.notifications.email import send_templated

WAIT = timedelta(minutes=15)
BATCH = 500


def _zone_of(user: User) -> str:
    profile = getattr(user, "athlete_profile", None)
    return profile.time_zone if profile is not None else user.time_zone


def _waiting(now: datetime) -> list[tuple[Thread, User]]:
    """(thread, recipient) where a message to the recipient has waited unread for WAIT."""
    pairs = (
        Message.objects.filter(
            read_at__isnull=True, author__isnull=False, created_at__lte=now - WAIT
        )
        .order_by()
        .values_list("thread_id", "author_id")
        .distinct()[:BATCH]
    )
    authors_by_thread: dict[int, set[int]] = {}
    for thread_id, author_id in pairs:
        authors_by_thread.setdefault(thread_id, set()).add(author_id)
    threads = Thread.objects.filter(pk__in=authors_by_thread).select_related(
        "athlete__user", "coach__athlete_profile"
    )
    result = []
    for thread in threads:
        athlete_user = thread.athlete.user if thread.athlete is not None else None
        for author_id in authors_by_thread[thread.pk]:
            recipient = (
                thread.coach if athlete_user and author_id == athlete_user.pk else athlete_user
            )
            if recipient is not None and recipient.is_active and recipient.pk != author_id:
                result.append((thread, recipient))
    return result


def _claim(thread: Thread, recipient: User, now: datetime) -> bool:
    """Only one email per thread while it waits: none since the recipient last read it.
    The conditional update makes a second worker on the same tick find it taken."""
    state, _ = ThreadState.objects.get_or_create(thread=thread, user=recipient)
    due = state.emailed_at is None or (
        state.last_read_at is not None and state.emailed_at < state.last_read_at
    )
    if not due:
        return False
    return bool(
        ThreadState.objects.filter(pk=state.pk, emailed_at=state.emailed_at).update(emailed_at=now)
    )


def send_waiting_emails(now: datetime) -> int:
    sent = 0
    for thread, recipient in _waiting(now):
        if in_quiet_hours(now, _zone_of(recipient)):
            continue  # the first tick after 07:00 their time sends it
        if not _claim(thread, recipient, now):
            continue
        waiting = list(
            Message.objects.filter(thread=thread, read_at__isnull=True)
            .exclude(author=recipient)
            .exclude(author__isnull=True)
            .select_related("author")
            .order_by("created_at")[:5]
        )
        send_templated(
            template="message_waiting",
            to=[recipient.email],
            context={
                "recipient": recipient,
                "sender": waiting[0].author_name if waiting else "Your coach",
                "messages": waiting,
                "thread_url": f"/messages/{thread.pk}/",
                "reply_url": reply_url(thread_id=thread.pk, user_id=recipient.pk),
            },
        )
        sent += 1
    return sent


@task()
def email_waiting_messages() -> int:
    return send_waiting_emails(timezone.now())
