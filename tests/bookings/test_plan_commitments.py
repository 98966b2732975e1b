"""A runner's planned training blocks the one-on-one times offered to them."""

from __future__ import annotations

import datetime as dt
from datetime import UTC

import pytest

from tagalong.athletes.models import AthleteProfile
from tagalong.bookings.selectors import offers
from tagalong.plans.models import Plan, PlanSession, PlanStatus
from tests.bookings.helpers import NOW, one_on_one, open_coach
from tests.factories import make_athlete, make_coach

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 3, 4)
# 07:00 in New York on 4 March 2026 (EST, before the US change on 8 March) is 12:00 UTC.
PLANNED = (dt.datetime(2026, 3, 4, 12, 0, tzinfo=UTC), dt.datetime(2026, 3, 4, 12, 40, tzinfo=UTC))


def _runner_with_a_planned_run(coach, *, status=PlanStatus.ACTIVE) -> AthleteProfile:  # type: ignore[no-untyped-def]
    runner = make_athlete(coach=coach)
    AthleteProfile.objects.filter(pk=runner.pk).update(time_zone="America/New_York")
    runner.refresh_from_db()
    plan = Plan.objects.create(
        athlete=runner,
        title="10K",
        goal_type="10k",
        start=DAY,
        end=DAY + dt.timedelta(days=27),
        status=status,
        created_by=coach,
    )
    PlanSession.objects.create(plan=plan, date=DAY, kind="run", run_type="easy", duration_min=40)
    PlanSession.objects.create(plan=plan, date=DAY, kind="rest")
    return runner


def _starts(found) -> set[dt.datetime]:  # type: ignore[no-untyped-def]
    return {o.slot.start for o in found}


def _overlaps(found, window) -> bool:  # type: ignore[no-untyped-def]
    return any(o.slot.start < window[1] and o.slot.end > window[0] for o in found)


def test_planned_training_blocks_the_runners_one_on_one_times() -> None:
    coach = make_coach()
    open_coach(coach)
    session_type = one_on_one(coach, minutes=30)
    runner = _runner_with_a_planned_run(coach)
    window = {
        "start": dt.datetime(2026, 3, 4, 0, 0, tzinfo=UTC),
        "end": dt.datetime(2026, 3, 5, tzinfo=UTC),
    }
    for_anyone = offers(session_type=session_type, now=NOW, **window)
    for_runner = offers(session_type=session_type, now=NOW, runner=runner, **window)
    assert _overlaps(for_anyone, PLANNED)
    assert not _overlaps(for_runner, PLANNED)
    assert _starts(for_anyone) - _starts(for_runner) == {
        o.slot.start for o in for_anyone if o.slot.start < PLANNED[1] and o.slot.end > PLANNED[0]
    }


def test_a_plan_that_is_not_active_blocks_nothing() -> None:
    coach = make_coach()
    open_coach(coach)
    session_type = one_on_one(coach, minutes=30)
    runner = _runner_with_a_planned_run(coach, status=PlanStatus.ARCHIVED)
    window = {
        "start": dt.datetime(2026, 3, 4, 0, 0, tzinfo=UTC),
        "end": dt.datetime(2026, 3, 5, tzinfo=UTC),
    }
    assert _overlaps(offers(session_type=session_type, now=NOW, runner=runner, **window), PLANNED)
