"""The seated isometric soleus test: stored in kg, shown as × body weight with its source."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client

from tagalong.assessments import models as m
from tagalong.assessments.selectors import history_series
from tagalong.assessments.services import record_test_session
from tagalong.errors import DomainError
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db


def record(athlete, left: float = 96, right: float = 90, day: date = date(2026, 3, 1)):  # type: ignore[no-untyped-def]
    return record_test_session(
        athlete=athlete, by=athlete.user, day=day, values={"seated_soleus": (left, right)}
    )


def page_of(athlete) -> str:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(athlete.user)
    return client.get(f"/athletes/{athlete.pk}/tests/").content.decode()


def test_the_raw_kg_and_the_body_mass_are_stored() -> None:
    athlete = make_athlete(body_mass_kg=Decimal("60.0"))
    record(athlete)
    row = m.TestResult.objects.get()
    assert (row.left, row.right, row.unit, row.body_mass_kg) == (96, 90, "kg", 60.0)
    assert row.body_weights == (1.6, 1.5)


def test_the_tests_page_shows_times_body_weight_with_the_expert_target_and_its_source() -> None:
    athlete = make_athlete(body_mass_kg=Decimal("60.0"))
    record(athlete)
    page = page_of(athlete)
    assert "1.60 × body weight" in page and "1.50 × body weight" in page
    assert "96 kg ÷ 60 kg" in page and "developing" in page
    assert "expert target" in page and "1.7–2.0 × body weight for endurance runners" in page
    assert "Clinician targets for endurance runners" in page
    assert "= 1.60/1.50 × body weight" in page  # the history table


def test_history_keeps_the_body_mass_of_the_day_when_the_profile_changes() -> None:
    athlete = make_athlete(body_mass_kg=Decimal("60.0"))
    record(athlete)
    athlete.body_mass_kg = Decimal("80.0")
    athlete.save()
    record(athlete, left=120, right=120, day=date(2026, 4, 1))
    series = history_series(athlete)["seated_soleus"]
    assert series["left"] == [1.6, 1.5] and series["right"] == [1.5, 1.5]
    assert series["label"] == ["Seated soleus (× body weight)"]
    assert "1.60/1.50 × body weight" in page_of(athlete)


def test_without_a_body_mass_the_result_is_refused_with_a_reason() -> None:
    athlete = make_athlete(body_mass_kg=None)
    with pytest.raises(DomainError, match="add body mass to the profile first"):
        record(athlete)


def test_an_unknown_test_name_is_refused_not_a_server_error() -> None:
    athlete = make_athlete()
    with pytest.raises(DomainError, match="Unknown test"):
        record_test_session(
            athlete=athlete, by=athlete.user, day=date(2026, 3, 1), values={"plank": (1, 1)}
        )


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="the old 13-character unit never fitted varchar(12) on PostgreSQL, so only SQLite "
    "databases can hold such rows",
)
def test_old_results_stored_as_times_body_weight_are_backfilled_to_kg() -> None:
    athlete = make_athlete(body_mass_kg=Decimal("60.0"))
    session = record(athlete)
    m.TestResult.objects.filter(session=session).update(
        left=1.6, right=1.5, unit="x body weight", body_mass_kg=None
    )
    migration = import_module("tagalong.assessments.migrations.0003_backfill_soleus_raw_kg")
    migration.to_raw_kg(apps, None)
    row = m.TestResult.objects.get()
    assert (row.left, row.right, row.unit, row.body_mass_kg) == (96, 90, "kg", 60.0)
