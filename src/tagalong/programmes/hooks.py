"""What other apps' saves set going in programmes, after the surrounding transaction commits.

- A plan template of a published or running programme is saved: the members' sessions not yet
  done follow it (``tasks.follow_template``). Edits are coalesced per programme: while one task
  is queued and not yet started (``Programme.follow_queued_at``), more edits queue nothing,
  since that task reads the newest template. The task clears the mark as it starts, so an edit
  saved during a run queues the next one. A mark older than ``STALE_AFTER`` (its task was lost
  with a queue outage) no longer holds edits back.
- A new date of a group session type attached to a live programme: members whose weeks
  include it get a seat (``tasks.seat_members``), or a waiting-list place when it is full.

A queue that is down never breaks the caller's save (``robust``).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

STALE_AFTER = timedelta(minutes=10)
LIVE = ("published", "running")


def template_saved(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    if created or kwargs.get("raw"):
        return
    template_id = instance.pk
    transaction.on_commit(lambda: queue_follow(template_id), robust=True)


def queue_follow(template_id: int) -> list[int]:
    """Queue one follow task per live programme of this template; returns the programmes."""
    from tagalong.programmes.models import Programme
    from tagalong.programmes.tasks import follow_template

    queued = []
    for programme_id in Programme.objects.filter(
        template_id=template_id, stage__in=LIVE
    ).values_list("pk", flat=True):
        if _hold(programme_id):
            follow_template.enqueue(programme_id, None)
            queued.append(programme_id)
    return queued


def _hold(programme_id: int) -> bool:
    """True when no follow task waits for this programme (the caller queues one)."""
    from tagalong.programmes.models import Programme

    now = timezone.now()
    free = Q(follow_queued_at__isnull=True) | Q(follow_queued_at__lt=now - STALE_AFTER)
    return bool(Programme.objects.filter(free, pk=programme_id).update(follow_queued_at=now))


def follow_started(programme_id: int) -> None:
    from tagalong.programmes.models import Programme

    Programme.objects.filter(pk=programme_id).update(follow_queued_at=None)


def session_saved(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    if not created or kwargs.get("raw"):
        return
    session_id = instance.pk
    type_id = instance.session_type_id

    def queue() -> None:
        from tagalong.programmes.models import Programme
        from tagalong.programmes.tasks import seat_members

        if Programme.objects.filter(session_types=type_id, stage__in=LIVE).exists():
            seat_members.enqueue(session_id)

    transaction.on_commit(queue, robust=True)
