"""Planned against done: compliance over 7 and 28 days, missed key sessions, the plan's end.

Bands are the TrainingPeaks ones (coaching.compliance.trainingpeaks) from
``tagalong.trainingload.compliance``: within ±20 % done, 50–79 % or 121–150 % partly, otherwise
missed. Days the coach marked unavailable (ill, travel, holiday) are left out of both sides.
Words are neutral (coaching.compliance.never_shame).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tagalong.trainingload.compliance import compliance
from tagalong.triage.model import Finding
from tagalong.wording import Phrase, phrase_n

SHORT_DAYS = 7
LONG_DAYS = 28
ENDING_WITHIN_DAYS = 7  # attention.plan_ending
COMPLIANCE = "attention.compliance_falling"
MISSED = "attention.missed_key_session"
ENDING = "attention.plan_ending"
BAND_WORDS = {
    "as_planned": Phrase("done"),
    "partly": Phrase("partly done"),
    "off_plan": Phrase("missed"),
    "missed": Phrase("missed"),
}


@dataclass(frozen=True, slots=True)
class PlannedSession:
    day: date
    planned_s: float
    done_s: float | None  # seconds run that day; None when nothing was recorded
    key: bool = False  # a long run or a quality session
    label: str = "run"


def _window(
    sessions: Sequence[PlannedSession], today: date, days: int, unavailable: Collection[date]
) -> list[PlannedSession]:
    start = today - timedelta(days=days)
    return [s for s in sessions if start <= s.day < today and s.day not in unavailable]


def _ratio(sessions: Sequence[PlannedSession]) -> tuple[float, str] | None:
    planned = sum(s.planned_s for s in sessions)
    if planned <= 0:
        return None
    done = sum(s.done_s or 0.0 for s in sessions)
    result = compliance(planned=planned, completed=done)
    return (result.ratio or 0.0), BAND_WORDS[result.status]


def compliance_falling(
    sessions: Sequence[PlannedSession], *, today: date, unavailable: Collection[date] = ()
) -> Finding | None:
    """A signal when the last 7 days are not "done" (within ±20 % of the planned time)."""
    week = _ratio(_window(sessions, today, SHORT_DAYS, unavailable))
    if week is None or week[1] == BAND_WORDS["as_planned"]:
        return None
    month = _ratio(_window(sessions, today, LONG_DAYS, unavailable))
    if month is None:
        words = Phrase(
            "Last 7 days: {week:.0f} % of the planned time ({week_band}).",
            week=week[0] * 100,
            week_band=week[1],
        )
    else:
        words = Phrase(
            "Last 7 days: {week:.0f} % of the planned time ({week_band}); "
            "last 28 days: {month:.0f} % ({month_band}).",
            week=week[0] * 100,
            week_band=week[1],
            month=month[0] * 100,
            month_band=month[1],
        )
    return Finding(
        kind="compliance",
        words=words,
        evidence_id=COMPLIANCE,
        level=round(abs(1 - week[0]), 2),
        anchor="plan",
    )


def missed_key_sessions(
    sessions: Sequence[PlannedSession], *, today: date, unavailable: Collection[date] = ()
) -> Finding | None:
    missed = [
        s for s in _window(sessions, today, SHORT_DAYS, unavailable) if s.key and not s.done_s
    ]
    if not missed:
        return None
    names = tuple(Phrase("{run} on {day:%a %-d %b}", run=s.label, day=s.day) for s in missed)
    return Finding(
        kind="missed_key_session",
        words=Phrase("Not done: {runs}.", runs=names),
        evidence_id=MISSED,
        level=float(len(missed)),
        anchor="plan",
    )


def plan_ending(end: date | None, *, today: date) -> Finding | None:
    if end is None:
        return Finding(
            kind="plan_ending",
            words=Phrase("No active plan."),
            evidence_id=ENDING,
            level=2,
            anchor="plan",
        )
    left = (end - today).days
    if left > ENDING_WITHIN_DAYS:
        return None
    if left < 0:
        words = Phrase("The plan ended ({day:%-d %b %Y}).", day=end)
    elif left == 0:
        words = Phrase("The plan ends today ({day:%-d %b %Y}).", day=end)
    else:
        words = phrase_n(
            "The plan ends in {count} day ({day:%-d %b %Y}).",
            "The plan ends in {count} days ({day:%-d %b %Y}).",
            left,
            day=end,
        )
    return Finding(
        kind="plan_ending",
        words=words,
        evidence_id=ENDING,
        level=1,
        anchor="plan",
    )
