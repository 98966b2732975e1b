from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tagalong.messaging.models import Folder, Thread
from tagalong.messaging.selectors import inbox, unanswered_threads
from tagalong.messaging.services import file_thread, mark_read, post_message
from tests.factories import World, make_athlete

pytestmark = pytest.mark.django_db


def test_inbox_counts_unread_and_files_threads_by_folder(world: World, thread: Thread) -> None:
    post_message(thread=thread, author=world.athlete_a.user, text="One")
    post_message(thread=thread, author=world.athlete_a.user, text="Two")
    [row] = inbox(world.coach_a)
    assert (row.unread, row.last_text) == (2, "Two")
    assert [r.thread for r in inbox(world.coach_a, folder="unread")] == [thread]
    mark_read(thread=thread, user=world.coach_a)
    assert inbox(world.coach_a)[0].unread == 0
    assert inbox(world.coach_a, folder="unread") == []
    file_thread(thread=thread, user=world.coach_a, folder=Folder.LATER)
    assert inbox(world.coach_a) == []
    assert [r.thread for r in inbox(world.coach_a, folder="later")] == [thread]
    # The athlete's own filing is separate.
    assert [r.thread for r in inbox(world.athlete_a.user)] == [thread]


def test_a_colleague_s_inbox_holds_only_their_own_threads(world: World) -> None:
    assert inbox(world.colleague) == []
    assert inbox(world.staff) == []


def test_the_inbox_costs_the_same_queries_for_many_threads(world: World) -> None:
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            inbox(world.coach_a)
        return len(queries)

    few = count()
    for _ in range(12):
        runner = make_athlete(coach=world.coach_a)
        t = Thread.objects.get(athlete=runner)
        post_message(thread=t, author=runner.user, text="Hi coach")
    assert count() == few


def test_unanswered_threads_are_those_where_the_runner_spoke_last_long_enough_ago(
    world: World, thread: Thread
) -> None:
    now = timezone.now()
    quiet = make_athlete(coach=world.coach_a)
    answered = make_athlete(coach=world.coach_a)
    recent = make_athlete(coach=world.coach_a)
    post_message(
        thread=thread, author=world.athlete_a.user, text="?", now=now - timedelta(hours=60)
    )
    t = Thread.objects.get(athlete=answered)
    post_message(thread=t, author=answered.user, text="?", now=now - timedelta(hours=70))
    post_message(thread=t, author=world.coach_a, text="!", now=now - timedelta(hours=69))
    t = Thread.objects.get(athlete=recent)
    post_message(thread=t, author=recent.user, text="?", now=now - timedelta(hours=2))
    waiting = unanswered_threads(world.coach_a, timedelta(hours=48), now=now)
    assert [t.athlete_id for t in waiting] == [world.athlete_a.pk]
    assert waiting[0].waiting_since == now - timedelta(hours=60)
    assert quiet.pk not in [t.athlete_id for t in waiting]
