"""The core's phrases: English as written, and everything needed to say them again."""

import datetime as dt
import json
import pickle

from hypothesis import given
from hypothesis import strategies as st

from tagalong import wording
from tagalong.wording import Phrase, from_json, phrase_json, phrase_n, text_from_json


def test_a_phrase_is_its_english_sentence():
    said = Phrase(
        "Rest day of {day:%a %-d %b} moves on {km:.1f} km", day=dt.date(2026, 3, 3), km=4.25
    )
    assert said == "Rest day of Tue 3 Mar moves on 4.2 km"
    assert said.template == "Rest day of {day:%a %-d %b} moves on {km:.1f} km"
    assert said + "!" == "Rest day of Tue 3 Mar moves on 4.2 km!"
    assert json.dumps(said) == json.dumps(str(said))


def test_plural_is_chosen_by_count():
    assert phrase_n("{count} run", "{count} runs", 1) == "1 run"
    assert phrase_n("{count} run", "{count} runs", 3) == "3 runs"


def test_nested_phrases_and_lists_read_as_english():
    inner = Phrase("calf raises")
    said = Phrase("Do {what} and {others}", what=inner, others=(Phrase("bridges"), "squats"))
    assert said == "Do calf raises and bridges, squats"


def test_json_round_trip_keeps_template_and_values():
    said = Phrase(
        "{who} ran {km:.1f} km on {day:%a %-d %b} at {at:%H:%M}",
        who=Phrase("Sam"),
        km=12.0,
        day=dt.date(2026, 3, 3),
        at=dt.datetime(2026, 3, 3, 7, 30),
    )
    again = from_json(json.loads(json.dumps(said.to_json())))
    assert again == said
    assert again.template == said.template
    assert again.values == said.values
    assert pickle.loads(pickle.dumps(said)).values == said.values  # noqa: S301 (our own bytes)
    counted = phrase_n("{count} run", "{count} runs", 2)
    assert from_json(counted.to_json()) == "2 runs"


def test_stored_text_without_a_phrase_stays_as_it_is():
    assert text_from_json("Written by the coach", None) == "Written by the coach"
    assert text_from_json("old", {"t": "{missing}"}) == "old"
    assert phrase_json("plain") is None
    assert phrase_json(Phrase("Rest")) == {"t": "Rest", "v": {}}


def test_an_installed_translator_decides_what_str_says():
    said = Phrase("Easy run")
    before = wording.install(lambda phrase: phrase.template.upper())
    try:
        assert str(said) == "EASY RUN"
        assert f"{said}" == "EASY RUN"
        assert said == "Easy run"  # comparing stays on the English sentence
        wording.install(None)
        assert str(said) == "Easy run"
    finally:
        wording.install(before)


@given(
    st.text(alphabet=st.characters(blacklist_characters="{}")),
    st.integers(),
    st.floats(allow_nan=False),
)
def test_any_plain_template_round_trips(text, number, ratio):
    said = Phrase(text + " {n} {r}", n=number, r=ratio)
    assert from_json(said.to_json()) == said
