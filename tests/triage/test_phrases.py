"""Every reason triage writes for a coach is a Phrase (stored beside the signal and said in the
coach's language); a bare string (a new f-string) fails here."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tagalong import triage
from tagalong.triage import CheckIn, Finding, PlannedSession
from tagalong.wording import Phrase

D = date(2026, 3, 16)
scores = st.none() | st.integers(0, 10)
days_back = st.integers(0, 60)


def said_in_phrases(found: Finding | None) -> None:
    if found is not None:
        assert isinstance(found.words, Phrase), f"{found.kind}: {found.words!r}"
        assert isinstance(found.label, Phrase)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(scores, scores), max_size=6))
def test_calf_pain_reasons(logs):
    check_ins = [CheckIn(D - timedelta(days=len(logs) - i), a, b) for i, (a, b) in enumerate(logs)]
    said_in_phrases(triage.pain_rising(check_ins))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(days_back, st.floats(600, 7200), st.none() | st.floats(0, 9000), st.booleans()),
        max_size=12,
    )
)
def test_plan_reasons(rows):
    sessions = [
        PlannedSession(D - timedelta(days=back + 1), planned, done, key, "long run")
        for back, planned, done, key in rows
    ]
    said_in_phrases(triage.compliance_falling(sessions, today=D))
    said_in_phrases(triage.missed_key_sessions(sessions, today=D))


@given(st.none() | st.integers(-30, 30))
def test_plan_end_reasons(days):
    said_in_phrases(triage.plan_ending(None if days is None else D + timedelta(days=days), today=D))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(days_back, st.floats(1, 40)), max_size=20))
def test_load_reasons(runs):
    said_in_phrases(triage.load_spike([(D - timedelta(days=b), km) for b, km in runs], today=D))


@given(
    st.none() | st.floats(0.1, 3.0),
    st.integers(0, 60),
    st.none() | days_back,
    st.lists(st.floats(140, 190), max_size=6),
    st.lists(st.floats(140, 190), max_size=6),
)
def test_load_data_and_cadence_reasons(acwr, history, last, recent, earlier):
    said_in_phrases(triage.acwr_out_of_band(acwr, history_days=history))
    last_day = None if last is None else D - timedelta(days=last)
    said_in_phrases(triage.no_data(last_day, today=D, days=7))
    said_in_phrases(triage.retest_overdue(last_day, today=D, weeks=4))
    said_in_phrases(triage.cadence_dropping(recent, earlier))


@given(
    st.lists(st.tuples(st.sampled_from(["Nimbus", "Pegasus"]), st.floats(0, 1200)), max_size=3),
    st.integers(0, 5),
    st.lists(st.tuples(days_back, st.sampled_from(["bad file", "no GPS"])), max_size=3),
    st.lists(st.integers(1, 200), max_size=4),
)
def test_admin_reasons(shoes, proposals, failures, hours):
    said_in_phrases(triage.worn_shoes([(name, km, 800.0) for name, km in shoes]))
    said_in_phrases(triage.open_proposals(proposals))
    said_in_phrases(triage.import_failed([(D - timedelta(days=b), why) for b, why in failures]))
    now = datetime(2026, 3, 16, 12, tzinfo=UTC)
    said_in_phrases(triage.unanswered_messages([now - timedelta(hours=h) for h in hours], now=now))


verdicts = st.sampled_from(["likely", "possible", "unlikely", "unknown"])
causes = st.sampled_from(["capacity_vs_load", "technique", "shoes"])


@given(st.dictionaries(causes, verdicts), st.dictionaries(causes, verdicts))
def test_calf_check_reasons_name_causes_and_verdicts_in_phrases(before, after):
    found = triage.calf_check_worse(before, after)
    said_in_phrases(found)
    if found is not None:
        named = found.words.values["causes"]  # type: ignore[attr-defined]
        assert all(isinstance(v, Phrase) for part in named for v in part.values.values())


def test_every_kind_is_named_in_a_phrase():
    assert all(isinstance(label, Phrase) for _, label in triage.KINDS)
