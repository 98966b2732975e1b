"""The athlete's easy-speed band, and cadence at easy pace.

Cadence rises with speed, so a run's cadence says little until it is read at a known speed;
easy running is the speed most runs share (load.cadence_by_speed.van_oeveren_2017). The band:

* from a threshold pace when the athlete has one: Daniels' E range, 63–73 % of the VDOT that
  threshold pace implies (T is 88 % of VDOT; periodisation.zones.daniels,
  periodisation.vdot.daniels_gilbert);
* otherwise from the athlete's own recent running: the 10th to 70th centile of their running
  time by speed (cadence.easy_band.own_runs, an expert convention after Seiler's 75–80 % easy).

Cadence at easy pace is the time-weighted median cadence of the running samples whose speed
lies in the band: from the streams (``activity_metrics``) or, for runs already stored, from their
speed × cadence histogram (:func:`easy_cadence_from_joint`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import numpy as np

from tagalong.physiology.vdot import (
    EASY_SHARE_FAST,
    EASY_SHARE_SLOW,
    THRESHOLD_SHARE,
    oxygen_cost,
    speed_at_oxygen_cost,
)
from tagalong.trainingload.activity_metrics import Histogram, JointHistogram

OWN_RUNS_LOW_CENTILE = 10.0
OWN_RUNS_HIGH_CENTILE = 70.0
OWN_RUNS_WINDOW_DAYS = 90
# Less running than this in the window gives no band: one ordinary run anchors it, more refine it.
OWN_RUNS_MIN_SECONDS = 30 * 60.0
# Slower than this the athlete is walking (cadence_speed.MIN_RUNNING_SPEED_M_S).
RUNNING_FROM_M_S = 1.8

BandSource = Literal["threshold_pace", "own_runs"]


@dataclass(frozen=True, slots=True)
class EasySpeedBand:
    low_m_s: float
    high_m_s: float
    source: BandSource
    evidence_id: str

    def __post_init__(self) -> None:
        if not 0 <= self.low_m_s < self.high_m_s:
            raise ValueError(
                f"easy band needs 0 <= low < high, got {self.low_m_s}, {self.high_m_s}"
            )

    @property
    def as_tuple(self) -> tuple[float, float]:
        return self.low_m_s, self.high_m_s


def band_from_threshold(threshold_m_s: float) -> EasySpeedBand:
    """Daniels' E speeds for the VDOT whose T pace is ``threshold_m_s``."""
    if not 1.0 <= threshold_m_s <= 8.0:
        raise ValueError(f"threshold speed must be 1–8 m/s, got {threshold_m_s}")
    vdot = oxygen_cost(threshold_m_s * 60.0) / THRESHOLD_SHARE
    low = speed_at_oxygen_cost(EASY_SHARE_SLOW * vdot) / 60.0
    high = speed_at_oxygen_cost(EASY_SHARE_FAST * vdot) / 60.0
    return EasySpeedBand(low, high, "threshold_pace", "periodisation.zones.daniels")


def band_from_runs(
    speed_histograms: Iterable[Histogram],
    *,
    low_centile: float = OWN_RUNS_LOW_CENTILE,
    high_centile: float = OWN_RUNS_HIGH_CENTILE,
) -> EasySpeedBand | None:
    """The centile band of running time by speed, pooled over runs' speed histograms.

    Bins below running speed are left out; None with less than half an hour of running.
    """
    edges: tuple[float, ...] | None = None
    total: np.ndarray | None = None
    for histogram in speed_histograms:
        if edges is None:
            edges, total = histogram.edges, np.zeros(len(histogram.seconds))
        if histogram.edges != edges:
            raise ValueError("speed histograms must share their bin edges")
        assert total is not None
        total += np.asarray(histogram.seconds, dtype=np.float64)
    if edges is None or total is None:
        return None
    lows = np.asarray(edges[:-1])
    running = np.where(lows >= RUNNING_FROM_M_S - 1e-9, total, 0.0)
    if float(running.sum()) < OWN_RUNS_MIN_SECONDS:
        return None
    low = _centile(np.asarray(edges), running, low_centile)
    high = _centile(np.asarray(edges), running, high_centile)
    if not low < high:
        return None
    return EasySpeedBand(low, high, "own_runs", "cadence.easy_band.own_runs")


def _centile(edges: np.ndarray, seconds: np.ndarray, centile: float) -> float:
    """The speed below which ``centile`` % of the time lies, linear within its bin."""
    cumulative = np.concatenate([[0.0], np.cumsum(seconds)])
    target = cumulative[-1] * centile / 100.0
    return float(np.interp(target, cumulative, edges))


def easy_cadence_from_joint(joint: JointHistogram, band: EasySpeedBand) -> float | None:
    """Median cadence of the time spent in speed bins whose middle lies in the band."""
    speed_edges = np.asarray(joint.speed_edges)
    middles = (speed_edges[:-1] + speed_edges[1:]) / 2
    cadence_edges = np.asarray(joint.cadence_edges)
    seconds = np.zeros(len(cadence_edges) - 1)
    for speed_bin, cadence_bin, value in joint.cells:
        if band.low_m_s <= middles[speed_bin] <= band.high_m_s:
            seconds[cadence_bin] += value
    return weighted_median_of_bins(cadence_edges, seconds)


def weighted_median_of_bins(edges: np.ndarray, seconds: np.ndarray) -> float | None:
    """The median of a binned distribution, linear within the bin that holds it."""
    total = float(seconds.sum())
    if total <= 0:
        return None
    cumulative = np.concatenate([[0.0], np.cumsum(seconds)])
    return float(np.interp(total / 2, cumulative, edges))


def joint_from_dict(data: object) -> JointHistogram | None:
    """A stored ``speed_cadence`` (metrics JSON) back as a JointHistogram; None if malformed."""
    if not isinstance(data, dict):
        return None
    try:
        cells = tuple((int(i), int(j), float(s)) for i, j, s in data["cells"])
        return JointHistogram(
            tuple(float(e) for e in data["speed_edges"]),
            tuple(float(e) for e in data["cadence_edges"]),
            cells,
        )
    except (KeyError, TypeError, ValueError):
        return None


def histogram_from_dict(data: object) -> Histogram | None:
    """A stored distribution (metrics JSON) back as a Histogram; None if malformed."""
    if not isinstance(data, dict):
        return None
    try:
        return Histogram(
            tuple(float(e) for e in data["edges"]),
            tuple(float(s) for s in data["seconds"]),
            float(data["below_s"]),
            float(data["above_s"]),
        )
    except (KeyError, TypeError, ValueError):
        return None


def describe(band: EasySpeedBand) -> str:
    """ "5:30–6:40 /km" for the page."""
    return f"{_pace(band.high_m_s)}–{_pace(band.low_m_s)} /km"


def _pace(speed_m_s: float) -> str:
    seconds = round(1000.0 / speed_m_s)
    return f"{seconds // 60}:{seconds % 60:02d}"
