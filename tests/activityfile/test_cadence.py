from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from tagalong.activityfile.cadence import (
    EVIDENCE_ID,
    PER_LEG_RUN_CEILING_SPM,
    ensure_run_steps_per_minute,
    fit_steps_per_minute,
)
from tagalong.evidence import cite


def test_fit_cadence_79_plus_half_fractional_is_159_steps_per_minute() -> None:
    spm = fit_steps_per_minute(np.array([79.0]), np.array([0.5]))
    assert spm.tolist() == [159.0]


def test_fit_cadence_without_fractional_field_doubles_the_whole_strides() -> None:
    assert fit_steps_per_minute(np.array([80.0, np.nan]), None)[0] == 160.0


def test_missing_fractional_sample_counts_as_zero() -> None:
    spm = fit_steps_per_minute(np.array([80.0]), np.array([np.nan]))
    assert spm.tolist() == [160.0]


def test_run_cadence_below_130_is_taken_as_per_leg_and_doubled() -> None:
    per_leg = np.array([0.0, 80.0, 82.0, 84.0])
    assert ensure_run_steps_per_minute(per_leg).tolist() == [0.0, 160.0, 164.0, 168.0]


def test_run_cadence_already_in_steps_is_kept() -> None:
    steps = np.array([170.0, 172.0, 0.0, 0.0, 0.0])  # standing still must not drag the median
    assert ensure_run_steps_per_minute(steps) is steps


def test_cadence_guard_cites_the_fit_evidence_entry() -> None:
    assert "130" in cite(EVIDENCE_ID).statement
    assert PER_LEG_RUN_CEILING_SPM == 130.0


@given(st.floats(min_value=60, max_value=129.9))
def test_any_per_leg_run_cadence_is_doubled(strides: float) -> None:
    assert ensure_run_steps_per_minute(np.array([strides]))[0] == 2 * strides


@given(st.floats(min_value=130, max_value=230))
def test_any_steps_per_minute_run_cadence_is_kept(steps: float) -> None:
    assert ensure_run_steps_per_minute(np.array([steps]))[0] == steps
