"""An athlete's cadence-versus-speed line, judged against novices at the same speed.

Two ways in: :func:`fit_cadence_speed` from raw samples (a Theil–Sen line through 0.5 m/s bin
medians), and :func:`pooled_speed_bins` + :func:`fit_speed_bins` from the speed × cadence
histograms stored with each run (a weighted least-squares line through 0.25 m/s bins), which is
what the pages and the API show.

Cadence rises with speed, so a cadence means nothing without its speed: this module never compares
with a fixed 180 (load.cadence_by_speed.van_oeveren_2017). Samples from many runs are pooled,
binned by speed (0.5 m/s bins), each bin reduced to its median speed and median cadence, and a
Theil–Sen line (the median of pairwise slopes) is fitted through the bin medians, so a few
GPS spikes or a stop-and-go stretch cannot tilt it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from tagalong.activityfile.model import Activity, FloatArray
from tagalong.trainingload.activity_metrics import JointHistogram
from tagalong.wording import Phrase

BIN_WIDTH_M_S = 0.5
MIN_SAMPLES_PER_BIN = 30
# Running samples only: slower than this or at a walking step rate the pair describes walking.
MIN_RUNNING_SPEED_M_S = 1.8
MIN_RUNNING_CADENCE_SPM = 120.0
# van Oeveren 2017 novice runners: (speed m/s, steps/min).
NOVICE_REFERENCE: tuple[tuple[float, float], ...] = ((2.4, 154.0), (2.6, 158.0), (2.9, 160.0))


class NotEnoughCadenceData(ValueError):
    """Too little running to draw the line; ``words`` says why, for the page."""

    def __init__(self, words: Phrase) -> None:
        super().__init__(words)
        self.words = words


@dataclass(frozen=True, slots=True)
class SpeedBin:
    speed_m_s: float  # median speed of the samples in the bin
    cadence_spm: float  # median cadence
    samples: int


@dataclass(frozen=True, slots=True)
class CadenceSpeedLine:
    slope_spm_per_m_s: float
    intercept_spm: float
    bins: tuple[SpeedBin, ...]

    @property
    def speed_range_m_s(self) -> tuple[float, float]:
        return self.bins[0].speed_m_s, self.bins[-1].speed_m_s

    def cadence_at(self, speed_m_s: float) -> float:
        return self.intercept_spm + self.slope_spm_per_m_s * speed_m_s


@dataclass(frozen=True, slots=True)
class CadenceComparison:
    speed_m_s: float
    athlete_cadence_spm: float
    novice_cadence_spm: float
    difference_spm: float  # athlete − novice reference
    extrapolated: bool  # the speed lies outside the athlete's own binned speeds
    evidence_id: str = "load.cadence_by_speed.van_oeveren_2017"


def running_pairs(activity: Activity) -> tuple[FloatArray, FloatArray]:
    """(speed, cadence) of the activity's running samples; empty arrays when a stream is absent."""
    speed, cadence = activity.streams.speed_m_s, activity.streams.cadence_spm
    if speed is None or cadence is None:
        empty = np.zeros(0, dtype=np.float64)
        return empty, empty
    with np.errstate(invalid="ignore"):
        keep = (speed >= MIN_RUNNING_SPEED_M_S) & (cadence >= MIN_RUNNING_CADENCE_SPM)
    return speed[keep], cadence[keep]


def speed_bins(
    speed: FloatArray, cadence: FloatArray, *, min_samples: int = MIN_SAMPLES_PER_BIN
) -> tuple[SpeedBin, ...]:
    """Median speed and cadence per 0.5 m/s bin, keeping bins with at least ``min_samples``."""
    if speed.shape != cadence.shape:
        raise ValueError("speed and cadence must have the same number of samples")
    finite = np.isfinite(speed) & np.isfinite(cadence)
    speed, cadence = speed[finite], cadence[finite]
    index = np.floor(speed / BIN_WIDTH_M_S).astype(np.int64)
    bins = []
    for key in np.unique(index):
        chosen = index == key
        count = int(np.count_nonzero(chosen))
        if count >= min_samples:
            bins.append(
                SpeedBin(float(np.median(speed[chosen])), float(np.median(cadence[chosen])), count)
            )
    return tuple(bins)


def theil_sen(x: FloatArray, y: FloatArray) -> tuple[float, float]:
    """(slope, intercept): median pairwise slope, intercept as the median of y − slope·x."""
    slopes = [
        (y[j] - y[i]) / (x[j] - x[i]) for i, j in combinations(range(x.size), 2) if x[j] != x[i]
    ]
    if not slopes:
        raise NotEnoughCadenceData(Phrase("a cadence line needs at least two distinct speeds"))
    slope = float(np.median(slopes))
    return slope, float(np.median(y - slope * x))


def fit_cadence_speed(
    runs: Iterable[tuple[FloatArray, FloatArray]], *, min_samples: int = MIN_SAMPLES_PER_BIN
) -> CadenceSpeedLine:
    """Fit the line through pooled (speed, cadence) running samples of many runs."""
    pairs = list(runs)
    if not pairs:
        raise NotEnoughCadenceData(Phrase("no runs with both speed and cadence"))
    speed = np.concatenate([s for s, _ in pairs]).astype(np.float64)
    cadence = np.concatenate([c for _, c in pairs]).astype(np.float64)
    bins = speed_bins(speed, cadence, min_samples=min_samples)
    if len(bins) < 2:
        raise NotEnoughCadenceData(
            Phrase(
                "a cadence line needs running at two speeds at least 0.5 m/s apart with "
                "{samples} samples each; found {found} such speed band(s)",
                samples=min_samples,
                found=len(bins),
            )
        )
    x = np.array([b.speed_m_s for b in bins])
    y = np.array([b.cadence_spm for b in bins])
    slope, intercept = theil_sen(x, y)
    return CadenceSpeedLine(slope, intercept, bins)


