from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.test import Client

from tagalong.notifications.models import Notification
from tagalong.notifications.services import mark_read, notify, notify_all, unread_count
from tests.factories import make_athlete, make_coach

NOW = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


@pytest.mark.django_db(transaction=True)
def test_notify_writes_after_commit_and_counts_unread() -> None:
    coach = make_coach()
    notify(coach, kind="booking.confirmed", title="Ana booked a follow-up", url="/coach/sessions/")
    notify_all([coach, coach], kind="plan.proposal", title="A change to review")
    assert unread_count(coach) == 2
    assert Notification.objects.filter(user=coach, kind="plan.proposal").count() == 1


@pytest.mark.django_db
def test_nothing_is_written_when_the_transaction_rolls_back(
    django_capture_on_commit_callbacks,
) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach()
    with django_capture_on_commit_callbacks(execute=False):
        notify(coach, kind="x", title="never")
    assert Notification.objects.count() == 0


@pytest.mark.django_db
def test_mark_read_touches_only_the_owners_notifications() -> None:
    coach, athlete = make_coach(), make_athlete()
    mine = Notification.objects.create(user=coach, kind="x", title="mine")
    theirs = Notification.objects.create(user=athlete.user, kind="x", title="theirs")
    assert mark_read(coach, now=NOW, ids=[mine.pk, theirs.pk]) == 1
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert unread_count(coach) == 0


@pytest.mark.django_db
def test_an_id_no_database_can_hold_marks_nothing_and_does_not_fail() -> None:
    coach = make_coach()
    mine = Notification.objects.create(user=coach, kind="x", title="mine")
    assert mark_read(coach, now=NOW, ids=[2**64, -1]) == 0
    assert mark_read(coach, now=NOW, ids=[2**63, mine.pk]) == 1


@pytest.mark.django_db
def test_inbox_shows_unread_badge_and_opening_marks_read_and_follows_link() -> None:
    athlete = make_athlete()
    note = Notification.objects.create(
        user=athlete.user, kind="booking.confirmed", title="Follow-up booked", url="/me/plan/"
    )
    client = Client()
    client.force_login(athlete.user)
    page = client.get("/notifications/").content.decode()
    assert "Follow-up booked" in page and 'aria-label="1 unread"' in page
    response = client.post(f"/notifications/{note.pk}/open/")
    assert response.status_code == 302 and response["Location"] == "/me/plan/"
    note.refresh_from_db()
    assert note.read_at is not None
    assert 'aria-label="1 unread"' not in client.get("/notifications/").content.decode()


@pytest.mark.django_db
def test_open_never_redirects_off_site() -> None:
    athlete = make_athlete()
    note = Notification.objects.create(
        user=athlete.user, kind="x", title="odd", url="//evil.example/"
    )
    client = Client()
    client.force_login(athlete.user)
    response = client.post(f"/notifications/{note.pk}/open/")
    assert response["Location"] == "/notifications/"


@pytest.mark.django_db
def test_api_lists_unread_and_marks_all_read() -> None:
    athlete = make_athlete()
    Notification.objects.create(user=athlete.user, kind="a", title="one")
    Notification.objects.create(user=athlete.user, kind="b", title="two", read_at=NOW)
    client = Client()
    client.force_login(athlete.user)
    unread = client.get("/api/notifications?unread=true").json()
    assert [n["title"] for n in unread] == ["one"]
    marked = client.post("/api/notifications/read", data="{}", content_type="application/json")
    assert marked.json() == {"marked": 1}
