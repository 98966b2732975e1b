from __future__ import annotations

from datetime import date, timedelta

import pytest

from tagalong.audit.models import AuditEntry
from tagalong.errors import DomainError
from tagalong.symptoms.selectors import calf_pain_series
from tagalong.symptoms.services import athlete_today, log_symptoms
from tests.factories import make_athlete
from tests.shoes.helpers import make_run

pytestmark = pytest.mark.django_db


def _log(athlete, **kwargs):  # type: ignore[no-untyped-def]
    return log_symptoms(athlete=athlete, by=athlete.user, day=date(2026, 1, 5), **kwargs)


def test_log_saves_scores_regions_and_an_audit_entry() -> None:
    athlete = make_athlete()
    log = _log(
        athlete,
        scores={"calf_pain_left_after": 4, "calf_tightness_right_next_morning": 2},
        other_regions=[{"region": "achilles", "side": "left", "pain": 3}],
        note=" tight on hills ",
    )
    assert log.calf_pain_left_after == 4 and log.calf_pain_right_after is None
    assert log.other_regions == [{"region": "achilles", "side": "left", "pain": 3}]
    assert log.note == "tight on hills"
    assert AuditEntry.objects.get(action="symptoms.logged").athlete_id == athlete.pk


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        ({"scores": {"calf_pain_left_during": 11}}, "calf_pain_left_during", "0 to 10"),
        ({"scores": {"calf_pain_right_after": -1}}, "calf_pain_right_after", "0 to 10"),
        ({"scores": {"calf_tightness_left_after": 2.5}}, "calf_tightness_left_after", "whole"),
        ({"scores": {"calf_swelling_left": 2}}, None, "Unknown score"),
        (
            {"scores": {}, "other_regions": [{"region": "elbow", "side": "left", "pain": 2}]},
            "other_regions[0].region",
            "unknown region 'elbow'",
        ),
        (
            {"scores": {}, "other_regions": [{"region": "knee", "side": "up", "pain": 2}]},
            "other_regions[0].side",
            "side must be",
        ),
        (
            {"scores": {}, "other_regions": [{"region": "knee", "side": "left", "pain": 12}]},
            "other_regions[0].pain",
            "0 to 10",
        ),
        (
            {"scores": {}, "other_regions": [{"region": "knee", "side": "left"}]},
            "other_regions[0].pain",
            "missing",
        ),
        ({"scores": {}, "other_regions": "knee"}, "other_regions", "must be a list"),
        ({"scores": {}}, None, "at least one"),
    ],
)
def test_invalid_values_name_the_field(kwargs, field, words) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as error:
        _log(make_athlete(), **kwargs)
    assert error.value.field == field
    assert words in error.value.message


def test_a_day_in_the_future_of_the_athletes_zone_is_refused() -> None:
    athlete = make_athlete(time_zone="Pacific/Kiritimati")
    tomorrow = athlete_today(athlete) + timedelta(days=1)
    with pytest.raises(DomainError) as error:
        log_symptoms(athlete=athlete, by=None, day=tomorrow, scores={"calf_pain_left_after": 1})
    assert error.value.field == "day"


def test_an_activity_of_another_athlete_is_refused() -> None:
    athlete = make_athlete()
    with pytest.raises(DomainError) as error:
        _log(athlete, scores={"calf_pain_left_after": 1}, activity=make_run(make_athlete()))
    assert error.value.field == "activity_id"


def test_chart_series_takes_the_worst_pain_per_side_and_day() -> None:
    athlete = make_athlete()
    _log(athlete, scores={"calf_pain_left_during": 2, "calf_pain_left_after": 5})
    _log(athlete, scores={"calf_pain_left_next_morning": 6, "calf_tightness_right_after": 4})
    series = calf_pain_series(list(athlete.symptoms.all()))
    assert series["left"] == [6] and series["right"] == [None] and len(series["x"]) == 1
