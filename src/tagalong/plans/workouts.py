"""A session's stored workout: read it back, check it, and total its time and distance.

The steps themselves are the pure core's (``plangen.steps``); the FIT file is written from
them by ``selectors.fit_bytes``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext

from tagalong.errors import DomainError
from tagalong.plangen.steps import PaceTarget, Workout, WorkoutError, describe
from tagalong.plans.models import PlanSession


@dataclass(frozen=True)
class Totals:
    seconds: float
    km: float | None  # None when a timed step has no pace to turn its time into distance


def _where(path: str) -> str:
    """``steps[1].steps[0].seconds`` as "Step 2, its step 1 (seconds)"."""
    places = [f"step {int(i) + 1}" for i in re.findall(r"steps\[(\d+)\]", path)]
    leaf = path.rsplit(".", 1)[-1] if "." in path or "[" not in path else ""
    words = ", its ".join(places) or "The workout"
    return (words[:1].upper() + words[1:]) + (f" ({leaf})" if leaf and "[" not in leaf else "")


def parse_workout(data: Any, *, field: str = "workout") -> Workout:
    """The workout in ``data`` (Workout.to_dict() shape), or a DomainError naming the field."""
    try:
        return Workout.from_dict(data)
    except WorkoutError as error:
        raise DomainError(
            gettext("%(field)s: %(message)s.")
            % {"field": _where(error.field), "message": error.message},
            field=f"{field}.{error.field}",
        ) from None


def stored_workout(session: PlanSession) -> Workout | None:
    if not session.workout:
        return None
    try:
        return Workout.from_dict(session.workout)
    except WorkoutError:
        return None  # written by an older version of the steps; the session's targets remain


def fallback_pace(session: PlanSession) -> float | None:
    """The pace that times a step without its own pace target: the session's, else the plan's
    easy pace."""
    if session.pace_range:
        return sum(session.pace_range) / 2
    easy = (session.plan.summary or {}).get("paces", {}).get("easy")
    return sum(easy) / 2 if easy else None


def totals(workout: Workout, pace: float | None) -> Totals:
    seconds, metres, known = 0.0, 0.0, True
    for step in workout.flat_steps():
        step_pace = step.target.mid() if isinstance(step.target, PaceTarget) else pace
        if step.metres is not None:
            if step_pace is None:
                raise DomainError(
                    gettext(
                        "A step set by distance needs a pace target, so its time can be worked out."
                    ),
                    field="workout.steps",
                )
            metres += step.metres
            seconds += step.metres / 1000 * step_pace
        else:
            assert step.seconds is not None
            seconds += step.seconds
            if step_pace is None:
                known = False
            else:
                metres += step.seconds / step_pace * 1000
    return Totals(seconds, round(metres / 1000, 1) if known else None)


def distance_km(minutes: float, pace_range: tuple[float, float] | None) -> float | None:
    """What ``minutes`` cover at the middle of ``pace_range``, to 0.1 km."""
    if not pace_range or minutes <= 0:
        return None
    return round(minutes * 60 / (sum(pace_range) / 2), 1)


def workout_text(session: PlanSession) -> str:
    found = stored_workout(session)
    return describe(found) if found is not None else ""
