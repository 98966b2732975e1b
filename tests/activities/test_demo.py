from __future__ import annotations

from types import SimpleNamespace

import pytest

from tagalong.activities.demo import add_demo_activities
from tagalong.activities.models import Activity, DailyLoad
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db


def test_demo_gives_each_athlete_ten_weeks_of_runs_and_load():
    athletes = [make_athlete() for _ in range(6)]
    add_demo_activities(SimpleNamespace(athletes=athletes))
    for athlete in athletes:
        assert Activity.objects.filter(athlete=athlete).count() >= 36
        assert DailyLoad.objects.filter(athlete=athlete, acwr__isnull=False).exists()
