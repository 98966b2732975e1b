"""Foam rolling: optional comfort, never a substitute for loading."""

from __future__ import annotations

from tagalong.exercises.model import Dosage, Exercise
from tagalong.wording import Phrase

ROLLING_NOTE = Phrase("optional comfort, 30–120 s per muscle, never in place of loading")
CITATIONS = (
    "rolling.dose.review_2022",
    "rolling.no_dorsiflexion.konrad_2022",
    "rolling.effects.wiewelhove_2019",
)

_DOSAGE = Dosage(
    sets=1,
    reps=None,
    hold_s=60,
    tempo=Phrase("slow passes, pause on tender spots"),
    load=Phrase("moderate pressure, not painful"),
    frequency=Phrase("optional, 30–120 s per muscle, 1-3 sets"),
)


def _rolling(slug: str, name: Phrase, muscles: tuple[Phrase, ...], where: Phrase) -> Exercise:
    return Exercise(
        slug=slug,
        name=name,
        category="rolling",
        muscles=muscles,
        equipment=("foam_roller",),
        cues=(
            Phrase("Rest {where} on the roller.", where=where),
            Phrase("Roll slowly along the muscle."),
            Phrase("Breathe and keep the pressure tolerable."),
        ),
        common_mistakes=(Phrase("Rolling fast."), Phrase("Rolling instead of strength work.")),
        dosage=_DOSAGE,
        citations=CITATIONS,
        description=Phrase("Rolling is {note}.", note=ROLLING_NOTE),
    )


EXERCISES: tuple[Exercise, ...] = (
    _rolling(
        "foam-roll-calf",
        Phrase("Foam roll: calf"),
        (Phrase("gastrocnemius"),),
        Phrase("the back of your lower leg"),
    ),
    _rolling(
        "foam-roll-soleus",
        Phrase("Foam roll: soleus"),
        (Phrase("soleus"),),
        Phrase("the lower calf, knee bent, turned slightly in and out,"),
    ),
    _rolling(
        "foam-roll-quadriceps",
        Phrase("Foam roll: quadriceps"),
        (Phrase("quadriceps"),),
        Phrase("the front of your thigh"),
    ),
    _rolling(
        "foam-roll-glutes",
        Phrase("Foam roll: glutes"),
        (Phrase("gluteus maximus"),),
        Phrase("one buttock"),
    ),
    _rolling(
        "foam-roll-hamstrings",
        Phrase("Foam roll: hamstrings"),
        (Phrase("hamstrings"),),
        Phrase("the back of your thigh"),
    ),
)
