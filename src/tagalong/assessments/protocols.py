# ruff: noqa: E501  (prose steps read better unwrapped)
"""Each home test written out step by step (shared/science.md §1–2)."""

from tagalong.wording import Phrase

PROTOCOLS: list[dict[str, object]] = [
    {
        "test": "heel_raise",
        "name": Phrase("Single-leg heel-raise test"),
        "steps": [
            Phrase(
                "Setup: stand on one leg on a 10° incline or the edge of a step, fingertips on a wall."
            ),
            Phrase(
                "Tempo: one raise every two seconds (a metronome at 60 beats a minute, up on one, down on the next)."
            ),
            Phrase("Go as high as you can each time, knee straight."),
            Phrase(
                "Stop when you can no longer rise fully, lose the tempo, or lean on the wall. Count full reps."
            ),
            Phrase("Rest a minute, then test the other leg."),
        ],
    },
    {
        "test": "knee_to_wall",
        "name": Phrase("Knee-to-wall test"),
        "steps": [
            Phrase("Setup: face a wall, big toe a few centimetres away, heel on the floor."),
            Phrase("Bend the knee to touch the wall without lifting the heel."),
            Phrase(
                "Move the foot back until the knee only just touches; measure toe to wall in cm."
            ),
            Phrase(
                "Stop rule: the heel must stay down and the knee must track over the second toe."
            ),
        ],
    },
    {
        "test": "single_leg_bridge",
        "name": Phrase("Single-leg bridge test"),
        "steps": [
            Phrase(
                "Setup: lie on your back, heel on a 60 cm box or chair, knee slightly bent, other leg up."
            ),
            Phrase(
                "Tempo: push the hips up until they are level, lower to touch the floor, steady pace."
            ),
            Phrase(
                "Stop when the hips cannot rise fully or the form goes. Count full reps per side."
            ),
        ],
    },
    {
        "test": "side_plank",
        "name": Phrase("Side plank hold"),
        "steps": [
            Phrase(
                "Setup: on your side, elbow under the shoulder, feet stacked, body in a straight line."
            ),
            Phrase("Hold; time in seconds."),
            Phrase("Stop when the hips drop and cannot be lifted back."),
        ],
    },
    {
        "test": "single_leg_squat",
        "name": Phrase("Single-leg squat"),
        "steps": [
            Phrase(
                "Setup: stand on one leg, arms crossed; squat to about 60° of knee bend, five times."
            ),
            Phrase(
                "Rate 0–5: 5 for steady trunk, level pelvis, knee over the toes; 0 when balance is lost."
            ),
        ],
    },
    {
        "test": "seated_soleus",
        "name": Phrase("Seated soleus raise (optional, needs weights)"),
        "steps": [
            Phrase("Setup: seated, knee bent 90°, load on the thigh of the tested leg."),
            Phrase("Find the heaviest load you can raise once through full range; record kg."),
            Phrase("Shown as times body weight."),
        ],
    },
    {
        "test": "hop",
        "name": Phrase("Single-leg hop for distance (optional)"),
        "steps": [
            Phrase("Only when pain-free with the heel-raise target met."),
            Phrase("Hop forward as far as you can and stick the landing; best of three, in cm."),
        ],
    },
]
