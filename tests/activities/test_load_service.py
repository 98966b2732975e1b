from __future__ import annotations

from datetime import date, timedelta

import pytest

from tagalong.activities.models import DailyLoad
from tagalong.activities.services import (
    add_manual_run,
    delete_activity,
    recompute_daily_load,
    refresh_daily_load,
)
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 31)


def _series(athlete):  # type: ignore[no-untyped-def]
    rows = DailyLoad.objects.filter(athlete=athlete).order_by("day")
    return [(r.day, round(r.load, 9), round(r.ctl, 9), round(r.atl, 9), r.acwr) for r in rows]


def _runs(athlete):  # type: ignore[no-untyped-def]
    runs = []
    for offset in range(0, 50, 2):
        runs.append(
            add_manual_run(
                athlete=athlete,
                by=None,
                day=date(2026, 2, 1) + timedelta(days=offset),
                duration_min=30 + offset,
                distance_km=5 + offset / 10,
                rpe=4,
                update_load=False,
            )
        )
    recompute_daily_load(athlete=athlete, today=TODAY)
    return runs


def test_manual_run_load_is_session_rpe_times_minutes():
    athlete = make_athlete()
    run = add_manual_run(
        athlete=athlete, by=None, day=date(2026, 3, 1), duration_min=50, distance_km=10, rpe=5
    )
    assert (run.load_measure, run.load_value) == ("srpe", 250)
    assert DailyLoad.objects.get(athlete=athlete, day=date(2026, 3, 1)).load == 250


def test_deleting_a_run_updates_the_series_to_match_a_full_recompute():
    athlete = make_athlete()
    runs = _runs(athlete)
    delete_activity(activity=runs[10], by=None)
    refresh_daily_load(athlete=athlete, from_day=runs[10].start.date(), today=TODAY)
    incremental = _series(athlete)
    assert not [d for d in incremental if d[0] == runs[10].start.date() and d[1]]
    recompute_daily_load(athlete=athlete, today=TODAY)
    assert incremental == _series(athlete)


def test_adding_a_run_in_the_middle_updates_later_days_like_a_full_recompute():
    athlete = make_athlete()
    _runs(athlete)
    add_manual_run(
        athlete=athlete,
        by=None,
        day=date(2026, 2, 10),
        duration_min=90,
        distance_km=20,
        rpe=7,
        update_load=False,
    )
    refresh_daily_load(athlete=athlete, from_day=date(2026, 2, 10), today=TODAY)
    incremental = _series(athlete)
    recompute_daily_load(athlete=athlete, today=TODAY)
    assert incremental == _series(athlete)
    assert DailyLoad.objects.filter(athlete=athlete, acwr__isnull=False).exists()


def test_deleting_the_last_activity_clears_the_series():
    athlete = make_athlete()
    run = add_manual_run(
        athlete=athlete, by=None, day=date(2026, 3, 1), duration_min=30, distance_km=5, rpe=3
    )
    delete_activity(activity=run, by=None)
    assert not DailyLoad.objects.filter(athlete=athlete).exists()


def test_recompute_load_command_rebuilds_the_series(capsys):
    from django.core.management import call_command

    athlete = make_athlete()
    _runs(athlete)
    DailyLoad.objects.filter(athlete=athlete).delete()
    call_command("recompute_load", "--athlete", athlete.user.email)
    assert DailyLoad.objects.filter(athlete=athlete).exists()
    assert athlete.user.email in capsys.readouterr().out
