"""Activity and trend pages show what fits the sport, name their units and hide thin ratios."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse

from tagalong.activities.acwr_display import shown_for_rows, weeks_with_training
from tagalong.activities.models import Activity, DailyLoad
from tagalong.activities.services import add_manual_run

pytestmark = pytest.mark.django_db


def activity(athlete, **fields):  # type: ignore[no-untyped-def]
    values = {
        "sport": "running",
        "start": datetime(2026, 3, 1, 8, tzinfo=UTC),
        "duration_s": 3600.0,
        "moving_s": 3600.0,
        "distance_m": 30000.0,
        "load_value": 60.0,
        "load_measure": "duration",
        "load_note": "minutes only: no RPE, heart rate or pace",
        "metrics": {"avg_heart_rate_bpm": 154.0, "avg_cadence_spm": 86.0},
        "chart": {
            "time_s": [0, 60, 120],
            "pace_s_per_km": [120, 118, 121],
            "cadence_spm": [85, 86, 87],
            "heart_rate_bpm": [150, 154, 156],
        },
    }
    return Activity.objects.create(athlete=athlete, **{**values, **fields})


def detail(client, ride):  # type: ignore[no-untyped-def]
    url = reverse("activities:detail", args=[ride.athlete_id, ride.pk])
    return client.get(url).content.decode()


def test_a_ride_shows_speed_and_pedalling_not_running_form(world, client_for):
    ride = activity(world.athlete_a, sport="cycling")
    html = detail(client_for(world.athlete_a.user), ride)
    assert "30.0 km/h" in html and "86 rpm" in html and "Ride" in html
    for running_only in ("steps/min", "/km", "Running form", "Ground contact", "pace_s"):
        assert running_only not in html


def test_an_activity_with_heart_rate_never_says_no_heart_rate(world, client_for):
    run = activity(world.athlete_a)
    html = detail(client_for(world.athlete_a.user), run)
    assert "154 bpm" in html
    assert "no heart rate" not in html
    assert "heart rate recorded, but a heart-rate load needs" in html


def test_a_run_without_heart_rate_says_so(world, client_for):
    run = activity(world.athlete_a, metrics={})
    html = detail(client_for(world.athlete_a.user), run)
    assert "minutes only: no effort rating; no heart rate" in html


def test_a_runner_who_chose_miles_reads_miles_and_pace_per_mile(world, client_for):
    world.athlete_a.user.units = "mi"
    world.athlete_a.user.save()
    add_manual_run(
        athlete=world.athlete_a,
        by=None,
        day=date(2026, 3, 5),
        duration_min=50,
        distance_km=10,
        rpe=5,
    )
    client = client_for(world.athlete_a.user)
    html = client.get(reverse("activities:list", args=[world.athlete_a.pk])).content.decode()
    assert "6.21 mi" in html and "8:03 /mi" in html
    assert "/km" not in html
    run = Activity.objects.get(athlete=world.athlete_a)
    page = detail(client, run)
    assert "6.21 mi" in page and "8:03 /mi" in page


def test_the_chart_pace_is_per_mile_for_a_miles_reader(world, client_for):
    world.athlete_a.user.units = "mi"
    world.athlete_a.user.save()
    run = activity(world.athlete_a, chart={"time_s": [0, 60], "pace_s_per_km": [300, 360]})
    html = detail(client_for(world.athlete_a.user), run)
    assert '"pace_s": [483, 579]' in html and "Pace (/mi)" in html


def load_row(athlete, day, load, acwr=0.9):  # type: ignore[no-untyped-def]
    return DailyLoad(athlete=athlete, day=day, load=load, ctl=1, atl=1, tsb=0, acwr=acwr)


def test_acute_chronic_needs_training_in_each_of_the_last_four_weeks():
    day = date(2026, 3, 28)
    every_week = sorted(day - timedelta(days=d) for d in (0, 8, 15, 22))
    assert weeks_with_training(day, every_week) == 4
    assert weeks_with_training(day, every_week[:3]) == 3
    assert weeks_with_training(day, [day - timedelta(days=28)]) == 0  # older than 4 weeks


def test_acute_chronic_is_hidden_on_sparse_history_and_says_why(world, client_for):
    start = date(2026, 1, 1)
    # One run every 10 days: some 7-day blocks stay empty, the chronic load is too thin.
    rows = [
        load_row(world.athlete_a, start + timedelta(days=d), 0 if d % 10 else 50, 12345.0)
        for d in range(60)
    ]
    DailyLoad.objects.bulk_create(rows)
    assert all(s.value is None for s in shown_for_rows(rows))
    client = client_for(world.athlete_a.user)
    html = client.get(reverse("activities:trends", args=[world.athlete_a.pk])).content.decode()
    assert "12345" not in html
    assert "hidden: shown once each of the last 4 weeks has training" in html
    assert "Not shown yet: no day so far has training in each of the 4 weeks" in html


def test_acute_chronic_shows_with_28_days_of_training(world, client_for):
    start = date(2026, 1, 1)
    rows = [load_row(world.athlete_a, start + timedelta(days=d), 40, 1.07) for d in range(35)]
    DailyLoad.objects.bulk_create(rows)
    shown = shown_for_rows(rows)
    assert shown[26].value is None and shown[27].value == 1.07  # day 28 is the first
    client = client_for(world.athlete_a.user)
    html = client.get(reverse("activities:trends", args=[world.athlete_a.pk])).content.decode()
    assert "1.07" in html and 'id="acwr-chart"' in html


def test_load_figures_name_their_unit_and_do_not_pass_for_tss(world, client_for):
    DailyLoad.objects.bulk_create([load_row(world.athlete_a, date(2026, 1, 1), 40)])
    client = client_for(world.athlete_a.user)
    html = client.get(reverse("activities:trends", args=[world.athlete_a.pk])).content.decode()
    assert "Fitness (42-day load)" in html
    assert "not TrainingPeaks&#x27; TSS" in html
