"""The one call other apps make when an athlete's data changes: queue a plan review.

Used by symptoms (a calf log saved), activities (an import finished) and assessments (test
results saved). The review is queued after the surrounding transaction commits, and a queue
that is down never breaks the caller's save (``robust``): the nightly review catches up.

Reviews are coalesced per athlete: while one is queued and not yet started (a ``PendingReview``
row), more changes queue nothing, since that review will read them. The review removes the row
as it starts, so a change saved during a review queues the next one. A row older than
``STALE_AFTER`` (its task was lost with a queue outage) no longer holds reviews back.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

STALE_AFTER = timedelta(minutes=10)


def plan_data_changed(athlete_id: int, *, source: str) -> None:
    from tagalong.attention.tasks import queue_refresh

    transaction.on_commit(lambda: _queue_review(athlete_id, source), robust=True)
    queue_refresh(athlete_id)


def _queue_review(athlete_id: int, source: str) -> None:
    from tagalong.plans.tasks import review_plan

    if _hold_place(athlete_id, source, timezone.now()):
        review_plan.enqueue(athlete_id, source)


def _hold_place(athlete_id: int, source: str, now: datetime) -> bool:
    """True when no review is waiting for this athlete (this caller queues one)."""
    from tagalong.plans.models import PendingReview

    try:
        with transaction.atomic():
            PendingReview.objects.create(athlete_id=athlete_id, source=source, queued_at=now)
        return True
    except IntegrityError:
        stale = PendingReview.objects.filter(athlete_id=athlete_id, queued_at__lt=now - STALE_AFTER)
        return bool(stale.update(source=source, queued_at=now))


def review_started(athlete_id: int) -> None:
    """Changes saved from now on are not covered by this review: let them queue another."""
    from tagalong.plans.models import PendingReview

    PendingReview.objects.filter(athlete_id=athlete_id).delete()
