"""Background plan reviews: on new data (queued by other apps through ``hooks``) and nightly.

A review is safe to run twice: a proposal is stored once per trigger and data.
"""

from __future__ import annotations

import logging

from django_tasks import task

from tagalong.athletes.models import AthleteProfile
from tagalong.plans.hooks import review_started
from tagalong.plans.models import Plan, PlanStatus, ReviewSource
from tagalong.plans.proposals import review_athlete

log = logging.getLogger(__name__)


@task()
def review_plan(athlete_id: int, source: str) -> int:
    """Review one athlete's active plan; returns the number of new proposals."""
    review_started(athlete_id)
    athlete = AthleteProfile.objects.select_related("user").filter(pk=athlete_id).first()
    if athlete is None:
        return 0
    return len(review_athlete(athlete=athlete, source=source))


@task()
def nightly_plan_review() -> int:
    """Review every athlete with an active plan; one athlete's failure never stops the rest."""
    ids = Plan.objects.filter(status=PlanStatus.ACTIVE).values("athlete_id")
    created = 0
    for athlete in AthleteProfile.objects.filter(pk__in=ids).select_related("user"):
        try:
            created += len(review_athlete(athlete=athlete, source=ReviewSource.NIGHTLY))
        except Exception:
            log.exception("nightly plan review failed for athlete %s", athlete.pk)
    return created
