"""The one call other apps make when an athlete's data changes: queue a plan review.

Used by symptoms (a calf log saved), activities (an import finished) and assessments (test
results saved). The review is queued after the surrounding transaction commits, and a queue
that is down never breaks the caller's save (``robust``): the nightly review catches up.
"""

from __future__ import annotations

from django.db import transaction


def plan_data_changed(athlete_id: int, *, source: str) -> None:
    from tagalong.attention.tasks import queue_refresh
    from tagalong.plans.tasks import review_plan

    transaction.on_commit(lambda: review_plan.enqueue(athlete_id, source), robust=True)
    queue_refresh(athlete_id)