def novice_cadence_at(speed_m_s: float) -> float:
    """van Oeveren's novice cadence, interpolated; only defined over the measured 2.4–2.9 m/s."""
    speeds = [s for s, _ in NOVICE_REFERENCE]
    if not speeds[0] <= speed_m_s <= speeds[-1]:
        raise ValueError(
            f"the novice reference covers {speeds[0]}–{speeds[-1]} m/s, not {speed_m_s} m/s"
        )
    return float(np.interp(speed_m_s, speeds, [c for _, c in NOVICE_REFERENCE]))


def compare_with_novices(
    line: CadenceSpeedLine, *, speed_m_s: float | None = None
) -> CadenceComparison:
    """The athlete's cadence at a reference speed next to novices' at the same speed.

    Without ``speed_m_s`` the athlete's slowest binned speed, clamped into the reference's
    2.4–2.9 m/s, is used: easy running is where the comparison is most useful.
    """
    low, high = NOVICE_REFERENCE[0][0], NOVICE_REFERENCE[-1][0]
    speed = speed_m_s if speed_m_s is not None else min(max(line.bins[0].speed_m_s, low), high)
    athlete = line.cadence_at(speed)
    novice = novice_cadence_at(speed)
    fastest, slowest = line.speed_range_m_s[1], line.speed_range_m_s[0]
    return CadenceComparison(
        speed_m_s=speed,
        athlete_cadence_spm=athlete,
        novice_cadence_spm=novice,
        difference_spm=athlete - novice,
        extrapolated=not slowest <= speed <= fastest,
    )


# --- the athlete's relation from stored runs (speed × cadence histograms) -----------------------

# A speed bin joins the fit with at least this much running in it, so a few seconds of a sprint
# finish cannot pull the line.
MIN_SECONDS_PER_BIN = 120.0


@dataclass(frozen=True, slots=True)
class SpeedCadencePoint:
    speed_m_s: float  # middle of the 0.25 m/s bin
    cadence_spm: float  # time-weighted median cadence in the bin
    seconds: float


@dataclass(frozen=True, slots=True)
class CadenceSpeedFit:
    """Cadence = intercept + slope × speed, a least-squares line through the speed bins."""

    points: tuple[SpeedCadencePoint, ...]
    slope_spm_per_m_s: float
    intercept_spm: float
    r_squared: float
    evidence_id: str = "load.cadence_by_speed.van_oeveren_2017"

    @property
    def speed_range_m_s(self) -> tuple[float, float]:
        return self.points[0].speed_m_s, self.points[-1].speed_m_s

    def cadence_at(self, speed_m_s: float) -> float:
        return self.intercept_spm + self.slope_spm_per_m_s * speed_m_s


def pooled_speed_bins(
    histograms: Iterable[JointHistogram], *, min_seconds: float = MIN_SECONDS_PER_BIN
) -> tuple[SpeedCadencePoint, ...]:
    """Pool runs' speed × cadence time; per running speed bin, its median cadence."""
    pooled: FloatArray | None = None
    speed_edges: tuple[float, ...] = ()
    cadence_edges: tuple[float, ...] = ()
    for joint in histograms:
        if pooled is None:
            speed_edges, cadence_edges = joint.speed_edges, joint.cadence_edges
            pooled = np.zeros((len(speed_edges) - 1, len(cadence_edges) - 1))
        if (joint.speed_edges, joint.cadence_edges) != (speed_edges, cadence_edges):
            raise ValueError("speed × cadence histograms must share their bin edges")
        for i, j, seconds in joint.cells:
            pooled[i, j] += seconds
    if pooled is None:
        return ()
    cadences = np.asarray(cadence_edges)
    points = []
    for i, row in enumerate(pooled):
        middle = (speed_edges[i] + speed_edges[i + 1]) / 2
        total = float(row.sum())
        if middle < MIN_RUNNING_SPEED_M_S or total < min_seconds:
            continue
        cumulative = np.concatenate([[0.0], np.cumsum(row)])
        median = float(np.interp(total / 2, cumulative, cadences))
        points.append(SpeedCadencePoint(middle, median, total))
    return tuple(points)


def fit_speed_bins(points: tuple[SpeedCadencePoint, ...]) -> CadenceSpeedFit:
    """Least-squares line (numpy.polyfit) through the bins, each weighted by its running time.

    The weight is the square root of the seconds (polyfit weights multiply residuals), so a
    bin with four times the running counts twice as much, not four times.
    """
    if len({p.speed_m_s for p in points}) < 2:
        raise NotEnoughCadenceData(
            Phrase(
                "a cadence-speed line needs running at two or more speeds, "
                "{seconds:g} s or more in each 0.25 m/s band",
                seconds=MIN_SECONDS_PER_BIN,
            )
        )
    x = np.array([p.speed_m_s for p in points])
    y = np.array([p.cadence_spm for p in points])
    w = np.sqrt(np.array([p.seconds for p in points]))
    slope, intercept = np.polyfit(x, y, 1, w=w)
    predicted = intercept + slope * x
    weights = w**2
    mean = float(np.average(y, weights=weights))
    total = float(np.sum(weights * (y - mean) ** 2))
    residual = float(np.sum(weights * (y - predicted) ** 2))
    r_squared = 1.0 - residual / total if total > 0 else 1.0
    return CadenceSpeedFit(points, float(slope), float(intercept), r_squared)
