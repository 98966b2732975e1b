"""The pain-monitoring model (rehab.pain_monitoring.silbernagel_2007), read per calf.

Scores of one side on one day are merged (the highest of each time of day counts), so a
morning note logged separately from the run's note reads as one day. The rules, with the
operational choices of rehab.pain_monitoring.plan_adaptation:

* too much: pain above 5/10 during or after running;
* not settled: next-morning pain above the safe zone (above 3/10);
* worse than last week: the worst score of the 7 days ending today is above the worst of the
  7 days before, and above 3/10 (rising pain inside the safe zone is not acted on).

Only the last 7 days can raise a signal; more pain in them never removes one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from tagalong.plangen.adapt_model import PainScore, Side
from tagalong.wording import Phrase

SAFE_MAX = 3  # rehab.pain_monitoring.silbernagel_2007: 0–3 safe
ACCEPTABLE_MAX = 5  # rehab.pain_monitoring.silbernagel_2007: 4–5 acceptable, above 5 too much
WINDOW_DAYS = 7  # rehab.pain_monitoring.plan_adaptation
EVIDENCE = ("rehab.pain_monitoring.silbernagel_2007", "rehab.pain_monitoring.plan_adaptation")

Rule = Literal["too_much", "not_settled", "worse"]
SIDES: tuple[Side, ...] = ("left", "right")
SIDE_WORDS: dict[str, str] = {"left": Phrase("left"), "right": Phrase("right")}


@dataclass(frozen=True, slots=True)
class PainSignal:
    side: Side
    day: dt.date
    rule: Rule
    score: int
    text: str


def merge(scores: Iterable[PainScore]) -> dict[tuple[dt.date, Side], PainScore]:
    """One score per day and side: the highest of each time of day."""
    out: dict[tuple[dt.date, Side], PainScore] = {}
    for s in scores:
        seen = out.get((s.day, s.side))
        if seen is not None:
            s = PainScore(
                s.day,
                s.side,
                _max(seen.during, s.during),
                _max(seen.after, s.after),
                _max(seen.next_morning, s.next_morning),
            )
        out[(s.day, s.side)] = s
    return out


def _max(a: int | None, b: int | None) -> int | None:
    if a is None or b is None:
        return b if a is None else a
    return max(a, b)


def _in(day: dt.date, first: dt.date, last: dt.date) -> bool:
    return first <= day <= last


def recent(scores: Iterable[PainScore], today: dt.date) -> list[PainScore]:
    first = today - dt.timedelta(days=WINDOW_DAYS - 1)
    return [s for s in merge(scores).values() if _in(s.day, first, today)]


def signals(scores: Iterable[PainScore], today: dt.date) -> tuple[PainSignal, ...]:
    """Every reason the model gives to step back, oldest first."""
    merged = merge(scores)
    out = [sig for s in recent(merged.values(), today) for sig in _day_signals(s)]
    out.extend(_worse(list(merged.values()), today))
    return tuple(sorted(out, key=lambda s: (s.day, s.side, s.rule)))


def _day_signals(s: PainScore) -> list[PainSignal]:
    out = []
    calf = Phrase("{side} calf on {day:%a %-d %b}", side=SIDE_WORDS[s.side], day=s.day)
    if s.during is not None and s.during > ACCEPTABLE_MAX:
        text = Phrase(
            "Pain {score}/10 during running ({calf}): above 5/10 is too much.",
            score=s.during,
            calf=calf,
        )
        out.append(PainSignal(s.side, s.day, "too_much", s.during, text))
    if s.after is not None and s.after > ACCEPTABLE_MAX:
        text = Phrase(
            "Pain {score}/10 after running ({calf}): above 5/10 is too much.",
            score=s.after,
            calf=calf,
        )
        out.append(PainSignal(s.side, s.day, "too_much", s.after, text))
    if s.next_morning is not None and s.next_morning > SAFE_MAX:
        text = Phrase(
            "Pain {score}/10 the next morning ({calf}): it had not settled back to 3/10 or less.",
            score=s.next_morning,
            calf=calf,
        )
        out.append(PainSignal(s.side, s.day, "not_settled", s.next_morning, text))
    return out


def _worse(merged: list[PainScore], today: dt.date) -> list[PainSignal]:
    this_first = today - dt.timedelta(days=WINDOW_DAYS - 1)
    last_first = this_first - dt.timedelta(days=WINDOW_DAYS)
    last_end = this_first - dt.timedelta(days=1)
    out = []
    for side in SIDES:
        mine = [s for s in merged if s.side == side]
        now = _worst([s for s in mine if _in(s.day, this_first, today)])
        before = _worst([s for s in mine if _in(s.day, last_first, last_end)])
        if now is None or before is None:
            continue
        score, day = now
        if score > before[0] and score > SAFE_MAX:
            text = Phrase(
                "The {side} calf is worse than last week: {score}/10 at worst, "
                "up from {before}/10.",
                side=SIDE_WORDS[side],
                score=score,
                before=before[0],
            )
            out.append(PainSignal(side, day, "worse", score, text))
    return out


def _worst(scores: list[PainScore]) -> tuple[int, dt.date] | None:
    noted = [(w, s.day) for s in scores if (w := s.worst()) is not None]
    return max(noted) if noted else None


def stayed_safe(scores: Iterable[PainScore], today: dt.date) -> bool:
    """Every score of the last 7 days at or below 3/10 (true when nothing was logged)."""
    return all((s.worst() or 0) <= SAFE_MAX for s in recent(scores, today))
