"""The daily series keeps to one load measure per athlete; settings change it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tagalong.activities.models import DailyLoad, LoadSettings
from tagalong.activities.services import (
    add_manual_run,
    recompute_daily_load,
    refresh_daily_load,
    update_load_settings,
)
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 31)


def _run(athlete, day: date, minutes: float, rpe: int | None):  # type: ignore[no-untyped-def]
    return add_manual_run(
        athlete=athlete,
        by=None,
        day=day,
        duration_min=minutes,
        distance_km=minutes / 6,
        rpe=rpe,
        update_load=False,
    )


def _series(athlete):  # type: ignore[no-untyped-def]
    rows = DailyLoad.objects.filter(athlete=athlete).order_by("day")
    return [(r.day, round(r.load, 9), round(r.ctl, 9), round(r.atl, 9)) for r in rows]


def test_runs_without_an_effort_rating_count_at_the_typical_rpe():
    athlete = make_athlete()
    _run(athlete, date(2026, 3, 1), 40, 4)
    _run(athlete, date(2026, 3, 3), 50, 6)
    _run(athlete, date(2026, 3, 5), 30, None)  # no RPE: counted at the median 5 per minute
    recompute_daily_load(athlete=athlete, today=TODAY)
    loads = dict(DailyLoad.objects.filter(athlete=athlete).values_list("day", "load"))
    assert loads[date(2026, 3, 1)] == 160 and loads[date(2026, 3, 3)] == 300
    assert loads[date(2026, 3, 5)] == pytest.approx(150)
    settings = LoadSettings.objects.get(athlete=athlete)
    assert (settings.measure_in_use, settings.rate_in_use) == ("srpe", 5.0)


def test_a_run_that_moves_the_typical_rate_still_equals_a_full_recompute():
    athlete = make_athlete()
    for offset in range(0, 30, 3):
        _run(athlete, date(2026, 2, 1) + timedelta(days=offset), 40, 4)
    _run(athlete, date(2026, 2, 2), 45, None)
    recompute_daily_load(athlete=athlete, today=TODAY)
    _run(athlete, date(2026, 3, 10), 60, 9)  # the median RPE per minute moves
    _run(athlete, date(2026, 3, 11), 60, 9)
    _run(athlete, date(2026, 3, 12), 60, 9)
    refresh_daily_load(athlete=athlete, from_day=date(2026, 3, 10), today=TODAY)
    incremental = _series(athlete)
    recompute_daily_load(athlete=athlete, today=TODAY)
    assert incremental == _series(athlete)


def test_setting_minutes_recomputes_the_series_in_minutes():
    athlete = make_athlete()
    _run(athlete, date(2026, 3, 1), 40, 4)
    recompute_daily_load(athlete=athlete, today=TODAY)
    update_load_settings(
        athlete=athlete, by=athlete.user, measure="duration", threshold_pace_s_per_km=None
    )
    assert DailyLoad.objects.get(athlete=athlete, day=date(2026, 3, 1)).load == 40
    assert LoadSettings.objects.get(athlete=athlete).measure_in_use == "duration"


def test_a_new_threshold_pace_gives_every_run_its_rtss(django_capture_on_commit_callbacks):
    from tagalong.activities.models import Activity
    from tagalong.activities.services import start_import
    from tests.activities.conftest import CORPUS, upload

    athlete = make_athlete()
    with django_capture_on_commit_callbacks(execute=True):
        start_import(
            athlete=athlete,
            by=None,
            upload=[upload(CORPUS / "fitparse" / "activity-small-fenix2-run.fit")],
        )
    run = Activity.objects.get(athlete=athlete)
    assert "rtss" not in run.loads and run.metrics["graded_speed_m_s"] > 0
    update_load_settings(athlete=athlete, by=None, measure="rtss", threshold_pace_s_per_km=270)
    run.refresh_from_db()
    hours = run.moving_s / 3600
    expected = hours * (run.metrics["graded_speed_m_s"] / (1000 / 270)) ** 2 * 100
    assert run.loads["rtss"] == pytest.approx(expected)
    day = DailyLoad.objects.get(athlete=athlete, day=run.start.date())
    assert day.load == pytest.approx(expected)
