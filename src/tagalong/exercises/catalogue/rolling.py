"""Foam rolling: optional comfort, never a substitute for loading."""

from __future__ import annotations

from tagalong.exercises.model import Dosage, Exercise

ROLLING_NOTE = "optional comfort, 30–120 s per muscle, never in place of loading"
CITATIONS = (
    "rolling.dose.review_2022",
    "rolling.no_dorsiflexion.konrad_2022",
    "rolling.effects.wiewelhove_2019",
)

_DOSAGE = Dosage(
    sets=1,
    reps=None,
    hold_s=60,
    tempo="slow passes, pause on tender spots",
    load="moderate pressure, not painful",
    frequency="optional, 30–120 s per muscle, 1-3 sets",
)


def _rolling(slug: str, name: str, muscles: tuple[str, ...], where: str) -> Exercise:
    return Exercise(
        slug=slug,
        name=name,
        category="rolling",
        muscles=muscles,
        equipment=("foam_roller",),
        cues=(
            f"Rest {where} on the roller.",
            "Roll slowly along the muscle.",
            "Breathe and keep the pressure tolerable.",
        ),
        common_mistakes=("Rolling fast.", "Rolling instead of strength work."),
        dosage=_DOSAGE,
        citations=CITATIONS,
        description=f"Rolling is {ROLLING_NOTE}.",
    )


EXERCISES: tuple[Exercise, ...] = (
    _rolling("foam-roll-calf", "Foam roll: calf", ("gastrocnemius",), "the back of your lower leg"),
    _rolling(
        "foam-roll-soleus",
        "Foam roll: soleus",
        ("soleus",),
        "the lower calf, knee bent, turned slightly in and out,",
    ),
    _rolling(
        "foam-roll-quadriceps", "Foam roll: quadriceps", ("quadriceps",), "the front of your thigh"
    ),
    _rolling("foam-roll-glutes", "Foam roll: glutes", ("gluteus maximus",), "one buttock"),
    _rolling(
        "foam-roll-hamstrings", "Foam roll: hamstrings", ("hamstrings",), "the back of your thigh"
    ),
)
