"""Where a plan's inputs came from ("Made from") in the reader's language, months later too."""

import datetime as dt

from django.utils import translation

from tagalong.plans.intake import (
    LONGEST_RUN,
    PlanInputs,
    _imported_run_of,
    inputs_used,
    said_inputs,
)
from tagalong.wording import Phrase


def _longest_run_inputs() -> PlanInputs:
    inputs = PlanInputs()
    inputs.fill(
        LONGEST_RUN,
        Phrase("{km:.1f} km", km=17.2),
        _imported_run_of(dt.date(2026, 11, 22)),
        longest_run_km_30d=17.2,
    )
    return inputs


def test_kept_inputs_are_stored_in_english_and_read_in_german():
    rows = inputs_used(_longest_run_inputs(), {"longest_run_km_30d": 17.2})
    assert {k: rows[0][k] for k in ("what", "value", "source")} == {
        "what": "Longest run in the last 30 days",
        "value": "17.2 km",
        "source": "imported run of 22 Nov 2026",
    }
    with translation.override("de"):
        assert said_inputs(rows) == [
            {
                "what": "Längster Lauf der letzten 30 Tage",
                "value": "17,2 km",
                "source": "importierter Lauf vom 22. Nov 2026",
            }
        ]


def test_what_the_coach_typed_instead_says_so_in_german():
    rows = inputs_used(_longest_run_inputs(), {"longest_run_km_30d": 20.5})
    with translation.override("de"):
        assert said_inputs(rows)[0]["value"] == "20,5 km"
        assert said_inputs(rows)[0]["source"] == "vom Coach geändert"


def test_an_older_row_without_phrases_shows_as_stored():
    old = [{"what": "Running now", "value": "30 km a week", "source": "intake"}]
    with translation.override("de"):
        assert said_inputs(old) == old
