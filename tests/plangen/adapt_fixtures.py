"""Small hand-made plans for the adaptation tests: two weeks from Monday 2 March 2026."""

from __future__ import annotations

import datetime as dt

from tagalong.plangen.adapt_model import Block, Context, PlanView, Slot
from tagalong.plangen.ladder import calf_session, step_text
from tagalong.plangen.model import Reason, RunType, Session

MONDAY = dt.date(2026, 3, 2)
EASY_PACE = (330.0, 360.0)
WHY = (Reason("Planned.", ("periodisation.plan.easy_share",)),)
ALL_DAYS = {d: 120 for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}


def day(offset: int) -> dt.date:
    return MONDAY + dt.timedelta(days=offset)


def run(offset: int, minutes: float, km: float, run_type: RunType = "easy") -> Session:
    return Session(
        date=day(offset),
        kind="run",
        run_type=run_type,
        duration_min=minutes,
        distance_km=km,
        target_pace_s_per_km=EASY_PACE,
        why=WHY,
    )


def strength(offset: int, level: int) -> Session:
    rung = calf_session(level, 0)
    return Session(
        date=day(offset),
        kind="strength",
        duration_min=rung.minutes,
        exercises=rung.exercises,
        why=(Reason(step_text(level), rung.evidence),),
        ladder_level=level,
    )


def rest(offset: int) -> Session:
    return Session(date=day(offset), kind="rest", why=WHY)


def week(first: int) -> list[Session]:
    """Mon rest, Tue tempo, Wed calf (step 3), Thu easy, Fri rest, Sat long, Sun easy.

    200 minutes a week: the tempo is exactly 20 % and the long run exactly 30 %.
    """
    return [
        rest(first),
        run(first + 1, 40, 7.5, "tempo"),
        strength(first + 2, 3),
        run(first + 3, 50, 9.0),
        rest(first + 4),
        run(first + 5, 60, 10.0, "long"),
        run(first + 6, 50, 9.0),
    ]


def two_weeks(*, longest_before_km: float = 12.0) -> PlanView:
    sessions = [*week(0), *week(7)]
    return PlanView(
        blocks=(Block(day(0), "build"), Block(day(7), "build")),
        slots=tuple(Slot(i + 1, s) for i, s in enumerate(sessions)),
        start=day(0),
        longest_before_km=longest_before_km,
    )


def context(today_offset: int, **extra: object) -> Context:
    args: dict[str, object] = {"today": day(today_offset), "easy_pace": EASY_PACE}
    return Context(**{**args, **extra})  # type: ignore[arg-type]


def by_ref(view: PlanView) -> dict[int, Session]:
    return {slot.ref: slot.session for slot in view.slots}
