"""Running drills: cadence and form."""

from __future__ import annotations

from tagalong.exercises.model import Dosage, Exercise
from tagalong.wording import Phrase

CADENCE = ("cadence.plus_5pct.heiderscheit_2011", "cadence.achilles.lyght_2016")
PLYO = "rehab.plyometric.frequency"

_DRILL_DOSAGE = Dosage(
    sets=2,
    reps=None,
    hold_s=None,
    tempo=None,
    load=Phrase("about 20 m each"),
    frequency=Phrase("before easy runs, 2 sessions a week"),
)
LEGS = (Phrase("hip flexors"), Phrase("gastrocnemius"), Phrase("soleus"))

EXERCISES: tuple[Exercise, ...] = (
    Exercise(
        slug="metronome-cadence-run",
        name=Phrase("Metronome cadence run"),
        category="drill",
        muscles=(
            Phrase("gastrocnemius"),
            Phrase("soleus"),
            Phrase("quadriceps"),
            Phrase("gluteus maximus"),
        ),
        equipment=("metronome",),
        cues=(
            Phrase("Measure your step rate at your usual easy pace."),
            Phrase("Set the metronome 5% higher and keep the same pace."),
            Phrase("Take shorter, quicker steps; do not speed up."),
        ),
        common_mistakes=(
            Phrase("Aiming for a fixed 180 steps per minute."),
            Phrase("Running faster instead of stepping quicker."),
        ),
        dosage=Dosage(
            sets=1,
            reps=None,
            hold_s=None,
            tempo=Phrase("+5% steps per minute at a fixed pace (then +10% at most)"),
            load=Phrase("easy-run pace"),
            frequency=Phrase("parts of 2-3 easy runs a week"),
        ),
        citations=(*CADENCE, "cadence.calf_forces.lenhart_2014", "cadence.no_fixed_180.daniels"),
        description=Phrase(
            "A 5% higher step rate lowers peak Achilles stress; judge it at a fixed pace, "
            "never against a fixed 180."
        ),
    ),
    Exercise(
        slug="high-knees",
        name=Phrase("High knees"),
        category="drill",
        muscles=LEGS,
        equipment=("none",),
        cues=(Phrase("Run tall with quick, light steps."), Phrase("Lift the knees to hip height.")),
        common_mistakes=(Phrase("Leaning back."),),
        dosage=_DRILL_DOSAGE,
        progression="a-skip",
        citations=(*CADENCE, PLYO),
        description=Phrase("Quick, light contacts under the hips."),
    ),
    Exercise(
        slug="a-skip",
        name=Phrase("A-skip"),
        category="drill",
        muscles=LEGS,
        equipment=("none",),
        cues=(
            Phrase("Skip with one knee driving up as the other foot lands."),
            Phrase("Land under your hips on the ball of the foot."),
            Phrase("Keep the arms in rhythm."),
        ),
        common_mistakes=(Phrase("Reaching forward with the foot."),),
        dosage=_DRILL_DOSAGE,
        regression="high-knees",
        progression="b-skip",
        citations=(*CADENCE, PLYO),
        description=Phrase("Rhythm and landing under the body."),
    ),
    Exercise(
        slug="b-skip",
        name=Phrase("B-skip"),
        category="drill",
        muscles=(*LEGS, Phrase("hamstrings")),
        equipment=("none",),
        cues=(
            Phrase("Start as an A-skip."),
            Phrase("Extend the lower leg, then paw the foot back under you."),
        ),
        common_mistakes=(Phrase("Kicking the leg out straight and landing ahead of you."),),
        dosage=_DRILL_DOSAGE,
        regression="a-skip",
        citations=(*CADENCE, PLYO),
        description=Phrase("Adds an active pull-back of the foot under the hips."),
    ),
    Exercise(
        slug="strides",
        name=Phrase("Strides"),
        category="drill",
        muscles=(
            Phrase("gastrocnemius"),
            Phrase("soleus"),
            Phrase("quadriceps"),
            Phrase("hamstrings"),
        ),
        equipment=("none",),
        cues=(
            Phrase("Accelerate smoothly over about 80 m."),
            Phrase("Stay relaxed at near-fast speed."),
            Phrase("Walk back to recover fully."),
        ),
        common_mistakes=(Phrase("Sprinting all out."),),
        dosage=Dosage(
            sets=4,
            reps=None,
            hold_s=20,
            tempo=Phrase("build up, relaxed"),
            load=None,
            frequency=Phrase("after 1-2 easy runs a week"),
        ),
        citations=(*CADENCE, "rehab.return_to_run.green_2022"),
        description=Phrase(
            "Short, relaxed accelerations; after a calf strain, add speed only once volume is "
            "steady, never both together."
        ),
    ),
)
