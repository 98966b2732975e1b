"""The calf-loading ladder (rehab.progression_ladder) and hip/mobility prescriptions.

Steps are numbered 1 to 7 everywhere: in ``Session.ladder_level``, the plan JSON, the database
and the text ("step 3 of 7"). The plan's seven steps condense the ten steps of the evidence
entry (and of the exercise library's ``ladder_level``); ``EVIDENCE_STEPS`` maps them.
"""

from __future__ import annotations

from dataclasses import dataclass

from tagalong.plangen.model import ExercisePrescription as Ex
from tagalong.plangen.model import Reason, Tests
from tagalong.wording import Phrase

LADDER_NAMES: tuple[str, ...] = (
    Phrase("isometric holds"),
    Phrase("double-leg heel raises"),
    Phrase("single-leg heel raises"),
    Phrase("single-leg heel raises off a step"),
    Phrase("heavy slow resistance"),
    Phrase("eccentric emphasis"),
    Phrase("plyometrics"),
)
FIRST_STEP = 1
# The highest step a heel-raise test places on: past it, loading is judged by pain, not reps.
TOP_PLACEMENT = 4
TOP_LEVEL = len(LADDER_NAMES)  # the last step, 7
# Plan step -> the steps of rehab.progression_ladder (and the exercise library) it covers.
EVIDENCE_STEPS: dict[int, tuple[int, ...]] = {
    1: (1,),
    2: (2,),
    3: (3,),
    4: (4,),
    5: (5, 6),
    6: (7,),
    7: (8, 9),
}
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


ISOMETRIC_LOAD = Phrase("70 % of max effort")


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


def step_name(level: int) -> str:
    return LADDER_NAMES[level - FIRST_STEP]


def step_text(level: int) -> str:
    """The sentence a strength session's first reason starts with."""
    return Phrase(
        "Calf ladder step {level} of {top}: {name}.",
        level=level,
        top=TOP_LEVEL,
        name=step_name(level),
    )


def placement(tests: Tests, *, returning: bool) -> int:
    """The ladder step (1–7) the heel-raise test places the athlete on."""
    heel = tests.heel_raise_reps
    if heel is None:
        return 1 if returning else 2
    if heel.weaker < ISOMETRIC_BELOW_REPS:
        return 1
    if heel.weaker < DOUBLE_LEG_BELOW_REPS:
        return 2
    if heel.weaker < 25 or heel.symmetry_index < 90.0:
        return 3
    return TOP_PLACEMENT


def _hsr(week_at_level: int) -> tuple[int, int]:
    """Sets × RM for the heavy-slow-resistance weeks (rehab.hsr.beyer_2015)."""
    table = ((3, 15), (3, 12), (3, 12), (4, 10), (4, 10), (4, 8), (4, 8), (4, 8), (4, 6))
    return table[min(week_at_level, len(table) - 1)]


def rung(level: int, week_at_level: int) -> Rung:
    """The exercises of ladder step ``level`` (1–7) in its ``week_at_level``-th week (from 0)."""
    if not FIRST_STEP <= level <= TOP_LEVEL:
        raise ValueError(f"ladder step must be 1–7, got {level}")
    if level == 1:
        ex: tuple[Ex, ...] = (
            Ex(
                "isometric-calf-hold-bent-knee",
                sets=5,
                hold_s=45,
                load=Phrase("70 % of max effort"),
            ),
            Ex(
                "isometric-calf-hold-straight-knee",
                sets=2,
                hold_s=45,
                load=Phrase("70 % of max effort"),
            ),
        )
        return Rung(1, ex, ("rehab.isometric.oneill_2018", "rehab.progression_ladder"), 0.0)
    if level == 2:
        ex = (
            Ex("double-leg-heel-raise", sets=3, reps=20),
            Ex("double-leg-heel-raise-bent-knee", sets=3, reps=20),
        )
        return Rung(2, ex, ("rehab.progression_ladder",), 0.0)
    if level == 3:
        ex = (
            Ex("single-leg-heel-raise", sets=3, reps=15),
            Ex("single-leg-heel-raise-bent-knee", sets=3, reps=15),
        )
        return Rung(3, ex, ("rehab.progression_ladder",), 0.0)
    if level == 4:
        ex = (
            Ex("single-leg-heel-raise-off-step", sets=3, reps=15, load=Phrase("full range")),
            Ex("seated-soleus-raise", sets=3, reps=15),
        )
        return Rung(4, ex, ("rehab.progression_ladder",), 0.0)
    sets, rm = _hsr(week_at_level if level == 5 else 8)
    heavy = (
        Ex(
            "weighted-heel-raise-straight-knee", sets=sets, reps=rm, load=f"{rm}RM, 3 s up 3 s down"
        ),
        Ex("weighted-heel-raise-bent-knee", sets=sets, reps=rm, load=f"{rm}RM, 3 s up 3 s down"),
    )
    if level == 5:
        return Rung(5, heavy, ("rehab.hsr.beyer_2015", "rehab.progression_ladder"), 0.0)
    if level == 6:
        ex = (
            *heavy[:1],
            Ex("eccentric-heel-drop-straight-knee", sets=3, reps=15),
            Ex("eccentric-heel-drop-bent-knee", sets=3, reps=15),
        )
        return Rung(6, ex, ("rehab.alfredson_1998", "rehab.progression_ladder"), 0.0)
    pogo = "pogo-hops-double-leg" if week_at_level < 2 else "pogo-hops-single-leg"
    ex = (*heavy[:1], Ex(pogo, sets=3, reps=20), Ex("forward-hops", sets=2, reps=10))
    return Rung(7, ex, ("rehab.progression_ladder",), 0.0)


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
    Ex("foam-roll-calf", sets=1, hold_s=60, load=Phrase("optional, for comfort")),
    Ex("foam-roll-soleus", sets=1, hold_s=60, load=Phrase("optional, for comfort")),
)
CADENCE_DRILL = Ex(
    "metronome-cadence-run",
    sets=1,
    hold_s=600,
    load=Phrase("+5 % steps/min at easy pace, metronome"),
)
CADENCE_REASON = Reason(
    Phrase(
        "The calf check found technique a likely or possible cause: run 10 min of this easy run "
        "with a metronome at +5 % of your usual step rate (never a fixed 180)."
    ),
    ("periodisation.plan.cadence_step",),
)
MAX_STRENGTH_MINUTES = max(
    calf_session(lv, w).minutes for lv in range(FIRST_STEP, TOP_LEVEL + 1) for w in range(9)
)
CALF_SLUGS = frozenset(
    e.slug
    for lv in range(FIRST_STEP, TOP_LEVEL + 1)
    for w in range(9)
    for e in rung(lv, w).exercises
)
