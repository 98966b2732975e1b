import pytest

from tagalong.calfcheck import CaseError, case_from_json

from .cases import example_json


def test_the_documented_example_parses():
    case = case_from_json(example_json())
    assert case.tests.heel_raise_reps is not None and case.tests.heel_raise_reps.left == 18
    assert case.symptoms.next_morning == 3
    assert case.load.weekly_km == (28, 30, 42)
    assert case.technique.foot_strike == "forefoot"
    assert case.shoes[0].retire_km == 800


def test_an_empty_object_is_a_case_with_nothing_known():
    assert case_from_json({}).shoes == ()


def test_retire_km_defaults_to_800():
    assert case_from_json({"shoes": [{"name": "a", "km": 10}]}).shoes[0].retire_km == 800


def with_change(path, value):
    obj = example_json()
    *parents, last = path
    target = obj
    for key in parents:
        target = target[key]
    target[last] = value
    return obj


@pytest.mark.parametrize(
    ("path", "value", "field", "reason"),
    [
        (("athlete", "age"), 7, "athlete.age", "outside 12–100 years"),
        (("athlete", "sex"), "x", "athlete.sex", "must be one of female, male"),
        (("tests", "heel_raise_reps", "left"), -1, "tests.heel_raise_reps.left", "outside"),
        (("tests", "knee_to_wall_cm", "right"), "9", "tests.knee_to_wall_cm.right", "number"),
        (("symptoms", "calf_tightness", "after"), 11, "symptoms.calf_tightness.after", "0–10"),
        (("load", "runs", 0, "date"), "10/03/2026", "load.runs[0].date", "YYYY-MM-DD"),
        (("load", "weekly_km", 1), None, "load.weekly_km[1]", "number"),
        (("technique", "cadence_spm"), 80, "technique.cadence_spm", "per-leg"),
        (("technique", "foot_strike"), "toes", "technique.foot_strike", "forefoot"),
        (("shoes", 0, "km"), None, "shoes[0].km", "number"),
        (("red_flags",), ["swollen"], "red_flags[0]", "one_sided_calf_swelling"),
        (("tests", "heel_raise"), {}, "tests.heel_raise", "unknown field"),
        (("technique", "cadence_date"), "12.3.2026", "technique.cadence_date", "YYYY-MM-DD"),
        (("technique", "foot_strike_date"), 3, "technique.foot_strike_date", "YYYY-MM-DD"),
        (("symptoms", "dates"), {"after": "x"}, "symptoms.dates.after", "YYYY-MM-DD"),
        (("symptoms", "dates"), {"later": "2026-03-01"}, "symptoms.dates.later", "unknown"),
        (("shoes", 0, "first_used"), "March", "shoes[0].first_used", "YYYY-MM-DD"),
        (("shoes", 0, "retire_km"), 49, "shoes[0].retire_km", "outside 50–5000 km"),
    ],
)
def test_bad_fields_are_named_with_the_allowed_values(path, value, field, reason):
    with pytest.raises(CaseError) as excinfo:
        case_from_json(with_change(path, value))
    assert excinfo.value.field == field
    assert reason in excinfo.value.reason


def test_a_one_sided_test_needs_both_sides():
    with pytest.raises(CaseError, match=r"tests\.side_plank_s: needs both left and right"):
        case_from_json({"tests": {"side_plank_s": {"left": 30}}})


def test_the_top_level_must_be_an_object():
    with pytest.raises(CaseError, match="case: must be a JSON object"):
        case_from_json([])


def test_dates_of_the_evidence_parse_and_a_50_km_retirement_is_allowed():
    from datetime import date

    case = case_from_json(
        {
            "technique": {"cadence_date": "2026-03-12", "foot_strike_date": "2026-03-03"},
            "symptoms": {"calf_tightness": {"after": 4}, "dates": {"after": "2026-03-11"}},
            "shoes": [{"name": "a", "km": 10, "retire_km": 50, "first_used": "2026-03-10"}],
        }
    )
    assert case.technique.cadence_date == date(2026, 3, 12)
    assert case.technique.foot_strike_date == date(2026, 3, 3)
    assert case.symptoms.after_date == date(2026, 3, 11)
    assert case.shoes[0].first_used == date(2026, 3, 10) and case.shoes[0].retire_km == 50
