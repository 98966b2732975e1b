from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tagalong.evidence import REGISTRY
from tagalong.trainingload.daily import (
    ACUTE_LAMBDA,
    ACWR_MIN_DAYS,
    CHRONIC_LAMBDA,
    PMC_CONVENTION,
    DayInput,
    LoadState,
    recompute,
    single_run_spike,
    update_from,
    weekly_distance_change,
)

START = date(2026, 1, 1)


def _day(n: int) -> date:
    return START + timedelta(days=n)


def test_ewma_lambdas_are_williams_2_over_n_plus_1():
    assert abs(ACUTE_LAMBDA - 2 / 8) < 1e-15
    assert abs(CHRONIC_LAMBDA - 2 / 29) < 1e-15


def test_one_day_of_load_adds_a_42nd_to_fitness_and_a_7th_to_fatigue():
    [row] = recompute({START: DayInput(load=100)}, start=START, end=START)
    assert row.ctl == pytest.approx(100 / 42)
    assert row.atl == pytest.approx(100 / 7)
    assert row.acute_ewma == pytest.approx(100 * 2 / 8)


def test_form_is_yesterdays_fitness_minus_yesterdays_fatigue():
    rows = recompute(
        {START: DayInput(load=100), _day(1): DayInput(load=50)}, start=START, end=_day(1)
    )
    assert rows[0].tsb == 0.0  # today's session does not change today's form
    assert rows[1].tsb == pytest.approx(100 / 42 - 100 / 7)


def test_convention_is_named_for_the_help_text():
    assert "CTL += (load − CTL)/42" in PMC_CONVENTION
    assert "yesterday" in PMC_CONVENTION


def test_ramp_rate_is_fitness_change_over_seven_days():
    days = {_day(i): DayInput(load=60) for i in range(20)}
    rows = recompute(days, start=START, end=_day(19))
    assert rows[6].ramp_rate is None
    assert rows[14].ramp_rate == pytest.approx(rows[14].ctl - rows[7].ctl)


def test_acwr_uses_chronic_ewma_from_seven_days_before():
    days = {_day(i): DayInput(load=50) for i in range(60)}
    rows = recompute(days, start=START, end=_day(59))
    today = rows[50]
    assert today.chronic_ewma_uncoupled == rows[43].state.chronic_ewma
    assert today.acwr == pytest.approx(today.acute_ewma / rows[43].state.chronic_ewma)


def test_acwr_is_hidden_until_a_full_chronic_window_exists():
    days = {_day(i): DayInput(load=50) for i in range(40)}
    rows = recompute(days, start=START, end=_day(39))
    assert rows[ACWR_MIN_DAYS - 2].acwr is None
    assert rows[ACWR_MIN_DAYS - 1].acwr is not None


def test_acwr_warning_above_1_5_after_a_sudden_block():
    days = {_day(i): DayInput(load=30) for i in range(50)}
    days.update({_day(i): DayInput(load=150) for i in range(50, 57)})
    rows = recompute(days, start=START, end=_day(56))
    assert not rows[49].acwr_warning
    assert rows[56].acwr > 1.5
    assert rows[56].acwr_warning


def test_acwr_evidence_is_registered():
    for evidence_id in (
        "load.ewma.williams_2017",
        "load.acwr.uncoupled_lolli_2019",
        "load.acwr.danger_gabbett_2016",
        "load.pmc.trainingpeaks",
        "coaching.pmc.form_from_yesterday",
    ):
        assert evidence_id in REGISTRY


def test_weekly_change_of_exactly_30_percent_is_not_flagged():
    change = weekly_distance_change(this_week_km=39, previous_weeks_km=(30, 30))
    assert change.change == pytest.approx(0.30)
    assert not change.flagged


def test_weekly_change_just_over_30_percent_is_flagged():
    assert weekly_distance_change(this_week_km=39.1, previous_weeks_km=(30, 30)).flagged


def test_weekly_change_compares_with_the_mean_of_two_weeks():
    change = weekly_distance_change(this_week_km=30, previous_weeks_km=(20, 30))
    assert change.previous_mean_km == 25
    assert change.change == pytest.approx(0.2)


def test_weekly_change_after_two_empty_weeks_is_unknown_not_infinite():
    change = weekly_distance_change(this_week_km=20, previous_weeks_km=(0, 0))
    assert change.change is None
    assert not change.flagged


def test_daily_series_sums_the_last_three_seven_day_blocks():
    days = {_day(i): DayInput(distance_km=3) for i in range(0, 7)}  # 21 km
    days.update({_day(i): DayInput(distance_km=4) for i in range(7, 14)})  # 28 km
    days.update({_day(i): DayInput(distance_km=6) for i in range(14, 21)})  # 42 km
    weekly = recompute(days, start=START, end=_day(20))[-1].weekly_distance
    assert weekly.this_week_km == pytest.approx(42)
    assert weekly.previous_mean_km == pytest.approx(24.5)
    assert weekly.flagged


@pytest.mark.parametrize(
    ("run_km", "band", "tone", "hazard"),
    [
        (11.0, "none", "none", None),  # exactly +10 %: not "more than 10 %"
        (11.01, "up_to_30", "amber", 1.64),
        (13.0, "up_to_30", "amber", 1.64),
        (13.01, "30_to_100", "amber", 1.52),
        (20.0, "30_to_100", "amber", 1.52),
        (20.01, "over_100", "red", 2.28),
        (8.0, "none", "none", None),
    ],
)
def test_single_run_spike_bands_follow_frandsen(run_km, band, tone, hazard):
    spike = single_run_spike(run_km, [5.0, 10.0, 7.0])
    assert (spike.band, spike.tone, spike.hazard_ratio) == (band, tone, hazard)


