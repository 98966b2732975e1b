from __future__ import annotations

from tagalong.notifications.models import Notification
from tests.access.matrix import LOGIN, Case, statuses


def _note_for_athlete_a(world):  # type: ignore[no-untyped-def]
    note = Notification.objects.create(user=world.athlete_a.user, kind="test", title="Hello")
    return {"notification_id": note.pk}


PAGES = {
    "notifications:inbox": Case(statuses(200, anonymous=LOGIN)),
    "notifications:read_all": Case(statuses(302, anonymous=LOGIN), method="post"),
    # Someone else's id marks nothing and lands on one's own inbox.
    "notifications:open": Case(
        statuses(302, anonymous=LOGIN), method="post", kwargs=_note_for_athlete_a
    ),
    "notifications:latest": Case(statuses(200, anonymous=LOGIN)),
    "notifications:push_subscribe": Case(
        statuses(201, anonymous=LOGIN),
        method="post",
        json=True,
        data=lambda w: {
            "endpoint": "https://push.example.org/send/abc",
            "keys": {"p256dh": "BNc-key", "auth": "auth-secret"},
        },
    ),
    "notifications:push_unsubscribe": Case(
        statuses(200, anonymous=LOGIN),
        method="post",
        json=True,
        data=lambda w: {"endpoint": "https://push.example.org/send/abc"},
    ),
}

API = {
    "GET /api/notifications": Case(statuses(200, anonymous=401)),
    "POST /api/notifications/read": Case(
        statuses(200, anonymous=401), method="post", data=lambda w: {"ids": None}
    ),
}
