"""The plan generator's input and output shapes (plain, frozen dataclasses)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from tagalong.physiology.heart_rate import HeartRateZones
from tagalong.plangen.steps import Workout
from tagalong.wording import Phrase, phrase_json, text_from_json

Sex = Literal["female", "male"]
GoalType = Literal["5k", "10k", "half", "marathon", "endurance", "return_to_run", "postnatal"]
Phase = Literal["base", "build", "peak", "taper", "recovery", "return"]
Kind = Literal["run", "strength", "mobility", "cross", "rest"]
RunType = Literal["easy", "long", "tempo", "intervals", "recovery", "walk_run", "race"]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
RACE_GOALS: frozenset[str] = frozenset({"5k", "10k", "half", "marathon"})
RETURN_GOALS: frozenset[str] = frozenset({"return_to_run", "postnatal"})
RACE_DISTANCE_M: dict[str, float] = {
    "5k": 5_000.0,
    "10k": 10_000.0,
    "half": 21_097.5,
    "marathon": 42_195.0,
}
# Run types whose whole duration counts as easy running (see limits.check_easy_share).
EASY_RUN_TYPES: frozenset[str] = frozenset({"easy", "long", "recovery", "walk_run"})
HARD_RUN_TYPES: frozenset[str] = frozenset({"tempo", "intervals", "race"})


class InfeasiblePlan(Exception):
    """The request cannot be met within the hard limits; says why and what would work.

    ``alternative`` is a ready-to-run request the generator has built a plan for (a later race
    date, a shorter race, or a finish goal with walk breaks); ``None`` only when none exists.
    """

    def __init__(
        self,
        reason: str,
        suggestion: str,
        alternative: PlanRequest | None = None,
        alternatives: tuple[tuple[str, PlanRequest], ...] = (),
    ) -> None:
        super().__init__(f"{reason} Suggestion: {suggestion}")
        self.reason = reason
        self.suggestion = suggestion
        # The refusal as the coach reads it, in their language.
        self.message: str = Phrase(
            "{reason} Suggestion: {suggestion}", reason=reason, suggestion=suggestion
        )
        self.alternative = alternative
        # Every alternative that builds, each with its words ("the half marathon on the same
        # date"); ``alternative`` is the first of them.
        self.alternatives = alternatives or (
            ((Phrase("the plan suggested"), alternative),) if alternative is not None else ()
        )


class PlanInputError(ValueError):
    """A request field is missing, wrong or contradictory; ``field`` is its dotted path."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem
        # What the coach reads (the field is its path in the request, not translated).
        self.message: str = Phrase("{field}: {problem}", field=field, problem=problem)


@dataclass(frozen=True, slots=True)
class Athlete:
    age: int
    sex: Sex
    body_mass_kg: float
    hr_max: int | None = None
    hr_rest: int | None = None
    lthr: int | None = None


@dataclass(frozen=True, slots=True)
class CoachOverride:
    """A coach's recorded decision to start postnatal running before 12 weeks (Delphi 2024)."""

    reason: str


@dataclass(frozen=True, slots=True)
class Goal:
    type: GoalType
    race_date: dt.date | None = None
    weeks: int | None = None
    weeks_postnatal: int | None = None
    # Goom 2019's impact and load tests we cannot measure (hops, bounds, running man).
    return_tests_passed: bool = False
    coach_override: CoachOverride | None = None
    # The coach may raise the 150-min long-run cap (e.g. marathon novices with walk breaks).
    long_run_cap_min: float | None = None
    # A finish goal: long runs and the race with walk breaks (Higdon, Galloway).
    walk_breaks: bool = False


@dataclass(frozen=True, slots=True)
class Availability:
    minutes: dict[Weekday, int]  # only available days appear

    @property
    def days(self) -> tuple[Weekday, ...]:
        return tuple(d for d in WEEKDAYS if self.minutes.get(d, 0) > 0)


@dataclass(frozen=True, slots=True)
class RecentRace:
    distance_m: float
    time_s: float