def test_spike_without_runs_in_the_last_30_days_has_no_history():
    spike = single_run_spike(8.0, [0.0] * 30)
    assert (spike.band, spike.tone, spike.increase) == ("no_history", "none", None)


def test_daily_spike_looks_back_exactly_30_days():
    days = {_day(0): DayInput(distance_km=20, longest_run_km=20)}
    days[_day(30)] = DayInput(distance_km=12, longest_run_km=12)  # 20 km is 30 days back
    days[_day(31)] = DayInput(distance_km=12, longest_run_km=12)  # 20 km is now 31 days back
    days[_day(32)] = DayInput(distance_km=14, longest_run_km=14)
    rows = recompute(days, start=START, end=_day(32))
    assert rows[30].run_spike.band == "none"
    assert rows[32].run_spike.band == "up_to_30"
    assert rows[32].run_spike.previous_longest_km == 12


def test_negative_day_input_names_the_field():
    with pytest.raises(ValueError, match=r"DayInput\.distance_km"):
        DayInput(distance_km=-1)


def test_update_from_needs_the_state_of_the_day_before():
    state = recompute({}, start=START, end=_day(5))[-1].state
    with pytest.raises(ValueError, match="needs the state of"):
        update_from(state, {}, from_day=_day(8), end=_day(9))


def test_state_survives_a_round_trip_through_json_types():
    state = recompute(
        {_day(3): DayInput(load=80, distance_km=10, longest_run_km=10)}, start=START, end=_day(10)
    )[-1].state
    assert LoadState.from_dict(state.to_dict()) == state


def test_broken_stored_state_is_rejected_clearly():
    with pytest.raises(ValueError, match="stored load state"):
        LoadState.from_dict({"day": "2026-01-01"})


day_inputs = st.builds(
    DayInput,
    load=st.floats(0, 400, allow_nan=False),
    distance_km=st.floats(0, 50, allow_nan=False),
    longest_run_km=st.floats(0, 50, allow_nan=False),
)
histories = st.dictionaries(st.integers(0, 89).map(_day), day_inputs, max_size=60)


@settings(max_examples=40, deadline=None)
@given(days=histories, split=st.integers(1, 89), changes=histories)
def test_incremental_update_equals_full_recompute(days, split, changes):
    end = _day(89)
    split_day = _day(split)
    before = recompute(days, start=START, end=split_day - timedelta(days=1))
    # An import changes days from split_day on; days before it stay as they were.
    edited = {**days, **{d: v for d, v in changes.items() if d >= split_day}}
    tail = update_from(before[-1].state, edited, from_day=split_day, end=end)
    assert before + tail == recompute(edited, start=START, end=end)


@settings(max_examples=40, deadline=None)
@given(days=histories, extra_day=st.integers(0, 89), extra=st.floats(0.1, 300))
def test_adding_load_never_lowers_fatigue(days, extra_day, extra):
    end = _day(89)
    base = recompute(days, start=START, end=end)
    day = _day(extra_day)
    old = days.get(day, DayInput())
    more = {**days, day: DayInput(old.load + extra, old.distance_km, old.longest_run_km)}
    for plain, loaded in zip(base, recompute(more, start=START, end=end), strict=True):
        assert loaded.atl >= plain.atl
        assert loaded.ctl >= plain.ctl


def test_a_long_rest_keeps_no_rows_but_the_same_numbers_after_it():
    from tagalong.trainingload import daily

    days = {_day(i): DayInput(load=60, distance_km=8, longest_run_km=8) for i in range(0, 40, 2)}
    days[_day(400)] = DayInput(load=80, distance_km=12, longest_run_km=12)
    rows = recompute(days, start=START, end=_day(410))
    shown = {row.day for row in rows}
    assert _day(38 + daily.REST_GAP_DAYS) in shown
    assert _day(39 + daily.REST_GAP_DAYS) not in shown
    assert {_day(400), _day(410)} <= shown
    step_by_step = {r.day: r for r in _every_day(days, end=_day(410))}
    for row in rows:
        other = step_by_step[row.day]
        assert row.ctl == pytest.approx(other.ctl, rel=1e-9, abs=1e-12)
        assert row.atl == pytest.approx(other.atl, rel=1e-9, abs=1e-12)
        assert (row.acwr is None) == (other.acwr is None)
        assert row.run_spike == other.run_spike and row.weekly_distance == other.weekly_distance


def _every_day(days, *, end):  # type: ignore[no-untyped-def]
    from tagalong.trainingload.daily import _REST_DAY, _next_day, initial_state

    state, rows = initial_state(START), []
    for offset in range((end - START).days + 1):
        row = _next_day(state, days.get(START + timedelta(days=offset), _REST_DAY))
        rows.append(row)
        state = row.state
    return rows


def test_fast_forward_equals_stepping_through_rest_days():
    from tagalong.trainingload.daily import fast_forward

    days = {_day(i): DayInput(load=50 + i, distance_km=5, longest_run_km=5) for i in range(10)}
    state = recompute(days, start=START, end=_day(9))[-1].state
    for rest in (0, 3, 7, 25, 40):
        jumped = fast_forward(state, rest)
        stepped = update_from(state, {}, from_day=_day(10), end=_day(10 + rest))[-1].state
        walked = fast_forward(state, rest + 1)
        assert walked.day == stepped.day
        assert walked.ctl == pytest.approx(stepped.ctl)
        assert walked.recent_chronic == pytest.approx(stepped.recent_chronic)
        assert walked.recent_distance_km == stepped.recent_distance_km
        assert jumped.days_seen == state.days_seen + rest
