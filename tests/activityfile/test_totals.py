"""Device totals first, samples fill the gaps, and nothing unshowable leaves the decoder."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, datetime

import numpy as np
import pytest

from tagalong.activityfile.decode import decode_activities
from tagalong.activityfile.model import Activity, Streams
from tagalong.activityfile.totals import settle

from .conftest import corpus_file


def _run(**changes: object) -> Activity:
    time_s = np.arange(0.0, 601.0)
    activity = Activity(
        source_format="fit",
        sport="running",
        sub_sport=None,
        start=datetime(2024, 1, 1, tzinfo=UTC),
        duration_s=600.0,
        moving_s=600.0,
        distance_m=1800.0,
        ascent_m=None,
        descent_m=None,
        laps=(),
        device=None,
        streams=Streams(
            time_s=time_s,
            distance_m=time_s * 3.0,
            heart_rate_bpm=np.full(601, 140.0),
            cadence_spm=np.full(601, 170.0),
        ),
    )
    return replace(activity, **changes)  # type: ignore[arg-type]


def test_samples_fill_what_the_device_left_out() -> None:
    settled = settle(_run())
    assert settled.avg_hr_bpm == 140.0 and settled.max_hr_bpm == 140.0
    assert settled.avg_cadence_spm == 170.0
    assert settled.warnings == ()


def test_a_large_disagreement_keeps_the_device_figure_with_a_warning() -> None:
    settled = settle(_run(avg_hr_bpm=155.0, avg_cadence_spm=171.0, distance_m=2500.0))
    assert settled.avg_hr_bpm == 155.0 and settled.avg_cadence_spm == 171.0
    assert settled.distance_m == 2500.0
    text = " ".join(settled.warnings)
    assert "average heart rate (155 bpm)" in text and "(140 bpm)" in text
    assert "distance (2.50 km)" in text
    assert "cadence" not in text  # 1 spm apart is agreement


def test_moving_time_above_elapsed_is_cut_to_elapsed_with_a_warning() -> None:
    settled = settle(_run(moving_s=900.0, timer_s=950.0))
    assert settled.moving_s == 600.0 and settled.timer_s == 600.0
    assert any("longer than its elapsed time" in w for w in settled.warnings)


def test_non_finite_totals_are_never_kept() -> None:
    settled = settle(
        _run(distance_m=math.inf, ascent_m=math.nan, avg_hr_bpm=math.nan, moving_s=math.nan)
    )
    assert settled.distance_m is None and settled.ascent_m is None
    assert settled.avg_hr_bpm == 140.0  # from the samples
    assert settled.moving_s == 0.0


def test_triathlon_counts_only_the_run_leg_as_a_run() -> None:
    relative = "fitparse/sample_mulitple_header.fit"
    legs = decode_activities(corpus_file(relative).read_bytes(), filename=relative)
    runs = [leg for leg in legs if leg.is_run]
    assert len(legs) == 3 and len(runs) == 1
    assert runs[0].distance_m == 9805.92  # the run leg alone, not all 53 km
    assert runs[0].duration_s == pytest.approx(2850.694)
    assert sum(len(leg.streams) for leg in legs) < 1773  # the transitions' records left out
