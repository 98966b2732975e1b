"""How one change alters one session, and what that change says in words.

Changes only ever shorten runs (keeping their pace, the workout steps shrinking alike), run a
hard run easy, move a calf strength session along the ladder (rehab.progression_ladder) or
move a session to another day. A change to a day already past leaves the session as it was;
a move that no longer fits the plan (the session moved, a run already on that day) is refused.
Each changed session carries the change's reason with its evidence ids.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Iterable, Sequence

from tagalong.plangen import ladder, workouts
from tagalong.plangen.adapt_model import Change, Context, PlanView, Slot
from tagalong.plangen.model import HARD_RUN_TYPES, Reason, Session
from tagalong.plangen.paces import RUN_TYPE_HR_ZONE
from tagalong.wording import Phrase

EPS = 1e-6
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def floor_to(value: float, step: float) -> float:
    return math.floor(value / step + 1e-9) * step


def round_down(value: float, step: float) -> float:
    return round(floor_to(value, step), 2)


def _with_reason(s: Session, reason: Reason) -> Session:
    return s if reason in s.why else dataclasses.replace(s, why=(*s.why, reason))


def cap_run(s: Session, *, minutes: float | None, km: float | None) -> Session:
    """Shorten a run to at most ``minutes`` and ``km``, keeping its pace (both shrink alike)."""
    factor = 1.0
    if minutes is not None and s.duration_min > minutes:
        factor = min(factor, minutes / s.duration_min)
    if km is not None and s.distance_km and s.distance_km > km:
        factor = min(factor, km / s.distance_km)
    if factor >= 1.0:
        return s
    distance = None if s.distance_km is None else round_down(s.distance_km * factor, 0.01)
    if s.workout is not None:  # the steps shrink with the run, so they still add up
        target_s = s.duration_min * factor * 60.0
        workout = workouts.scaled(s.workout, factor)
        for _ in range(4):  # steps round to whole seconds: never end above the cap
            if workout.total_seconds() <= target_s:
                break
            factor *= target_s / workout.total_seconds()
            workout = workouts.scaled(s.workout, factor)
        minutes = math.floor(workout.total_seconds() / 6.0) / 10
        factor = minutes / s.duration_min
        distance = None if s.distance_km is None else round_down(s.distance_km * factor, 0.01)
        return dataclasses.replace(s, duration_min=minutes, distance_km=distance, workout=workout)
    return dataclasses.replace(
        s, duration_min=round_down(s.duration_min * factor, 0.1), distance_km=distance
    )


def ease_run(s: Session, easy_pace: tuple[float, float] | None) -> Session:
    """A hard run becomes an easy one of the same length of time (never longer in km)."""
    if s.run_type not in HARD_RUN_TYPES or s.run_type == "race":
        return s
    distance = s.distance_km
    if easy_pace is not None and distance is not None:
        distance = min(distance, round_down(s.duration_min * 120.0 / sum(easy_pace), 0.01))
    return dataclasses.replace(
        s,
        run_type="easy",
        distance_km=distance,
        target_pace_s_per_km=easy_pace,
        hr_zone=RUN_TYPE_HR_ZONE.get("easy"),
        workout=None if s.workout is None else workouts.eased(s.workout, easy_pace),
    )


def relevel(s: Session, level: int) -> Session:
    """A calf strength session on ladder step ``level``; other exercises stay."""
    rung = ladder.calf_session(level, 0)
    kept = tuple(e for e in s.exercises if e.slug not in ladder.CALF_SLUGS)
    exercises = (*rung.exercises, *kept)
    step = Reason(ladder.step_text(level), rung.evidence)
    why = tuple(r for r in s.why if not r.text.startswith("Calf ladder step "))
    extra = ladder.HIP_MINUTES if any(e.slug in ladder.HIP_SLUGS for e in kept) else 0.0
    return dataclasses.replace(
        s,
        ladder_level=level,
        exercises=exercises,
        duration_min=round(rung.minutes + extra, 1),
        why=(step, *why),
    )


def _run_on(sessions: Iterable[Session], day: dt.date) -> bool:
    return any(s.is_run and s.date == day for s in sessions)


def change_session(
    s: Session, change: Change, ctx: Context, others: Sequence[Session]
) -> Session | None:
    """The session after ``change``; None when a move no longer fits the plan."""
    if change.kind == "move":
        if change.to is None or s.date != change.on:
            return None
        if s.is_run and (change.to <= ctx.today or _run_on(others, change.to)):
            return None
        return _with_reason(dataclasses.replace(s, date=change.to), change.reason)
    if s.date <= ctx.today:
        return s  # that day is history now: nothing to change, nothing in the way
    if change.kind == "run":
        out = cap_run(s, minutes=change.max_duration_min, km=change.max_distance_km)
        if change.easy:
            out = ease_run(out, ctx.easy_pace)
    else:
        out = _ladder(s, change)
    return s if out == s else _with_reason(out, change.reason)


def _ladder(s: Session, change: Change) -> Session:
    level, target = s.ladder_level, change.ladder_level
    if level is None or target is None:
        return s
    if (change.kind == "ladder_down" and target < level) or (
        change.kind == "ladder_up" and target > level
    ):
        return relevel(s, target)
    return s


def with_sessions(view: PlanView, sessions: dict[int, Session]) -> PlanView:
    slots = tuple(Slot(ref, s) for ref, s in sessions.items())
    return dataclasses.replace(view, slots=slots)


# What a session is, as a change names it ("Tue 3 Mar long run").
SESSION_WORDS: dict[str, str] = {
    "easy": Phrase("easy run"),
    "long": Phrase("long run"),
    "tempo": Phrase("tempo run"),
    "intervals": Phrase("intervals run"),
    "recovery": Phrase("recovery run"),
    "walk_run": Phrase("walk-run"),
    "race": Phrase("race"),
    "run": Phrase("run"),
    "strength": Phrase("strength"),
    "mobility": Phrase("mobility"),
    "cross": Phrase("cross-training"),
    "rest": Phrase("rest"),
}
# A run type as "run easy instead of tempo" says it.
RUN_TYPE_WORDS: dict[str, str] = {
    "easy": Phrase("easy"),
    "long": Phrase("long"),
    "tempo": Phrase("tempo"),
    "intervals": Phrase("intervals"),
    "recovery": Phrase("recovery"),
    "walk_run": Phrase("walk-run"),
    "race": Phrase("race"),
}


def change_text(before: Session, after: Session) -> str:
    """What changed on one session, in words: 'Sat 5 Apr long run: 90 → 63 min, 15.0 → 10.5 km'."""
    parts: list[str] = []
    if after.date != before.date:
        parts.append(Phrase("moves to {day:%a %-d %b}", day=after.date))
    if after.ladder_level != before.ladder_level and after.ladder_level is not None:
        parts.append(ladder_step_text(before.ladder_level, after.ladder_level))
    if after.run_type != before.run_type:
        was = RUN_TYPE_WORDS.get(before.run_type or "", (before.run_type or "").replace("_", " "))
        parts.append(Phrase("run easy instead of {run}", run=was))
    if after.kind != "strength" and after.duration_min != before.duration_min:
        parts.append(minutes_text(before.duration_min, after.duration_min))
    if after.distance_km != before.distance_km and before.distance_km and after.distance_km:
        parts.append(
            Phrase(
                "{before:.1f} → {after:.1f} km", before=before.distance_km, after=after.distance_km
            )
        )
    return session_change(before, tuple(parts) if parts else Phrase("no change"))


def session_change(s: Session, changes: str | tuple[str, ...]) -> str:
    """'Sat 5 Apr long run: at most 9.0 km' (several changes are said as a list)."""
    return Phrase("{session}: {changes}", session=describe(s), changes=changes)


def ladder_step_text(before: int | None, after: int) -> str:
    return Phrase(
        "ladder step {before} → {after} ({name})",
        before=before if before is not None else "",
        after=after,
        name=ladder.step_name(after),
    )


def minutes_text(before: float, after: float) -> str:
    return Phrase("{before:.0f} → {after:.0f} min", before=before, after=after)


def describe(s: Session) -> str:
    """'Tue 3 Mar long run', 'Thu 5 Mar strength'."""
    what = s.run_type if s.is_run and s.run_type else s.kind
    session = SESSION_WORDS.get(what, what.replace("_", " "))
    return Phrase("{day:%a %-d %b} {session}", day=s.date, session=session)
