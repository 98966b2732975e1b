"""Every text the calf check writes for a person is a Phrase, so it can be said in any language;
a bare string (a new f-string) fails here. Codes (causes, verdicts, kinds, slugs, ids) are data."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tagalong.calfcheck import (
    CAUSE_TITLES,
    CAUSES,
    RED_FLAG_LABELS,
    VERDICT_WORDS,
    CaseError,
    case_from_json,
    check_calves,
    result_phrases,
    result_to_json,
    said_again,
)
from tagalong.wording import Phrase

from .cases import TODAY, example_json, healthy_case
from .test_properties import cases

# Keys whose strings are data, not words: codes, slugs, evidence ids, ISO dates.
CODES = {"cause", "verdict", "kind", "exercise", "citations", "red_flags", "date"}
# Units written the same in every language.
SYMBOLS = {"%", "/10", "cm", "km", "s"}


def texts(data: Any, key: str = "") -> list[tuple[str, str]]:
    """(key, text) of every string in a result's JSON that a person reads."""
    if isinstance(data, dict):
        return [found for k, v in data.items() if k not in CODES for found in texts(v, k)]
    if isinstance(data, list):
        return [found for item in data for found in texts(item, key)]
    if isinstance(data, str) and not (key == "unit" and data in SYMBOLS):
        return [(key, data)]
    return []


def assert_all_phrases(result: dict[str, Any]) -> None:
    plain = [(key, text) for key, text in texts(result) if not isinstance(text, Phrase)]
    assert plain == [], f"texts that are not phrases: {plain}"


@given(cases)
def test_every_text_of_a_generated_case_is_a_phrase(case):
    assert_all_phrases(result_to_json(check_calves(case, today=TODAY)))


@given(cases, st.lists(st.sampled_from(sorted(RED_FLAG_LABELS)), min_size=1, max_size=3))
def test_the_red_flag_stop_is_said_in_phrases(case, flags):
    result = result_to_json(
        check_calves(dataclasses.replace(case, red_flags=tuple(flags)), today=TODAY)
    )
    assert result["stop"] and isinstance(result["message"], Phrase)
    assert_all_phrases(result)


def test_the_worked_examples_say_everything_in_phrases():
    for case in (healthy_case(), case_from_json(example_json())):
        result = result_to_json(check_calves(case, today=TODAY))
        assert_all_phrases(result)
        assert texts(result), "the example should have texts to check"


def test_a_stored_result_comes_back_with_its_phrases_and_old_ones_as_stored():
    checked = check_calves(case_from_json(example_json()), today=TODAY)
    stored = json.loads(json.dumps(result_to_json(checked)))
    phrases = json.loads(json.dumps(result_phrases(checked)))
    again = said_again(stored, phrases)
    assert again == stored  # the same English
    assert_all_phrases(again)
    assert said_again(stored, {}) == stored  # a result stored before phrases existed
    assert all(not isinstance(text, Phrase) for _, text in texts(said_again(stored, {})))


def test_causes_verdicts_and_red_flags_are_named_in_phrases():
    assert set(CAUSE_TITLES) == set(CAUSES)
    assert set(VERDICT_WORDS) == {"likely", "possible", "unlikely", "unknown"}
    for words in (*CAUSE_TITLES.values(), *VERDICT_WORDS.values(), *RED_FLAG_LABELS.values()):
        assert isinstance(words, Phrase)


@given(
    st.sampled_from(
        [
            {"athlete": {"age": 5}},
            {"athlete": {"sex": "other"}},
            {"tests": {"heel_raise_reps": {"left": 3}}},
            {"technique": {"cadence_spm": 80}},
            {"load": {"runs": [{"date": "yesterday", "distance_km": 4}]}},
            {"shoes": [{"name": " ", "km": 3}]},
            {"colour": "red"},
            {"load": {"weekly_km": "lots"}},
        ]
    )
)
def test_why_a_case_is_refused_is_a_phrase(case):
    try:
        case_from_json(case)
    except CaseError as error:
        assert isinstance(error.reason, Phrase) and isinstance(error.message, Phrase)
    else:
        raise AssertionError(f"{case} should be refused")
