from __future__ import annotations

import time
from types import SimpleNamespace

import pytest

from tagalong.activities.demo import add_demo_activities
from tagalong.activities.models import Activity, DailyLoad
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db


def test_demo_gives_each_athlete_ten_weeks_of_runs_and_load_quickly():
    athletes = [make_athlete() for _ in range(6)]
    started = time.perf_counter()
    add_demo_activities(SimpleNamespace(athletes=athletes))
    assert time.perf_counter() - started < 2
    for athlete in athletes:
        assert Activity.objects.filter(athlete=athlete).count() >= 36
        assert DailyLoad.objects.filter(athlete=athlete, acwr__isnull=False).exists()
