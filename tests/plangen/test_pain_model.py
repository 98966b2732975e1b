"""The pain-monitoring model at its boundaries (rehab.pain_monitoring.*)."""

from __future__ import annotations

import datetime as dt

import pytest

from tagalong.plangen import pain
from tagalong.plangen.adapt_model import PainScore

TODAY = dt.date(2026, 3, 12)


def day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


def rules(*scores: PainScore) -> set[str]:
    return {s.rule for s in pain.signals(scores, TODAY)}


@pytest.mark.parametrize(("score", "fires"), [(4, False), (5, False), (6, True), (10, True)])
def test_pain_during_running_is_too_much_only_above_5(score: int, fires: bool) -> None:
    assert ("too_much" in rules(PainScore(day(0), "left", during=score))) is fires


@pytest.mark.parametrize(("score", "fires"), [(5, False), (6, True)])
def test_pain_after_running_is_too_much_only_above_5(score: int, fires: bool) -> None:
    assert ("too_much" in rules(PainScore(day(-1), "right", after=score))) is fires


@pytest.mark.parametrize(("score", "fires"), [(2, False), (3, False), (4, True)])
def test_next_morning_pain_above_the_safe_zone_has_not_settled(score: int, fires: bool) -> None:
    assert ("not_settled" in rules(PainScore(day(-2), "left", next_morning=score))) is fires


def test_only_the_last_7_days_raise_a_signal() -> None:
    assert rules(PainScore(day(-6), "left", during=8)) == {"too_much"}
    assert rules(PainScore(day(-7), "left", during=8)) == set()
    assert rules(PainScore(day(1), "left", during=8)) == set()  # a future day is ignored


def test_a_morning_note_logged_apart_merges_with_the_run_note() -> None:
    merged = pain.merge(
        [PainScore(day(-1), "left", during=2), PainScore(day(-1), "left", next_morning=4)]
    )
    assert merged[(day(-1), "left")] == PainScore(day(-1), "left", 2, None, 4)


def test_worse_than_last_week_when_this_weeks_worst_is_higher_and_above_3() -> None:
    last_week = PainScore(day(-8), "left", during=3)
    assert rules(last_week, PainScore(day(-1), "left", during=4)) == {"worse"}
    assert rules(last_week, PainScore(day(-1), "left", during=3)) == set()
    # rising inside the safe zone is not acted on
    assert (
        rules(PainScore(day(-8), "left", during=1), PainScore(day(-1), "left", during=3)) == set()
    )


def test_worse_compares_the_same_calf_and_needs_last_weeks_scores() -> None:
    assert (
        rules(PainScore(day(-8), "right", during=1), PainScore(day(-1), "left", during=4)) == set()
    )
    assert rules(PainScore(day(-1), "left", during=4)) == set()
    assert (
        rules(PainScore(day(-14), "left", during=1), PainScore(day(-1), "left", during=4)) == set()
    )
    assert rules(PainScore(day(-13), "left", during=1), PainScore(day(-1), "left", during=4)) == {
        "worse"
    }


def test_each_signal_says_which_calf_which_day_and_the_score() -> None:
    (signal,) = pain.signals([PainScore(day(-1), "right", during=7)], TODAY)
    assert signal.side == "right" and signal.day == day(-1) and signal.score == 7
    assert "7/10" in signal.text and "right calf" in signal.text


def test_stayed_safe_means_nothing_above_3_this_week() -> None:
    assert pain.stayed_safe([], TODAY)
    assert pain.stayed_safe([PainScore(day(-2), "left", during=3)], TODAY)
    assert not pain.stayed_safe([PainScore(day(-2), "left", after=4)], TODAY)
    assert pain.stayed_safe([PainScore(day(-9), "left", after=9)], TODAY)
