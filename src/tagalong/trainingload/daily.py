"""The daily load series: fitness, fatigue, form, ACWR, weekly distance and single-run spikes.

Fitness, fatigue and form follow ONE convention, ``PMC_CONVENTION`` (load.pmc.trainingpeaks,
coaching.pmc.form_from_yesterday); show it in the UI's help text.

The ACWR is the EWMA ratio of Williams 2017 (load.ewma.williams_2017), UNCOUPLED as Lolli 2019
asks (load.acwr.uncoupled_lolli_2019). Here "uncoupled" means exactly:

    ACWR(t) = acute EWMA through day t  ÷  chronic EWMA through day t − 7

Both EWMAs run over the same daily loads from the series start; the chronic value used on day t
is the one that had been reached at the end of day t − 7, so the seven days of the acute window
(t − 6 … t) never enter the chronic load they are divided by. It is shown for information only
(load.acwr.danger_gabbett_2016, load.acwr.critique_impellizzeri_2020).

Days before ``start`` count as zero load and zero distance. Each day is computed from the state at
the end of the previous day alone (:class:`LoadState`), so an import that changes day d recomputes
from d forward with :func:`update_from`, starting from the state stored with day d − 1 (or with
any earlier day: the days between are recomputed too).

Rows are produced for the days within ``REST_GAP_DAYS`` after a day with load or distance (or
after the series start), and for the last day; a longer rest is crossed in one step
(:func:`fast_forward`). Nothing is lost: by then the fatigue, acute load and distance windows
are empty and fitness has fallen below a tenth. A history with years-long breaks (an old
watch's unset clock, a runner's comeback) then costs rows only where training happened.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import Literal

from tagalong.wording import Phrase

PMC_CONVENTION = Phrase(
    "TrainingPeaks PMC (λ = 1/τ): fitness CTL += (load − CTL)/42, fatigue ATL += (load − ATL)/7, "
    "form TSB = yesterday's CTL − yesterday's ATL"
)
CTL_DAYS = 42
ATL_DAYS = 7
ACUTE_DAYS = 7
CHRONIC_DAYS = 28
ACUTE_LAMBDA = 2 / (ACUTE_DAYS + 1)  # load.ewma.williams_2017
CHRONIC_LAMBDA = 2 / (CHRONIC_DAYS + 1)
# Days of data before an ACWR is shown: a full chronic window ending 7 days before today.
ACWR_MIN_DAYS = CHRONIC_DAYS + ACUTE_DAYS
ACWR_WARNING_ABOVE = 1.5  # load.acwr.danger_gabbett_2016
ACWR_NOTE = Phrase("information only")
WEEKLY_CHANGE_FLAG_ABOVE = 0.30  # load.weekly_distance.nielsen_2014
SPIKE_LOOKBACK_DAYS = 30  # load.single_run_spike.frandsen_2025
SPIKE_AMBER_ABOVE = 0.10
SPIKE_MIDDLE_BAND_FROM = 0.30
SPIKE_RED_ABOVE = 1.00
# Relative increases within this of a boundary count as the boundary itself: 11 km after 10 km
# is exactly +10 %, not a spike, although 11/10 − 1 is 0.1000000000000001 in floating point.
BOUNDARY_TOLERANCE = 1e-9
_HISTORY_DAYS = 3 * 7 - 1  # distance days kept besides today: three 7-day blocks
# After this many days without a session the following rest days get no row (see module doc).
REST_GAP_DAYS = 90

SpikeBand = Literal["none", "no_history", "up_to_30", "30_to_100", "over_100"]
Tone = Literal["none", "amber", "red"]
SPIKE_HAZARD_RATIO: dict[SpikeBand, float] = {"up_to_30": 1.64, "30_to_100": 1.52, "over_100": 2.28}


@dataclass(frozen=True, slots=True)
class DayInput:
    load: float = 0.0  # the sum of the day's session loads
    distance_km: float = 0.0
    longest_run_km: float = 0.0  # the longest single run of the day

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if not 0 <= value < float("inf"):
                raise ValueError(f"DayInput.{item.name} must be a finite number >= 0, got {value}")


@dataclass(frozen=True, slots=True)
class WeeklyChange:
    this_week_km: float
    previous_mean_km: float
    change: float | None  # fraction: 0.3 = +30 %; None when the previous two weeks were empty
    flagged: bool
    evidence_id: str = "load.weekly_distance.nielsen_2014"


@dataclass(frozen=True, slots=True)
class RunSpike:
    band: SpikeBand
    run_km: float
    previous_longest_km: float | None
    increase: float | None  # fraction over the previous longest run
    tone: Tone
    hazard_ratio: float | None
    evidence_id: str = "load.single_run_spike.frandsen_2025"


@dataclass(frozen=True, slots=True)
class LoadState:
    """Everything needed to compute the day after ``day``."""

    day: date
    days_seen: int
    ctl: float
    atl: float
    acute_ewma: float
    chronic_ewma: float
    recent_ctl: tuple[float, ...]  # CTL at the end of day − 6 … day, oldest first
    recent_chronic: tuple[float, ...]  # chronic EWMA at the end of day − 6 … day
    recent_distance_km: tuple[float, ...]  # day − 19 … day
    recent_longest_run_km: tuple[float, ...]  # day − 29 … day

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {f.name: getattr(self, f.name) for f in fields(self)}
        data["day"] = self.day.isoformat()
        return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> LoadState:
        try:
            return cls(
                day=date.fromisoformat(str(data["day"])),
                days_seen=int(str(data["days_seen"])),
                ctl=float(str(data["ctl"])),
                atl=float(str(data["atl"])),
                acute_ewma=float(str(data["acute_ewma"])),
                chronic_ewma=float(str(data["chronic_ewma"])),
                recent_ctl=_floats(data["recent_ctl"]),
                recent_chronic=_floats(data["recent_chronic"]),
                recent_distance_km=_floats(data["recent_distance_km"]),
                recent_longest_run_km=_floats(data["recent_longest_run_km"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"stored load state is not valid: {exc}") from exc


def _floats(value: object) -> tuple[float, ...]:
    if not isinstance(value, list | tuple):
        raise TypeError(f"expected a list of numbers, got {type(value).__name__}")
    return tuple(float(v) for v in value)


@dataclass(frozen=True, slots=True)
class DayLoad:
    day: date
    load: float
    ctl: float  # fitness
    atl: float  # fatigue
    tsb: float  # form: yesterday's CTL − yesterday's ATL
    ramp_rate: float | None  # CTL change over the last 7 days; None in the first week
    acute_ewma: float
    chronic_ewma_uncoupled: float  # chronic EWMA at the end of day − 7
    acwr: float | None
    acwr_warning: bool
    weekly_distance: WeeklyChange
    run_spike: RunSpike
    state: LoadState  # at the end of this day: pass to update_from for the next day


def initial_state(start: date) -> LoadState:
    """The state before ``start``: no load, no distance."""
    return LoadState(
        day=start - timedelta(days=1),
        days_seen=0,
        ctl=0.0,
        atl=0.0,
        acute_ewma=0.0,
        chronic_ewma=0.0,
        recent_ctl=(0.0,) * 7,
        recent_chronic=(0.0,) * 7,
        recent_distance_km=(0.0,) * _HISTORY_DAYS,
        recent_longest_run_km=(0.0,) * SPIKE_LOOKBACK_DAYS,
    )


def weekly_distance_change(
    *, this_week_km: float, previous_weeks_km: tuple[float, float]
) -> WeeklyChange:
    """This 7-day block against the mean of the two before it; flag above +30 %."""
    if this_week_km < 0 or min(previous_weeks_km) < 0:
        raise ValueError("weekly distances must be >= 0 km")
    previous_mean = sum(previous_weeks_km) / 2
    if previous_mean <= 0:
        return WeeklyChange(this_week_km, previous_mean, None, False)
    change = this_week_km / previous_mean - 1
    flagged = change > WEEKLY_CHANGE_FLAG_ABOVE + BOUNDARY_TOLERANCE
    return WeeklyChange(this_week_km, previous_mean, change, flagged)


def single_run_spike(run_km: float, history: Iterable[float]) -> RunSpike:
    """Compare a run with the longest run in ``history`` (the previous 30 days' runs, in km).

    "More than 10 %" is read strictly: exactly +10 % is no spike, exactly +100 % is still amber.
    """
    if run_km < 0:
        raise ValueError(f"run_km must be >= 0, got {run_km}")
    previous = max(history, default=0.0)
    if run_km == 0:
        return RunSpike("none", run_km, previous or None, None, "none", None)
    if previous <= 0:
        return RunSpike("no_history", run_km, None, None, "none", None)
    increase = run_km / previous - 1
    band = _spike_band(increase)
    tone: Tone = "none" if band == "none" else "red" if band == "over_100" else "amber"
    return RunSpike(band, run_km, previous, increase, tone, SPIKE_HAZARD_RATIO.get(band))


def _spike_band(increase: float) -> SpikeBand:
    if increase <= SPIKE_AMBER_ABOVE + BOUNDARY_TOLERANCE:
        return "none"
    if increase <= SPIKE_MIDDLE_BAND_FROM + BOUNDARY_TOLERANCE:
        return "up_to_30"
    if increase <= SPIKE_RED_ABOVE + BOUNDARY_TOLERANCE:
        return "30_to_100"
    return "over_100"


def _next_day(state: LoadState, today: DayInput) -> DayLoad:
    day = state.day + timedelta(days=1)
    days_seen = state.days_seen + 1
    ctl = state.ctl + (today.load - state.ctl) / CTL_DAYS
    atl = state.atl + (today.load - state.atl) / ATL_DAYS
    acute = ACUTE_LAMBDA * today.load + (1 - ACUTE_LAMBDA) * state.acute_ewma
    chronic = CHRONIC_LAMBDA * today.load + (1 - CHRONIC_LAMBDA) * state.chronic_ewma
    chronic_uncoupled = state.recent_chronic[0]
    acwr = None
    if days_seen >= ACWR_MIN_DAYS and chronic_uncoupled > 0:
        acwr = acute / chronic_uncoupled
    distances = state.recent_distance_km
    weekly = weekly_distance_change(
        this_week_km=sum(distances[-6:]) + today.distance_km,
        previous_weeks_km=(sum(distances[-13:-6]), sum(distances[-20:-13])),
    )
    new_state = LoadState(
        day=day,
        days_seen=days_seen,
        ctl=ctl,
        atl=atl,
        acute_ewma=acute,
        chronic_ewma=chronic,
        recent_ctl=(*state.recent_ctl[1:], ctl),
        recent_chronic=(*state.recent_chronic[1:], chronic),
        recent_distance_km=(*distances[1:], today.distance_km),
        recent_longest_run_km=(*state.recent_longest_run_km[1:], today.longest_run_km),
    )
    return DayLoad(
        day=day,
        load=today.load,
        ctl=ctl,
        atl=atl,
        tsb=state.ctl - state.atl,
        ramp_rate=ctl - state.recent_ctl[0] if days_seen > 7 else None,
        acute_ewma=acute,
        chronic_ewma_uncoupled=chronic_uncoupled,
        acwr=acwr,
        acwr_warning=acwr is not None and acwr > ACWR_WARNING_ABOVE,
        weekly_distance=weekly,
        run_spike=single_run_spike(today.longest_run_km, state.recent_longest_run_km),
        state=new_state,
    )


_REST_DAY = DayInput()


def fast_forward(state: LoadState, rest_days: int) -> LoadState:
    """The state after ``rest_days`` days without load or distance, computed in one step."""
    if rest_days < 0:
        raise ValueError(f"rest_days must be >= 0, got {rest_days}")
    n = rest_days
    ctl_keep, atl_keep = 1 - 1 / CTL_DAYS, 1 - 1 / ATL_DAYS
    chronic_keep = 1 - CHRONIC_LAMBDA

    def decayed(recent: tuple[float, ...], last: float, keep: float) -> tuple[float, ...]:
        # The last len(recent) day-end values: older stored ones, then the decayed new ones.
        new = tuple(last * keep**k for k in range(max(1, n - len(recent) + 1), n + 1))
        return (*recent[len(new) :], *new) if n else recent

    def shifted(recent: tuple[float, ...]) -> tuple[float, ...]:
        return (*recent[min(n, len(recent)) :], *(0.0,) * min(n, len(recent)))

    return LoadState(
        day=state.day + timedelta(days=n),
        days_seen=state.days_seen + n,
        ctl=state.ctl * ctl_keep**n,
        atl=state.atl * atl_keep**n,
        acute_ewma=state.acute_ewma * (1 - ACUTE_LAMBDA) ** n,
        chronic_ewma=state.chronic_ewma * chronic_keep**n,
        recent_ctl=decayed(state.recent_ctl, state.ctl, ctl_keep),
        recent_chronic=decayed(state.recent_chronic, state.chronic_ewma, chronic_keep),
        recent_distance_km=shifted(state.recent_distance_km),
        recent_longest_run_km=shifted(state.recent_longest_run_km),
    )


def training_days(days: Mapping[date, DayInput], *, start: date | None = None) -> list[date]:
    """The days with any load or distance, in order; with ``start`` (the series start) too."""
    trained = sorted(day for day, value in days.items() if value != _REST_DAY)
    if start is not None and start not in trained:
        insort(trained, start)
    return trained


def has_row(day: date, trained: list[date], *, end: date) -> bool:
    """Whether the series keeps a row for ``day``: the last day, or a day soon after training."""
    if day == end:
        return True
    index = bisect_right(trained, day)
    return index > 0 and (day - trained[index - 1]).days <= REST_GAP_DAYS


def update_from(
    previous_state: LoadState, days: Mapping[date, DayInput], *, from_day: date, end: date
) -> list[DayLoad]:
    """Days ``from_day`` … ``end`` continuing from the state at the end of ``from_day`` − 1.

    Days missing from ``days`` are rest days. Days that get no row (see module doc) are
    crossed with :func:`fast_forward`.
    """
    if previous_state.day != from_day - timedelta(days=1):
        raise ValueError(
            f"previous_state is for {previous_state.day}, but from_day {from_day} needs the "
            f"state of {from_day - timedelta(days=1)}"
        )
    if end < from_day:
        raise ValueError(f"end {end} is before from_day {from_day}")
    # The series start counts as a training day, so a series always opens with rows.
    series_start = previous_state.day - timedelta(days=previous_state.days_seen - 1)
    trained = training_days(days, start=series_start)
    result: list[DayLoad] = []
    state = previous_state
    day = from_day
    while day <= end:
        if has_row(day, trained, end=end):
            row = _next_day(state, days.get(day, _REST_DAY))
            result.append(row)
            state = row.state
            day += timedelta(days=1)
            continue
        # No training from ``day`` until the next training day (or the end): skip to it.
        index = bisect_right(trained, day)
        resume = min(trained[index], end) if index < len(trained) else end
        state = fast_forward(state, (resume - day).days)
        day = resume
    return result


def recompute(days: Mapping[date, DayInput], *, start: date, end: date) -> list[DayLoad]:
    """The whole series from ``start`` (nothing before it) to ``end``, both included."""
    return update_from(initial_state(start), days, from_day=start, end=end)
