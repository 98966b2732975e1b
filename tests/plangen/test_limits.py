"""Boundary tests: each hard-limit checker accepts the limit and rejects just past it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tagalong.plangen import limits
from tagalong.plangen.model import CurrentLoad, Goal, Plan, Session, Week
from tagalong.plangen.paces import plan_hr_zones

from .requests import MONDAY, runner

REQUEST = runner(goal=Goal(type="endurance", weeks=4))


def run(day: int, minutes: float, run_type: str = "easy", km: float | None = None) -> Session:
    return Session(
        date=MONDAY + dt.timedelta(days=day),
        kind="run",
        run_type=run_type,  # type: ignore[arg-type]
        duration_min=minutes,
        distance_km=km if km is not None else minutes / 6,
    )


def plan_of(*weeks: tuple[Session, ...], phases: tuple[str, ...] = ()) -> Plan:
    return Plan(
        vdot=40,
        vdot_estimated=False,
        paces={},
        hr_zones=plan_hr_zones(REQUEST),
        weeks=tuple(
            Week(
                index=i,
                phase=(phases[i] if phases else "base"),  # type: ignore[arg-type]
                start=MONDAY + dt.timedelta(days=7 * i),
                sessions=tuple(replace(s, date=s.date + dt.timedelta(days=7 * i)) for s in w),
            )
            for i, w in enumerate(weeks)
        ),
        race_date=None,
    )


def test_easy_share_of_exactly_80_percent_passes_and_79_fails():
    ok = plan_of((run(0, 80), run(2, 20, "tempo")))
    bad = plan_of((run(0, 79), run(2, 21, "tempo")))
    assert limits.check_easy_share(ok, REQUEST) == []
    assert limits.check_easy_share(bad, REQUEST)


def test_long_run_share_is_guidance_but_its_150_min_cap_holds():
    half_the_week = plan_of((run(0, 60), run(6, 60, "long")))
    assert limits.check_long_run_share(half_the_week, REQUEST) == []
    assert limits.check_long_run_share(plan_of((run(6, 150, "long"),)), REQUEST) == []
    assert limits.check_long_run_share(plan_of((run(6, 151, "long"),)), REQUEST)


def test_the_coach_may_raise_the_long_run_cap():
    raised = replace(REQUEST, goal=replace(REQUEST.goal, long_run_cap_min=180.0))
    assert limits.check_long_run_share(plan_of((run(6, 175, "long"),)), raised) == []
    assert limits.check_long_run_share(plan_of((run(6, 181, "long"),)), raised)


@pytest.mark.parametrize(("km", "ok"), [(13.2, True), (13.3, False)])
def test_single_run_spike_allows_10_percent_over_the_athletes_30_day_longest(km, ok):
    request = replace(REQUEST, current=CurrentLoad(30, 12, 4))
    plan = plan_of((run(2, 60, km=km),))
    assert (limits.check_single_run_spike(plan, request) == []) is ok


def test_single_run_spike_counts_planned_runs_and_forgets_after_30_days():
    request = replace(REQUEST, current=CurrentLoad(30, 0, 4))
    plan = plan_of((run(0, 30, km=2.0),), (run(0, 30, km=2.2),), (run(0, 30, km=2.42),))
    assert limits.check_single_run_spike(plan, request) == []
    late = plan_of((run(0, 30, km=2.0),), (), (), (), (), (run(0, 30, km=2.3),))
    assert limits.check_single_run_spike(late, request)  # only the 2 km floor remains


def test_four_heavier_weeks_in_a_row_fail_and_a_lighter_fourth_passes():
    week = (run(0, 100),)
    lighter = (run(0, 75),)
    assert limits.check_lighter_weeks(plan_of(week, week, week, lighter), REQUEST) == []
    assert limits.check_lighter_weeks(plan_of(week, week, week, week), REQUEST)


def test_recovery_week_must_be_20_to_30_percent_lighter():
    week, phases = (run(0, 100),), ("base", "recovery")
    assert limits.check_lighter_weeks(plan_of(week, (run(0, 70),), phases=phases), REQUEST) == []
    assert limits.check_lighter_weeks(plan_of(week, (run(0, 65),), phases=phases), REQUEST)


def _race_plan(taper_minutes: tuple[float, float]) -> Plan:
    weeks = [(run(0, 100),)] * 6 + [(run(0, taper_minutes[0]),), (run(0, taper_minutes[1]),)]
    plan = plan_of(*weeks, phases=("build",) * 6 + ("taper", "taper"))
    return replace(plan, race_date=plan.weeks[-1].start + dt.timedelta(days=6))


@pytest.mark.parametrize(
    ("taper", "ok"), [((70, 48), True), ((50, 30), True), ((50, 28), False), ((80, 60), False)]
)
def test_taper_cuts_volume_by_41_to_60_percent(taper, ok):
    request = replace(REQUEST, goal=Goal(type="10k", weeks=8))
    assert (limits.check_taper(_race_plan(taper), request) == []) is ok


def test_calf_strength_the_day_before_a_tempo_run_fails():
    strength = Session(date=MONDAY, kind="strength", ladder_level=3, duration_min=20)
    plan = plan_of((strength, run(1, 40, "tempo")))
    assert any("day before" in v for v in limits.check_calf_strength(plan, REQUEST))


def test_a_week_without_a_rest_day_fails():
    plan = plan_of(tuple(run(d, 30) for d in range(7)))
    assert limits.check_rest_days(plan, REQUEST)


def test_session_on_an_unavailable_day_fails():
    plan = plan_of((run(2, 30),))  # Wednesday is not available in the runner profile
    assert limits.check_availability(plan, REQUEST)
