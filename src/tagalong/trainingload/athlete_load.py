"""One load measure per athlete, so the daily series never adds sRPE to TRIMP to minutes.

The measures sit on different scales (an easy hour is about 240 AU of session RPE, 60 rTSS or
a TRIMP of 70–100), so a series that takes each activity's own best measure jumps whenever the
heart-rate strap is forgotten. The athlete's series therefore keeps to one measure:

* the one the athlete (or coach) set; otherwise
* the measured one (session RPE, TRIMP, rTSS, in that order of preference) that most of the
  athlete's activities have, if at least half have it; otherwise minutes.

An activity without the chosen measure is counted at the athlete's typical rate: its minutes
times the median of (measure ÷ minutes) over the activities that have it, rounded to two
significant figures so that the series (stored per day) changes only when the typical rate
really moves. Without any activity to take a rate from, it counts zero.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import median
from typing import Literal

from tagalong.trainingload.session_load import DEFAULT_ORDER, LoadMeasure
from tagalong.wording import Phrase

MEASURED: tuple[LoadMeasure, ...] = tuple(m for m in DEFAULT_ORDER if m != "duration")
MAJORITY = 0.5
EVIDENCE = {
    "srpe": "load.srpe.foster_2001",
    "trimp": "load.trimp.banister",
    "rtss": "load.rtss.trainingpeaks",
    "duration": None,
}
LABELS = {
    "srpe": Phrase("session RPE"),
    "trimp": Phrase("TRIMP"),
    "rtss": Phrase("rTSS"),
    "duration": Phrase("minutes"),
}
ChosenBy = Literal["setting", "most_activities", "fallback"]


@dataclass(frozen=True, slots=True)
class ActivityLoads:
    """What one activity offers: the measures it has, and its minutes."""

    loads: Mapping[str, float]
    minutes: float


@dataclass(frozen=True, slots=True)
class SeriesBasis:
    measure: LoadMeasure
    chosen_by: ChosenBy
    having: int  # activities that have the measure
    total: int
    rate_per_minute: float | None  # fills the activities without it; None: they count zero

    @property
    def estimated(self) -> int:
        return self.total - self.having

    @property
    def evidence_id(self) -> str | None:
        return EVIDENCE[self.measure]

    @property
    def label(self) -> Phrase:
        return LABELS[self.measure]


def choose_basis(
    activities: Sequence[ActivityLoads], *, setting: LoadMeasure | None = None
) -> SeriesBasis:
    """The athlete's series measure and the rate that fills the activities lacking it."""
    total = len(activities)
    counts = {m: sum(1 for a in activities if m in a.loads) for m in (*MEASURED, "duration")}
    measure: LoadMeasure = "duration"
    chosen_by: ChosenBy = "fallback"
    if setting is not None:
        measure, chosen_by = setting, "setting"
    else:
        best = max(MEASURED, key=lambda m: (counts[m], -MEASURED.index(m)))
        if total and counts[best] >= MAJORITY * total:
            measure, chosen_by = best, "most_activities"
    return SeriesBasis(
        measure=measure,
        chosen_by=chosen_by,
        having=sum(1 for a in activities if measure in a.loads or measure == "duration"),
        total=total,
        rate_per_minute=_rate(activities, measure),
    )


def _rate(activities: Sequence[ActivityLoads], measure: LoadMeasure) -> float | None:
    if measure == "duration":
        return 1.0
    rates = [
        a.loads[measure] / a.minutes for a in activities if measure in a.loads and a.minutes > 0
    ]
    return round_significant(median(rates), 2) if rates else None


def round_significant(value: float, digits: int) -> float:
    if value == 0 or not math.isfinite(value):
        return 0.0
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))


def series_load(activity: ActivityLoads, basis: SeriesBasis) -> float:
    """The activity's load in the athlete's measure (estimated at the typical rate if missing)."""
    if basis.measure == "duration":
        return activity.minutes
    value = activity.loads.get(basis.measure)
    if value is not None:
        return value
    return activity.minutes * basis.rate_per_minute if basis.rate_per_minute else 0.0
