"""The calf-check case built from the athlete's runs, shoes and symptom log."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tagalong.assessments import case_sources, selectors
from tagalong.assessments.models import Intake
from tagalong.calfcheck import case_from_json
from tagalong.shoes.models import Shoe, ShoeUse
from tagalong.symptoms.models import SymptomLog
from tests.assessments import athlete_data
from tests.assessments.athlete_data import TODAY, run
from tests.factories import make_athlete

pytestmark = pytest.mark.django_db


def case_for(athlete):  # type: ignore[no-untyped-def]
    return selectors.build_case(athlete, today=TODAY)


def test_an_athlete_with_no_data_gives_a_case_the_engine_accepts() -> None:
    athlete = make_athlete(birth_date=None, sex="", body_mass_kg=None)
    assert case_for(athlete) == {}
    case_from_json(case_for(athlete))


def test_all_the_fixture_data_gives_the_hand_written_case() -> None:
    athlete = make_athlete()
    athlete_data.add_everything(athlete)
    assert case_for(athlete) == athlete_data.EQUIVALENT_CASE


def test_run_dates_are_the_athletes_local_dates() -> None:
    athlete = make_athlete(time_zone="Pacific/Auckland")
    run(athlete, "2026-03-15T13:30", 5, 30)  # 02:30 on the 16th in Auckland
    assert case_for(athlete)["load"]["runs"][0]["date"] == "2026-03-16"


def test_runs_after_today_or_older_than_60_days_are_left_out() -> None:
    athlete = make_athlete()
    run(athlete, "2026-01-14T12:00", 5, 30)  # 61 days before
    run(athlete, "2026-01-15T12:00", 6, 36)  # 60 days before
    run(athlete, "2026-03-17T12:00", 7, 40)
    assert [r["distance_km"] for r in case_for(athlete)["load"]["runs"]] == [6]


def test_cadence_comes_from_the_latest_easy_run_never_an_average() -> None:
    athlete = make_athlete()
    run(athlete, "2026-03-01T12:00", 8, 50, rpe=3, avg_cadence_spm=150.0, avg_speed_m_s=2.6)
    run(athlete, "2026-03-05T12:00", 8, 50, rpe=4, avg_cadence_spm=160.0, avg_speed_m_s=2.7)
    run(athlete, "2026-03-08T12:00", 8, 35, rpe=5, avg_cadence_spm=175.0, avg_speed_m_s=3.3)
    technique = case_for(athlete)["technique"]
    assert technique == {"cadence_spm": 160.0, "speed_m_s": 2.7, "cadence_date": "2026-03-05"}


def test_without_rpe_the_faster_half_of_runs_is_not_easy() -> None:
    athlete = make_athlete()
    run(athlete, "2026-03-01T12:00", 8, 50, avg_cadence_spm=150.0, avg_speed_m_s=2.5)
    run(athlete, "2026-03-03T12:00", 8, 50, avg_cadence_spm=156.0, avg_speed_m_s=2.7)
    run(athlete, "2026-03-05T12:00", 8, 40, avg_cadence_spm=176.0, avg_speed_m_s=3.3)
    assert case_for(athlete)["technique"]["cadence_date"] == "2026-03-03"


def test_a_run_at_a_speed_the_reference_covers_is_preferred() -> None:
    athlete = make_athlete()
    run(athlete, "2026-03-01T12:00", 8, 50, rpe=3, avg_cadence_spm=158.0, avg_speed_m_s=2.6)
    run(athlete, "2026-03-05T12:00", 3, 40, rpe=2, avg_cadence_spm=140.0, avg_speed_m_s=1.2)
    assert case_for(athlete)["technique"]["cadence_date"] == "2026-03-01"


def test_cadence_older_than_4_weeks_is_not_used() -> None:
    athlete = make_athlete()
    run(athlete, "2026-02-16T12:00", 8, 50, rpe=3, avg_cadence_spm=158.0, avg_speed_m_s=2.6)
    assert "technique" not in case_for(athlete)
    run(athlete, "2026-02-17T12:00", 8, 50, rpe=3, avg_cadence_spm=157.0, avg_speed_m_s=2.6)
    assert case_for(athlete)["technique"]["cadence_date"] == "2026-02-17"


@pytest.mark.parametrize(
    ("stored", "case_value"), [(80.0, 160.0), (129.0, None), (130.0, 130.0), (251.0, None)]
)
def test_per_leg_cadence_is_doubled_and_implausible_values_are_skipped(stored, case_value) -> None:  # type: ignore[no-untyped-def]
    athlete = make_athlete()
    run(athlete, "2026-03-10T12:00", 8, 50, avg_cadence_spm=stored, avg_speed_m_s=2.7)
    assert case_for(athlete).get("technique", {}).get("cadence_spm") == case_value


def test_foot_strike_only_when_a_pod_gave_a_category() -> None:
    athlete = make_athlete()
    pod = {"field": "FootStrike", "median_value": 30.0, "category": None}
    run(athlete, "2026-03-10T12:00", 8, 50, foot_strike=pod)
    assert "technique" not in case_for(athlete)
    typed = {"field": "FootStrikeType", "median_value": 8.0, "category": "midfoot"}
    run(athlete, "2026-03-01T12:00", 8, 50, foot_strike=typed)
    assert case_for(athlete)["technique"] == {
        "foot_strike": "midfoot",
        "foot_strike_date": "2026-03-01",
    }


def test_shoe_first_used_is_its_own_date_or_its_first_run_from_zero_km() -> None:
    athlete = make_athlete()
    a = run(athlete, "2026-03-01T12:00", 10, 60)
    dated = Shoe.objects.create(athlete=athlete, name="A", first_used=date(2026, 2, 1))
    fresh = Shoe.objects.create(athlete=athlete, name="B", retire_km=600, remind_km=400)
    worn = Shoe.objects.create(athlete=athlete, name="C", starting_km=300)
    ShoeUse.objects.create(shoe=fresh, activity=a)
    ShoeUse.objects.create(shoe=worn, activity=run(athlete, "2026-03-02T12:00", 5, 30))
    assert dated.first_used and case_for(athlete)["shoes"] == [
        {"name": "A", "km": 0.0, "retire_km": 800, "first_used": "2026-02-01"},
        {"name": "B", "km": 10.0, "retire_km": 600, "first_used": "2026-03-01"},
        {"name": "C", "km": 305.0, "retire_km": 800},
    ]


def test_retired_shoes_are_not_in_the_case() -> None:
    athlete = make_athlete()
    Shoe.objects.create(athlete=athlete, name="Old", retired_at=datetime(2026, 1, 1, tzinfo=UTC))
    assert "shoes" not in case_for(athlete)


def test_the_symptom_log_gives_the_worst_value_per_time_its_day_and_the_side() -> None:
    athlete = make_athlete()
    SymptomLog.objects.create(athlete=athlete, day=date(2026, 3, 3), calf_pain_right_after=6)
    SymptomLog.objects.create(athlete=athlete, day=date(2026, 3, 2), calf_pain_right_after=9)
    SymptomLog.objects.create(athlete=athlete, day=date(2026, 3, 10), calf_tightness_left_after=6)
    assert case_for(athlete)["symptoms"] == {
        "calf_tightness": {"after": 6},
        "dates": {"after": "2026-03-10"},
        "side": "both",
    }


def test_a_log_of_zeros_has_no_side_and_intake_answers_fill_in_without_a_log() -> None:
    athlete = make_athlete()
    Intake.objects.create(athlete=athlete, concerns={"during": 3, "side": "left"})
    assert case_for(athlete)["symptoms"] == {"calf_tightness": {"during": 3}, "side": "left"}
    SymptomLog.objects.create(athlete=athlete, day=TODAY, calf_tightness_left_during=0)
    assert case_for(athlete)["symptoms"] == {
        "calf_tightness": {"during": 0},
        "dates": {"during": "2026-03-16"},
    }


def test_intake_longest_run_fills_in_only_when_no_imported_run_covers_the_30_days() -> None:
    athlete = make_athlete()
    intake = Intake.objects.create(
        athlete=athlete, longest_run_km_30d=12, created_at=datetime(2026, 3, 1, tzinfo=UTC)
    )
    run(athlete, "2026-03-14T12:00", 15, 90)
    assert case_for(athlete)["load"]["longest_run_km_30d"] == 12
    run(athlete, "2026-02-20T12:00", 10, 60)
    assert "longest_run_km_30d" not in case_for(athlete)["load"]
    assert case_sources.intake_longest_run(intake, [], zone="UTC") is None


def test_an_old_intake_does_not_give_the_longest_run() -> None:
    athlete = make_athlete()
    Intake.objects.create(
        athlete=athlete, longest_run_km_30d=12, created_at=datetime(2026, 1, 1, tzinfo=UTC)
    )
    run(athlete, "2026-03-14T12:00", 15, 90)
    assert "longest_run_km_30d" not in case_for(athlete)["load"]


def test_intake_red_flags_are_in_the_case() -> None:
    athlete = make_athlete()
    Intake.objects.create(athlete=athlete, red_flags=["chest_pain"])
    assert case_for(athlete)["red_flags"] == ["chest_pain"]


def test_athlete_today_is_the_date_in_their_time_zone(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from django.utils import timezone

    athlete = make_athlete(time_zone="America/New_York")
    late = datetime(2026, 3, 17, 2, 0, tzinfo=UTC)  # 22:00 on the 16th in New York
    monkeypatch.setattr(timezone, "now", lambda: late)
    assert selectors.athlete_today(athlete) == date(2026, 3, 16)
