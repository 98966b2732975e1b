"""The calf-loading ladder (rehab.progression_ladder) and hip/mobility prescriptions."""

from __future__ import annotations

from dataclasses import dataclass

from tagalong.plangen.model import ExercisePrescription as Ex
from tagalong.plangen.model import Reason, Tests

LADDER_NAMES = (
    "isometric holds",
    "double-leg heel raises",
    "single-leg heel raises",
    "single-leg heel raises off a step",
    "heavy slow resistance",
    "eccentric emphasis",
    "plyometrics",
)
TOP_LEVEL = len(LADDER_NAMES) - 1
WEEKS_PER_LEVEL = 2
# Placement by the weaker side's single-leg heel raises (rehab.progression_ladder).
ISOMETRIC_BELOW_REPS = 10
DOUBLE_LEG_BELOW_REPS = 15
HSR_REST_S = 150  # rehab.hsr.beyer_2015: 2–3 min between sets
BODYWEIGHT_REST_S = 60
ISOMETRIC_REST_S = 120  # rehab.isometric.oneill_2018: 2 min between holds


@dataclass(frozen=True, slots=True)
class Rung:
    level: int
    exercises: tuple[Ex, ...]
    evidence: tuple[str, ...]
    minutes: float


def _rest_s(slug: str) -> int:
    if slug.startswith("weighted-"):
        return HSR_REST_S
    if slug.startswith("isometric-"):
        return ISOMETRIC_REST_S
    return BODYWEIGHT_REST_S


def _minutes(exercises: tuple[Ex, ...]) -> float:
    work_s = 0.0
    for ex in exercises:
        per_set = ex.hold_s if ex.hold_s is not None else 3.0 * (ex.reps or 10)
        work_s += ex.sets * (per_set + _rest_s(ex.slug))
    return round(work_s / 60.0 + 5.0, 1)  # + 5 min warm-up


def placement(tests: Tests, *, returning: bool) -> int:
    """The ladder step the heel-raise test places the athlete on."""
    heel = tests.heel_raise_reps
    if heel is None:
        return 0 if returning else 1
    if heel.weaker < ISOMETRIC_BELOW_REPS:
        return 0
    if heel.weaker < DOUBLE_LEG_BELOW_REPS:
        return 1
    if heel.weaker < 25 or heel.symmetry_index < 90.0:
        return 2
    return 3


def _hsr(week_at_level: int) -> tuple[int, int]:
    """Sets × RM for the heavy-slow-resistance weeks (rehab.hsr.beyer_2015)."""
    table = ((3, 15), (3, 12), (3, 12), (4, 10), (4, 10), (4, 8), (4, 8), (4, 8), (4, 6))
    return table[min(week_at_level, len(table) - 1)]


def rung(level: int, week_at_level: int) -> Rung:
    if level == 0:
        ex: tuple[Ex, ...] = (
            Ex("isometric-calf-hold-bent-knee", sets=5, hold_s=45, load="70 % of max effort"),
            Ex("isometric-calf-hold-straight-knee", sets=2, hold_s=45, load="70 % of max effort"),
        )
        return Rung(0, ex, ("rehab.isometric.oneill_2018", "rehab.progression_ladder"), 0.0)
    if level == 1:
        ex = (
            Ex("double-leg-heel-raise", sets=3, reps=20),
            Ex("double-leg-heel-raise-bent-knee", sets=3, reps=20),
        )
        return Rung(1, ex, ("rehab.progression_ladder",), 0.0)
    if level == 2:
        ex = (
            Ex("single-leg-heel-raise", sets=3, reps=15),
            Ex("single-leg-heel-raise-bent-knee", sets=3, reps=15),
        )
        return Rung(2, ex, ("rehab.progression_ladder",), 0.0)
    if level == 3:
        ex = (
            Ex("single-leg-heel-raise-off-step", sets=3, reps=15, load="full range"),
            Ex("seated-soleus-raise", sets=3, reps=15),
        )
        return Rung(3, ex, ("rehab.progression_ladder",), 0.0)
    sets, rm = _hsr(week_at_level if level == 4 else 8)
    heavy = (
        Ex(
            "weighted-heel-raise-straight-knee", sets=sets, reps=rm, load=f"{rm}RM, 3 s up 3 s down"
        ),
        Ex("weighted-heel-raise-bent-knee", sets=sets, reps=rm, load=f"{rm}RM, 3 s up 3 s down"),
    )
    if level == 4:
        return Rung(4, heavy, ("rehab.hsr.beyer_2015", "rehab.progression_ladder"), 0.0)
    if level == 5:
        ex = (
            *heavy[:1],
            Ex("eccentric-heel-drop-straight-knee", sets=3, reps=15),
            Ex("eccentric-heel-drop-bent-knee", sets=3, reps=15),
        )
        return Rung(5, ex, ("rehab.alfredson_1998", "rehab.progression_ladder"), 0.0)
    pogo = "pogo-hops-double-leg" if week_at_level < 2 else "pogo-hops-single-leg"
    ex = (*heavy[:1], Ex(pogo, sets=3, reps=20), Ex("forward-hops", sets=2, reps=10))
    return Rung(6, ex, ("rehab.progression_ladder",), 0.0)


def calf_session(level: int, week_at_level: int) -> Rung:
    base = rung(level, week_at_level)
    return Rung(base.level, base.exercises, base.evidence, _minutes(base.exercises))


HIP_EXERCISES: tuple[Ex, ...] = (
    Ex("single-leg-bridge", sets=3, reps=12),
    Ex("side-plank", sets=2, hold_s=30),
)
HIP_SLUGS = frozenset(e.slug for e in HIP_EXERCISES) | {
    "clamshell",
    "hip-hike",
    "single-leg-romanian-deadlift",
    "step-up",
}
HIP_MINUTES = _minutes(HIP_EXERCISES) - 5.0

MOBILITY_EXERCISES: tuple[Ex, ...] = (
    Ex("knee-to-wall-mobilisation", sets=2, reps=10),
    Ex("calf-stretch-straight-knee", sets=2, hold_s=30),
    Ex("soleus-stretch-bent-knee", sets=2, hold_s=30),
)
ROLLING_EXERCISES: tuple[Ex, ...] = (
    Ex("foam-roll-calf", sets=1, hold_s=60, load="optional, for comfort"),
    Ex("foam-roll-soleus", sets=1, hold_s=60, load="optional, for comfort"),
)
CADENCE_DRILL = Ex(
    "metronome-cadence-run", sets=1, hold_s=600, load="+5 % steps/min at easy pace, metronome"
)
CADENCE_REASON = Reason(
    "The calf check found technique a likely or possible cause: run 10 min of this easy run "
    "with a metronome at +5 % of your usual step rate (never a fixed 180).",
    ("periodisation.plan.cadence_step",),
)
MAX_STRENGTH_MINUTES = max(calf_session(lv, w).minutes for lv in range(7) for w in range(9))
