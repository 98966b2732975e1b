"""Mobility: ankle range, calf and hip stretches, and circulation moves for sitting."""

from __future__ import annotations

from tagalong.exercises.model import Dosage, Exercise

STRETCH = "rehab.stretch.bandy_1997"
KNEE_TO_WALL = "ktw.norm.hoch_mckeon_2011"

_STRETCH_DOSAGE = Dosage(
    sets=1,
    reps=None,
    hold_s=30,
    tempo=None,
    load=None,
    frequency="daily, each side",
)

EXERCISES: tuple[Exercise, ...] = (
    Exercise(
        slug="knee-to-wall-mobilisation",
        name="Knee-to-wall mobilisation",
        category="mobility",
        muscles=("soleus", "ankle joint"),
        equipment=("wall",),
        cues=(
            "Face a wall in a half-kneeling or split stance.",
            "Drive the front knee towards the wall, heel down.",
            "Move in and out slowly.",
        ),
        common_mistakes=("Lifting the heel.", "Letting the knee fall inward."),
        dosage=Dosage(
            sets=2,
            reps=10,
            hold_s=None,
            tempo="slow, 2 s at end range",
            load=None,
            frequency="daily",
        ),
        citations=(KNEE_TO_WALL, STRETCH),
        description=(
            "The same position as the knee-to-wall test, used as a gentle range exercise. "
            "Loading and stretching improve calf range; rolling does not."
        ),
    ),
    Exercise(
        slug="calf-stretch-straight-knee",
        name="Standing calf stretch, straight knee",
        category="mobility",
        muscles=("gastrocnemius",),
        equipment=("wall",),
        cues=(
            "Hands on the wall, one leg back.",
            "Keep the back knee straight and the heel down.",
            "Lean in until you feel a stretch and hold.",
        ),
        common_mistakes=("Turning the back foot out.",),
        dosage=_STRETCH_DOSAGE,
        progression="soleus-stretch-bent-knee",
        citations=(STRETCH, "rolling.no_dorsiflexion.konrad_2022"),
        description="A static stretch for the gastrocnemius.",
    ),
    Exercise(
        slug="soleus-stretch-bent-knee",
        name="Soleus stretch, bent knee",
        category="mobility",
        muscles=("soleus",),
        equipment=("wall",),
        cues=(
            "Step one foot back and bend both knees.",
            "Keep the back heel on the floor.",
            "Sink down until you feel a stretch low in the calf and hold.",
        ),
        common_mistakes=("Letting the back heel lift.",),
        dosage=_STRETCH_DOSAGE,
        regression="calf-stretch-straight-knee",
        citations=(STRETCH, "rolling.no_dorsiflexion.konrad_2022"),
        description="Bending the knee moves the stretch to the soleus.",
    ),
    Exercise(
        slug="kneeling-hip-flexor-stretch",
        name="Kneeling hip flexor stretch",
        category="mobility",
        muscles=("iliopsoas", "rectus femoris"),
        equipment=("none",),
        cues=(
            "Kneel on one knee, the other foot in front.",
            "Tuck your pelvis under and squeeze the back glute.",
            "Shift forward gently and hold.",
        ),
        common_mistakes=("Arching the lower back.",),
        dosage=_STRETCH_DOSAGE,
        citations=(STRETCH, "hips.calf_link.franettovich_smith_2014"),
        description="For tight hips that limit hip extension and push work onto the calves.",
    ),
    Exercise(
        slug="ankle-pumps",
        name="Ankle pumps",
        category="mobility",
        muscles=("gastrocnemius", "soleus", "tibialis anterior"),
        equipment=("none",),
        cues=(
            "Sit or lie with your legs relaxed.",
            "Point your toes away, then pull them towards you.",
            "Move through the full range, briskly.",
        ),
        common_mistakes=("Moving only a little.",),
        dosage=Dosage(
            sets=1,
            reps=20,
            hold_s=None,
            tempo=None,
            load=None,
            frequency="every 60 min on trips longer than 4 h",
        ),
        citations=("circulation.travel_prompt.expert_target", "circulation.travel_risk.cdc"),
        description="Keeps the calf muscle pump working when you cannot stand up.",
    ),
)
