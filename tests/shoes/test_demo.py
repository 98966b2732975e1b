from __future__ import annotations

import pytest

from tagalong.athletes.models import AthleteProfile
from tagalong.demo import load_demo
from tagalong.shoes.models import AlertLevel, Shoe
from tagalong.shoes.selectors import shoes_of
from tagalong.symptoms.models import SymptomLog

pytestmark = pytest.mark.django_db


def test_demo_gives_every_runner_shoes_one_near_500_and_one_past_800_km() -> None:
    assert load_demo()
    athletes = AthleteProfile.objects.filter(user__email__endswith="@demo.tagalong")
    shoes = [shoe for athlete in athletes for shoe in shoes_of(athlete)]
    assert {shoe.athlete_id for shoe in shoes} == {a.pk for a in athletes}
    assert [s.alert for s in shoes].count(AlertLevel.RETIRE) == 1  # type: ignore[attr-defined]
    assert Shoe.objects.filter(starting_km__gte=450, starting_km__lt=500).count() == 1


def test_demo_gives_two_runners_two_weeks_of_symptom_logs() -> None:
    assert load_demo()
    per_athlete = {
        athlete_id: SymptomLog.objects.filter(athlete_id=athlete_id).count()
        for athlete_id in SymptomLog.objects.values_list("athlete", flat=True).distinct()
    }
    assert sorted(per_athlete.values()) == [14, 14]
