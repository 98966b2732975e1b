import pytest

from tagalong.trainingload.athlete_load import (
    ActivityLoads,
    choose_basis,
    round_significant,
    series_load,
)


def _with(*measures: str, minutes: float = 60.0) -> ActivityLoads:
    values = {"srpe": 4 * minutes, "trimp": 1.2 * minutes, "rtss": minutes}
    loads = {m: values[m] for m in measures}
    return ActivityLoads({**loads, "duration": minutes}, minutes)


def test_measure_most_activities_have_is_chosen():
    runs = [_with("trimp")] * 6 + [_with("srpe")] * 2 + [_with()] * 2
    basis = choose_basis(runs)
    assert (basis.measure, basis.chosen_by, basis.having, basis.total) == (
        "trimp",
        "most_activities",
        6,
        10,
    )
    assert basis.evidence_id == "load.trimp.banister"


def test_without_a_majority_the_series_is_in_minutes():
    basis = choose_basis([_with("trimp"), _with("srpe"), _with(), _with()])
    assert (basis.measure, basis.chosen_by) == ("duration", "fallback")


def test_activities_without_the_measure_count_at_the_athletes_typical_rate():
    runs = [_with("trimp", minutes=60), _with("trimp", minutes=30), _with(minutes=50)]
    basis = choose_basis(runs)
    assert basis.rate_per_minute == 1.2
    assert series_load(runs[2], basis) == pytest.approx(60.0)
    assert series_load(runs[0], basis) == pytest.approx(72.0)


def test_a_setting_wins_and_an_unknown_rate_counts_zero():
    runs = [_with("trimp"), _with("trimp")]
    basis = choose_basis(runs, setting="srpe")
    assert (basis.measure, basis.chosen_by, basis.rate_per_minute) == ("srpe", "setting", None)
    assert series_load(runs[0], basis) == 0.0


def test_rate_is_rounded_to_two_significant_figures():
    assert round_significant(1.2345, 2) == 1.2
    assert round_significant(0.04567, 2) == 0.046
    assert round_significant(123.4, 2) == 120.0
