"""Workout steps: totals, text, and a JSON form that round-trips and names bad fields."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tagalong.plangen.steps import (
    EffortTarget,
    HeartRateTarget,
    PaceTarget,
    Repeat,
    Step,
    Workout,
    WorkoutError,
    describe,
    duration_text,
    workout_from_dict,
)

INTERVALS = Workout(
    "Intervals",
    (
        Step("warmup", seconds=900, target=PaceTarget(360, 390)),
        Repeat(
            5,
            (Step("work", seconds=180, target=PaceTarget(250, 256)), Step("recovery", seconds=120)),
        ),
        Step("cooldown", seconds=600),
    ),
)


def test_total_adds_repeats_and_times_distance_steps_at_their_pace() -> None:
    assert INTERVALS.total_seconds() == 900 + 5 * 300 + 600
    tempo_km = Workout("T", (Step("work", metres=2000, target=PaceTarget(290, 310)),))
    assert tempo_km.total_seconds() == pytest.approx(600.0)
    with pytest.raises(WorkoutError, match="metres"):
        Workout("x", (Step("work", metres=1000),)).total_seconds()


def test_text_reads_like_the_steps() -> None:
    assert describe(INTERVALS) == (
        "Warm-up 15 min at 6:00–6:30/km; 5 × (3 min at 4:10–4:16/km, recovery 2 min); "
        "cool-down 10 min"
    )


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"steps": [{"kind": "work", "seconds": 60}]}, "name"),
        ({"name": "x", "steps": []}, "steps"),
        ({"name": "x", "steps": [{"kind": "jog", "seconds": 60}]}, "steps[0].kind"),
        ({"name": "x", "steps": [{"kind": "work"}]}, "steps[0].seconds"),
        ({"name": "x", "steps": [{"kind": "work", "seconds": "ten"}]}, "steps[0].seconds"),
        ({"name": "x", "steps": [{"kind": "work", "seconds": -5}]}, "steps[0].seconds"),
        (
            {
                "name": "x",
                "steps": [
                    {
                        "kind": "work",
                        "seconds": 60,
                        "target": {"type": "pace", "fast_s_per_km": 300, "slow_s_per_km": 200},
                    }
                ],
            },
            "steps[0].target",
        ),
        (
            {
                "name": "x",
                "steps": [
                    {"type": "repeat", "times": 0, "steps": [{"kind": "work", "seconds": 60}]}
                ],
            },
            "steps[0].times",
        ),
        (
            {
                "name": "x",
                "steps": [{"type": "repeat", "times": 3, "steps": [{"kind": "work", "metres": 0}]}],
            },
            "steps[0].steps[0].metres",
        ),
    ],
)
def test_bad_fields_are_named(data: dict[str, object], field: str) -> None:
    with pytest.raises(WorkoutError) as caught:
        workout_from_dict(data)
    assert caught.value.field == field


targets = st.one_of(
    st.none(),
    st.builds(
        lambda a, b: PaceTarget(float(a), float(a + b)), st.integers(150, 700), st.integers(0, 60)
    ),
    st.builds(lambda a, b: HeartRateTarget(a, a + b), st.integers(60, 180), st.integers(0, 40)),
    st.builds(EffortTarget, st.integers(1, 10)),
)
steps = st.builds(
    Step,
    kind=st.sampled_from(["warmup", "work", "recovery", "cooldown", "rest"]),
    seconds=st.integers(1, 3600).map(float),
    target=targets,
    note=st.text(max_size=20),
)
items = st.one_of(
    steps, st.builds(Repeat, st.integers(1, 20), st.lists(steps, min_size=1, max_size=3).map(tuple))
)


@given(st.lists(items, min_size=1, max_size=6))
def test_json_form_round_trips(parts: list[Step | Repeat]) -> None:
    workout = Workout("Session", tuple(parts))
    again = workout_from_dict(json.loads(json.dumps(workout.to_dict())))
    assert again == workout
    assert again.total_seconds() == workout.total_seconds()


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(45, "45 s"), (60, "1 min"), (90, "90 s"), (75, "75 s"), (120, "2 min"), (150, "2 min 30 s")],
)
def test_durations_read_as_a_coach_writes_them(seconds: int, text: str) -> None:
    assert duration_text(seconds) == text


def test_no_step_text_of_a_generated_plan_says_0_seconds() -> None:
    import re

    from tagalong.plangen import generate_plan
    from tagalong.plangen.model import Goal

    from .requests import runner

    for goal in (Goal(type="half", weeks=16), Goal(type="5k", weeks=10)):
        plan = generate_plan(runner(goal=goal))
        texts = [s.why[0].text for s in plan.sessions() if s.workout is not None]
        assert texts and not [t for t in texts if re.search(r"\b0 s\b|\b1 min 0", t)]
        assert any(" s " in t or " s)" in t or " s," in t for t in texts)  # strides: "20 s"
