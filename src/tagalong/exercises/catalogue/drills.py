"""Running drills: cadence and form."""

from __future__ import annotations

from tagalong.exercises.model import Dosage, Exercise

CADENCE = ("cadence.plus_5pct.heiderscheit_2011", "cadence.achilles.lyght_2016")
PLYO = "rehab.plyometric.frequency"

_DRILL_DOSAGE = Dosage(
    sets=2,
    reps=None,
    hold_s=None,
    tempo=None,
    load="about 20 m each",
    frequency="before easy runs, 2 sessions a week",
)
LEGS = ("hip flexors", "gastrocnemius", "soleus")

EXERCISES: tuple[Exercise, ...] = (
    Exercise(
        slug="metronome-cadence-run",
        name="Metronome cadence run",
        category="drill",
        muscles=("gastrocnemius", "soleus", "quadriceps", "gluteus maximus"),
        equipment=("metronome",),
        cues=(
            "Measure your step rate at your usual easy pace.",
            "Set the metronome 5% higher and keep the same pace.",
            "Take shorter, quicker steps; do not speed up.",
        ),
        common_mistakes=(
            "Aiming for a fixed 180 steps per minute.",
            "Running faster instead of stepping quicker.",
        ),
        dosage=Dosage(
            sets=1,
            reps=None,
            hold_s=None,
            tempo="+5% steps per minute at a fixed pace (then +10% at most)",
            load="easy-run pace",
            frequency="parts of 2-3 easy runs a week",
        ),
        citations=(*CADENCE, "cadence.calf_forces.lenhart_2014", "cadence.no_fixed_180.daniels"),
        description=(
            "A 5% higher step rate lowers peak Achilles stress; judge it at a fixed pace, "
            "never against a fixed 180."
        ),
    ),
    Exercise(
        slug="high-knees",
        name="High knees",
        category="drill",
        muscles=LEGS,
        equipment=("none",),
        cues=("Run tall with quick, light steps.", "Lift the knees to hip height."),
        common_mistakes=("Leaning back.",),
        dosage=_DRILL_DOSAGE,
        progression="a-skip",
        citations=(*CADENCE, PLYO),
        description="Quick, light contacts under the hips.",
    ),
    Exercise(
        slug="a-skip",
        name="A-skip",
        category="drill",
        muscles=LEGS,
        equipment=("none",),
        cues=(
            "Skip with one knee driving up as the other foot lands.",
            "Land under your hips on the ball of the foot.",
            "Keep the arms in rhythm.",
        ),
        common_mistakes=("Reaching forward with the foot.",),
        dosage=_DRILL_DOSAGE,
        regression="high-knees",
        progression="b-skip",
        citations=(*CADENCE, PLYO),
        description="Rhythm and landing under the body.",
    ),
    Exercise(
        slug="b-skip",
        name="B-skip",
        category="drill",
        muscles=(*LEGS, "hamstrings"),
        equipment=("none",),
        cues=(
            "Start as an A-skip.",
            "Extend the lower leg, then paw the foot back under you.",
        ),
        common_mistakes=("Kicking the leg out straight and landing ahead of you.",),
        dosage=_DRILL_DOSAGE,
        regression="a-skip",
        citations=(*CADENCE, PLYO),
        description="Adds an active pull-back of the foot under the hips.",
    ),
    Exercise(
        slug="strides",
        name="Strides",
        category="drill",
        muscles=("gastrocnemius", "soleus", "quadriceps", "hamstrings"),
        equipment=("none",),
        cues=(
            "Accelerate smoothly over about 80 m.",
            "Stay relaxed at near-fast speed.",
            "Walk back to recover fully.",
        ),
        common_mistakes=("Sprinting all out.",),
        dosage=Dosage(
            sets=4,
            reps=None,
            hold_s=20,
            tempo="build up, relaxed",
            load=None,
            frequency="after 1-2 easy runs a week",
        ),
        citations=(*CADENCE, "rehab.return_to_run.green_2022"),
        description=(
            "Short, relaxed accelerations; after a calf strain, add speed only once volume is "
            "steady, never both together."
        ),
    ),
)
