"""Demo plans: a 10K, a marathon (else a half or endurance) and a return to running, then a
first review so the demo's calf logs and runs show as proposals."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.utils import timezone

from tagalong.errors import DomainError

if TYPE_CHECKING:
    from tagalong.demo import DemoWorld

DAYS = {"mon": 45, "tue": 60, "thu": 60, "sat": 90, "sun": 120}
# email, goals to try in order, weeks, current load
DEMO_PLANS = (
    ("priya@demo.tagalong", ("10k", "endurance"), 10, (18.0, 8.0, 3)),
    ("sam@demo.tagalong", ("marathon", "half", "endurance"), 16, (38.0, 16.0, 4)),
    ("lena@demo.tagalong", ("return_to_run", "endurance"), 8, (12.0, 5.0, 3)),
)


def add_demo_plans(world: DemoWorld) -> None:
    from tagalong.plans.proposals import review_athlete
    from tagalong.plans.services.generation import generate_for_athlete

    by_email = {a.user.email: a for a in world.athletes}
    today = timezone.localdate()
    start = today - dt.timedelta(days=today.weekday() + 7)  # began last Monday week
    for email, goals, weeks, (km, longest, runs) in DEMO_PLANS:
        athlete = by_email.get(email)
        if athlete is None or athlete.plans.exists():
            continue
        link = athlete.links.filter(ended_at__isnull=True).select_related("coach").first()
        coach = link.coach if link else world.coaches[0]
        for goal in goals:
            try:
                generate_for_athlete(
                    athlete=athlete,
                    by=coach,
                    goal=goal,
                    start=start,
                    weeks=weeks,
                    availability=DAYS,
                    current={"weekly_km": km, "longest_run_km_30d": longest, "runs_per_week": runs},
                )
            except DomainError:
                continue
            break
    for athlete in world.athletes:  # the other apps' demo data is in by now
        review_athlete(athlete=athlete, source="nightly")
