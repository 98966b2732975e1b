"""Mobility: ankle range, calf and hip stretches, and circulation moves for sitting."""

from __future__ import annotations

from tagalong.exercises.model import Dosage, Exercise
from tagalong.wording import Phrase

STRETCH = "rehab.stretch.bandy_1997"
KNEE_TO_WALL = "ktw.norm.hoch_mckeon_2011"

_STRETCH_DOSAGE = Dosage(
    sets=1,
    reps=None,
    hold_s=30,
    tempo=None,
    load=None,
    frequency=Phrase("daily, each side"),
)

EXERCISES: tuple[Exercise, ...] = (
    Exercise(
        slug="knee-to-wall-mobilisation",
        name=Phrase("Knee-to-wall mobilisation"),
        category="mobility",
        muscles=(Phrase("soleus"), Phrase("ankle joint")),
        equipment=("wall",),
        cues=(
            Phrase("Face a wall in a half-kneeling or split stance."),
            Phrase("Drive the front knee towards the wall, heel down."),
            Phrase("Move in and out slowly."),
        ),
        common_mistakes=(Phrase("Lifting the heel."), Phrase("Letting the knee fall inward.")),
        dosage=Dosage(
            sets=2,
            reps=10,
            hold_s=None,
            tempo=Phrase("slow, 2 s at end range"),
            load=None,
            frequency=Phrase("daily"),
        ),
        citations=(KNEE_TO_WALL, STRETCH),
        description=Phrase(
            "The same position as the knee-to-wall test, used as a gentle range exercise. "
            "Loading and stretching improve calf range; rolling does not."
        ),
    ),
    Exercise(
        slug="calf-stretch-straight-knee",
        name=Phrase("Standing calf stretch, straight knee"),
        category="mobility",
        muscles=(Phrase("gastrocnemius"),),
        equipment=("wall",),
        cues=(
            Phrase("Hands on the wall, one leg back."),
            Phrase("Keep the back knee straight and the heel down."),
            Phrase("Lean in until you feel a stretch and hold."),
        ),
        common_mistakes=(Phrase("Turning the back foot out."),),
        dosage=_STRETCH_DOSAGE,
        progression="soleus-stretch-bent-knee",
        citations=(STRETCH, "rolling.no_dorsiflexion.konrad_2022"),
        description=Phrase("A static stretch for the gastrocnemius."),
    ),
    Exercise(
        slug="soleus-stretch-bent-knee",
        name=Phrase("Soleus stretch, bent knee"),
        category="mobility",
        muscles=(Phrase("soleus"),),
        equipment=("wall",),
        cues=(
            Phrase("Step one foot back and bend both knees."),
            Phrase("Keep the back heel on the floor."),
            Phrase("Sink down until you feel a stretch low in the calf and hold."),
        ),
        common_mistakes=(Phrase("Letting the back heel lift."),),
        dosage=_STRETCH_DOSAGE,
        regression="calf-stretch-straight-knee",
        citations=(STRETCH, "rolling.no_dorsiflexion.konrad_2022"),
        description=Phrase("Bending the knee moves the stretch to the soleus."),
    ),
    Exercise(
        slug="kneeling-hip-flexor-stretch",
        name=Phrase("Kneeling hip flexor stretch"),
        category="mobility",
        muscles=(Phrase("iliopsoas"), Phrase("rectus femoris")),
        equipment=("none",),
        cues=(
            Phrase("Kneel on one knee, the other foot in front."),
            Phrase("Tuck your pelvis under and squeeze the back glute."),
            Phrase("Shift forward gently and hold."),
        ),
        common_mistakes=(Phrase("Arching the lower back."),),
        dosage=_STRETCH_DOSAGE,
        citations=(STRETCH, "hips.calf_link.franettovich_smith_2014"),
        description=Phrase(
            "For tight hips that limit hip extension and push work onto the calves."
        ),
    ),
    Exercise(
        slug="ankle-pumps",
        name=Phrase("Ankle pumps"),
        category="mobility",
        muscles=(Phrase("gastrocnemius"), Phrase("soleus"), Phrase("tibialis anterior")),
        equipment=("none",),
        cues=(
            Phrase("Sit or lie with your legs relaxed."),
            Phrase("Point your toes away, then pull them towards you."),
            Phrase("Move through the full range, briskly."),
        ),
        common_mistakes=(Phrase("Moving only a little."),),
        dosage=Dosage(
            sets=1,
            reps=20,
            hold_s=None,
            tempo=None,
            load=None,
            frequency=Phrase("every 60 min on trips longer than 4 h"),
        ),
        citations=("circulation.travel_prompt.expert_target", "circulation.travel_risk.cdc"),
        description=Phrase("Keeps the calf muscle pump working when you cannot stand up."),
    ),
)
