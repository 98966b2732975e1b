"""The calf check's typed input (a case) and output (ranked findings)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from tagalong.assessment import Sex

Cause = Literal["capacity_vs_load", "hip_glute_hamstring", "soft_tissue", "technique", "shoes"]
CAUSES: tuple[Cause, ...] = (
    "capacity_vs_load",
    "hip_glute_hamstring",
    "soft_tissue",
    "technique",
    "shoes",
)
Verdict = Literal["likely", "possible", "unlikely", "unknown"]
FootStrike = Literal["forefoot", "midfoot", "rearfoot", "unknown"]
SymptomSide = Literal["left", "right", "both"]
ActionKind = Literal[
    "adjust_load", "strength", "mobility", "cadence", "foot_strike", "shoes", "rolling"
]


@dataclass(frozen=True, slots=True)
class Athlete:
    age: float | None = None
    sex: Sex | None = None
    body_mass_kg: float | None = None


@dataclass(frozen=True, slots=True)
class LeftRight:
    left: float
    right: float

    @property
    def weaker(self) -> float:
        return min(self.left, self.right)


@dataclass(frozen=True, slots=True)
class CalfTests:
    heel_raise_reps: LeftRight | None = None
    knee_to_wall_cm: LeftRight | None = None
    single_leg_bridge_reps: LeftRight | None = None
    side_plank_s: LeftRight | None = None


@dataclass(frozen=True, slots=True)
class Symptoms:
    """Calf tightness or pain on a 0–10 scale: during runs, after, and the next morning."""

    during: float | None = None
    after: float | None = None
    next_morning: float | None = None
    side: SymptomSide | None = None
    # The day each value was logged (the worst of a period when a log gives several), if known.
    during_date: date | None = None
    after_date: date | None = None
    next_morning_date: date | None = None

    @property
    def any_reported(self) -> bool:
        return any(v is not None for v in (self.during, self.after, self.next_morning))

    @property
    def calf_complains(self) -> bool:
        return any((v or 0) > 0 for v in (self.during, self.after, self.next_morning))


@dataclass(frozen=True, slots=True)
class Run:
    date: date
    distance_km: float
    duration_min: float | None = None
    rpe: float | None = None


@dataclass(frozen=True, slots=True)
class Load:
    weekly_km: tuple[float, ...] = ()  # oldest … newest
    longest_run_km_30d: float | None = None  # longest in the 30 days before the latest run
    runs: tuple[Run, ...] = ()


@dataclass(frozen=True, slots=True)
class Technique:
    cadence_spm: float | None = None  # steps per minute, both feet
    speed_m_s: float | None = None  # the speed the cadence was measured at
    foot_strike: FootStrike = "unknown"
    cadence_date: date | None = None  # the run the cadence and speed come from
    foot_strike_date: date | None = None  # the run a foot pod reported the strike for


@dataclass(frozen=True, slots=True)
class Shoe:
    name: str
    km: float
    retire_km: float = 800.0
    first_used: date | None = None  # the first run in this pair: a recent change of shoe


@dataclass(frozen=True, slots=True)
class CalfCase:
    athlete: Athlete = field(default_factory=Athlete)
    tests: CalfTests = field(default_factory=CalfTests)
    symptoms: Symptoms = field(default_factory=Symptoms)
    load: Load = field(default_factory=Load)
    technique: Technique = field(default_factory=Technique)
    shoes: tuple[Shoe, ...] = ()
    red_flags: tuple[str, ...] = ()
    activity_files: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    label: str
    value: float | str | None
    unit: str | None = None
    date: date | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Action:
    kind: ActionKind
    text: str
    exercise: str | None = None  # an exercise-library slug
    dosage: str | None = None
    citations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    cause: Cause
    verdict: Verdict
    score: float  # 0–100, for ranking; the verdict bands are ranking aids, not evidence
    evidence: tuple[EvidenceItem, ...]
    citations: tuple[str, ...]
    missing: tuple[str, ...]
    actions: tuple[Action, ...]


@dataclass(frozen=True, slots=True)
class CalfCheckResult:
    findings: tuple[Finding, ...]  # highest score first; empty when a red flag stops the check
    red_flags: tuple[str, ...]
    stop: bool
    message: str | None
    disclaimer: str
    citations: tuple[str, ...] = ()
