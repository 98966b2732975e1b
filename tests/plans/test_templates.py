from __future__ import annotations

import datetime as dt

from tagalong.plans.models import Plan, PlanStatus
from tagalong.plans.services.templates import apply_template, save_as_template
from tests.factories import World


def test_template_keeps_week_and_weekday_of_each_session(world: World, plan: Plan) -> None:
    template = save_as_template(plan=plan, by=world.coach_a, name="10K block")
    first = plan.sessions.order_by("date").first()
    assert first is not None
    row = template.weeks[0]
    assert (row["week"], row["weekday"]) == (0, first.date.weekday())
    assert len(template.weeks) == plan.sessions.count()


def test_applying_a_template_makes_a_dated_plan(world: World, plan: Plan) -> None:
    template = save_as_template(plan=plan, by=world.coach_a, name="10K block")
    start = dt.date(2026, 9, 7)
    (applied,) = apply_template(
        template=template, athletes=[world.athlete_a], start=start, by=world.coach_a
    )
    assert applied.status == PlanStatus.ACTIVE and applied.current_version == 1
    shift = start - plan.start
    assert sorted(s.date - shift for s in applied.sessions.all()) == sorted(
        s.date for s in plan.sessions.all()
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ARCHIVED
    new_uids = set(applied.sessions.values_list("ical_uid", flat=True))
    assert new_uids.isdisjoint(plan.sessions.values_list("ical_uid", flat=True))