@dataclass(frozen=True, slots=True)
class CurrentLoad:
    weekly_km: float
    longest_run_km_30d: float
    runs_per_week: int
    recent_race: RecentRace | None = None


@dataclass(frozen=True, slots=True)
class SidePair:
    left: float
    right: float

    @property
    def weaker(self) -> float:
        return min(self.left, self.right)

    @property
    def symmetry_index(self) -> float:
        """LSI in % (weaker ÷ stronger × 100); 100 when both are zero."""
        stronger = max(self.left, self.right)
        return 100.0 if stronger <= 0 else 100.0 * self.weaker / stronger


@dataclass(frozen=True, slots=True)
class Tests:
    heel_raise_reps: SidePair | None = None
    knee_to_wall_cm: SidePair | None = None
    single_leg_bridge_reps: SidePair | None = None
    side_plank_s: SidePair | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    cause: str
    verdict: str


@dataclass(frozen=True, slots=True)
class PlanRequest:
    athlete: Athlete
    goal: Goal
    start: dt.date
    availability: Availability
    current: CurrentLoad
    tests: Tests = field(default_factory=Tests)
    findings: tuple[Finding, ...] = ()
    missing: tuple[str, ...] = ()  # intake fields not given, with what was assumed


@dataclass(frozen=True, slots=True)
class Reason:
    text: str
    evidence: tuple[str, ...]


def reason_json(reason: Reason) -> dict[str, object]:
    """A reason as stored: its text, the phrase to say it again in any language, its evidence."""
    out: dict[str, object] = {"text": reason.text, "evidence": list(reason.evidence)}
    phrase = phrase_json(reason.text)
    if phrase is not None:
        out["phrase"] = phrase
    return out


def reason_from_json(data: Mapping[str, object]) -> Reason:
    """A stored reason (older ones have no phrase: their text stays as stored)."""
    evidence = data.get("evidence") or []
    assert isinstance(evidence, list)
    text = text_from_json(str(data.get("text", "")), phrase_of(data.get("phrase")))
    return Reason(text, tuple(str(e) for e in evidence))


def phrase_of(value: object) -> Mapping[str, Any] | None:
    return cast(Mapping[str, Any], value) if isinstance(value, Mapping) else None


@dataclass(frozen=True, slots=True)
class ExercisePrescription:
    slug: str
    sets: int
    reps: int | None = None
    hold_s: int | None = None
    load: str | None = None


@dataclass(frozen=True, slots=True)
class Session:
    date: dt.date
    kind: Kind
    run_type: RunType | None = None
    duration_min: float = 0.0
    distance_km: float | None = None
    target_pace_s_per_km: tuple[float, float] | None = None
    hr_zone: str | None = None
    exercises: tuple[ExercisePrescription, ...] = ()
    why: tuple[Reason, ...] = ()
    ladder_level: int | None = None  # calf ladder step for strength sessions
    workout: Workout | None = None  # the steps of a run session (see plangen.steps)

    @property
    def is_run(self) -> bool:
        return self.kind == "run"


@dataclass(frozen=True, slots=True)
class Week:
    index: int
    phase: Phase
    start: dt.date  # first day of this 7-day block (may precede the plan start)
    sessions: tuple[Session, ...]
    why: tuple[Reason, ...] = ()  # the week's place in the plan (phase, lighter, taper)

    def runs(self, *, include_race: bool = False) -> tuple[Session, ...]:
        return tuple(
            s for s in self.sessions if s.is_run and (include_race or s.run_type != "race")
        )

    def running_minutes(self) -> float:
        """Running time of the block; races are left out (see limits module docstring)."""
        return sum(s.duration_min for s in self.runs())


@dataclass(frozen=True, slots=True)
class Plan:
    vdot: float
    vdot_estimated: bool
    paces: dict[str, tuple[float, float]]
    hr_zones: HeartRateZones
    weeks: tuple[Week, ...]
    race_date: dt.date | None
    notes: tuple[Reason, ...] = ()

    def sessions(self) -> tuple[Session, ...]:
        return tuple(s for w in self.weeks for s in w.sessions)
