# ruff: noqa: E501  (prose steps read better unwrapped)
"""Each home test written out step by step (shared/science.md §1–2)."""

PROTOCOLS: list[dict[str, object]] = [
    {
        "test": "heel_raise",
        "name": "Single-leg heel-raise test",
        "steps": [
            "Setup: stand on one leg on a 10° incline or the edge of a step, fingertips on a wall.",
            "Tempo: one raise every two seconds (a metronome at 60 beats a minute, up on one, down on the next).",
            "Go as high as you can each time, knee straight.",
            "Stop when you can no longer rise fully, lose the tempo, or lean on the wall. Count full reps.",
            "Rest a minute, then test the other leg.",
        ],
    },
    {
        "test": "knee_to_wall",
        "name": "Knee-to-wall test",
        "steps": [
            "Setup: face a wall, big toe a few centimetres away, heel on the floor.",
            "Bend the knee to touch the wall without lifting the heel.",
            "Move the foot back until the knee only just touches; measure toe to wall in cm.",
            "Stop rule: the heel must stay down and the knee must track over the second toe.",
        ],
    },
    {
        "test": "single_leg_bridge",
        "name": "Single-leg bridge test",
        "steps": [
            "Setup: lie on your back, heel on a 60 cm box or chair, knee slightly bent, other leg up.",
            "Tempo: push the hips up until they are level, lower to touch the floor, steady pace.",
            "Stop when the hips cannot rise fully or the form goes. Count full reps per side.",
        ],
    },
    {
        "test": "side_plank",
        "name": "Side plank hold",
        "steps": [
            "Setup: on your side, elbow under the shoulder, feet stacked, body in a straight line.",
            "Hold; time in seconds.",
            "Stop when the hips drop and cannot be lifted back.",
        ],
    },
    {
        "test": "single_leg_squat",
        "name": "Single-leg squat",
        "steps": [
            "Setup: stand on one leg, arms crossed; squat to about 60° of knee bend, five times.",
            "Rate 0–5: 5 for steady trunk, level pelvis, knee over the toes; 0 when balance is lost.",
        ],
    },
    {
        "test": "seated_soleus",
        "name": "Seated soleus raise (optional, needs weights)",
        "steps": [
            "Setup: seated, knee bent 90°, load on the thigh of the tested leg.",
            "Find the heaviest load you can raise once through full range; record kg.",
            "Shown as times body weight.",
        ],
    },
    {
        "test": "hop",
        "name": "Single-leg hop for distance (optional)",
        "steps": [
            "Only when pain-free with the heel-raise target met.",
            "Hop forward as far as you can and stick the landing; best of three, in cm.",
        ],
    },
]
