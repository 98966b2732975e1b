"""Reads for conversations: inboxes, one thread's messages, what waits for an answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from tagalong.access.policy import visible_threads
from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile
from tagalong.messaging.models import (
    CoachNote,
    Folder,
    Message,
    SavedReply,
    Thread,
    ThreadState,
)

INBOX_LIMIT = 200
MESSAGES_SHOWN = 200
FOLDERS = ("inbox", "unread", "later", "done")


@dataclass(frozen=True)
class InboxRow:
    thread: Thread
    folder: str
    unread: int
    last_text: str
    last_author_id: int | None


def _state(user: User, field: str) -> Subquery:
    return Subquery(ThreadState.objects.filter(thread=OuterRef("pk"), user=user).values(field)[:1])


def _with_inbox_facts(threads: QuerySet[Thread], user: User) -> QuerySet[Thread]:
    last = Message.objects.filter(thread=OuterRef("pk")).order_by("-created_at", "-pk")
    return threads.annotate(
        my_folder=_state(user, "folder"),
        my_last_read=_state(user, "last_read_at"),
        last_text=Subquery(last.values("text")[:1]),
        last_author_id=Subquery(last.values("author_id")[:1]),
    ).annotate(
        unread=Count(
            "messages",
            filter=(Q(my_last_read__isnull=True) | Q(messages__created_at__gt=F("my_last_read")))
            & ~Q(messages__author=user),
        )
    )


def inbox(user: User, *, folder: str = "inbox") -> list[InboxRow]:
    """The threads a person takes part in, filed as they chose, newest activity first."""
    mine = visible_threads(user).filter(Q(coach=user) | Q(athlete__user=user))
    threads = _with_inbox_facts(mine, user)
    if folder == "unread":
        threads = threads.filter(unread__gt=0)
    elif folder == Folder.INBOX:
        threads = threads.filter(Q(my_folder=Folder.INBOX) | Q(my_folder__isnull=True))
    else:
        threads = threads.filter(my_folder=folder)
    ordered = threads.order_by(F("last_message_at").desc(nulls_last=True), "-pk")
    return [
        InboxRow(
            thread=t,
            folder=t.my_folder or Folder.INBOX,
            unread=t.unread,
            last_text=t.last_text or "",
            last_author_id=t.last_author_id,
        )
        for t in ordered[:INBOX_LIMIT]
    ]


def messages_of(thread: Thread) -> list[Message]:
    """The latest messages, oldest first, with their files and authors, in two queries."""
    recent = (
        Message.objects.filter(thread=thread)
        .select_related("author")
        .prefetch_related("attachments")
        .order_by("-created_at", "-pk")[:MESSAGES_SHOWN]
    )
    return list(reversed(list(recent)))


def notes_of(thread: Thread) -> list[CoachNote]:
    return list(CoachNote.objects.filter(thread=thread).select_related("author")[:100])


def saved_replies_of(coach: User) -> list[SavedReply]:
    return list(SavedReply.objects.filter(coach=coach))


def saved_reply_of(coach: User, reply_id: int) -> SavedReply | None:
    if not 0 < reply_id < 2**63:
        return None
    return SavedReply.objects.filter(coach=coach, pk=reply_id).first()


def threads_of_athlete(athlete: AthleteProfile) -> QuerySet[Thread]:
    return Thread.objects.filter(athlete=athlete).select_related("coach", "athlete__user")


def thread_between(coach: User, athlete: AthleteProfile) -> Thread | None:
    return threads_of_athlete(athlete).filter(coach=coach).first()


def unanswered_threads(
    coach: User, older_than: timedelta, *, now: datetime | None = None
) -> list[Thread]:
    """The coach's threads whose latest message is the athlete's and has waited longer than
    ``older_than``. Each thread carries ``waiting_since`` (that message's time), oldest first."""
    cutoff = (now or timezone.now()) - older_than
    last = Message.objects.filter(thread=OuterRef("pk")).order_by("-created_at", "-pk")
    threads = (
        Thread.objects.filter(coach=coach, athlete__isnull=False)
        .select_related("athlete__user")
        .annotate(
            waiting_since=Subquery(last.values("created_at")[:1]),
            last_author_id=Subquery(last.values("author_id")[:1]),
        )
        .filter(last_author_id=F("athlete__user_id"), waiting_since__lte=cutoff)
        .order_by("waiting_since", "pk")
    )
    return list(threads)
