"""Calf pain rising, read with the pain-monitoring model (rehab.pain_monitoring.silbernagel_2007).

A check-in is one symptom log: the worst calf pain during or after running, and the worst the next
morning (0-10, None when not noted). Rising means any of: up by 2 points or more on the last
check-in; up on each of the last two check-ins; above the model's limits on the last one (above
5/10 during or after, or not back to 3/10 by the next morning).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tagalong.triage.model import Finding, one_after_another
from tagalong.wording import Phrase

EVIDENCE = "attention.pain_rising"
JUMP_POINTS = 2  # attention.pain_rising
TOO_MUCH_ABOVE = 5  # rehab.pain_monitoring.silbernagel_2007: above 5/10 is too much
SETTLED_AT_MOST = 3  # the safe zone 0-3/10 by the next morning


@dataclass(frozen=True, slots=True)
class CheckIn:
    day: date
    running: int | None  # worst of during and after, either calf
    next_morning: int | None

    @property
    def worst(self) -> int | None:
        noted = [v for v in (self.running, self.next_morning) if v is not None]
        return max(noted) if noted else None


def pain_rising(check_ins: Sequence[CheckIn]) -> Finding | None:
    """``check_ins`` oldest first; only those with a calf pain score count."""
    scored = [c for c in check_ins if c.worst is not None]
    if not scored:
        return None
    last = scored[-1]
    worst = last.worst
    assert worst is not None
    reasons: list[Phrase] = []
    if last.running is not None and last.running > TOO_MUCH_ABOVE:
        reasons.append(Phrase("{score}/10 while running, above the 5/10 limit", score=last.running))
    if last.next_morning is not None and last.next_morning > SETTLED_AT_MOST:
        reasons.append(
            Phrase("{score}/10 the next morning, not settled to 3/10", score=last.next_morning)
        )
    values = [c.worst for c in scored]
    if len(values) >= 2:
        previous = values[-2]
        assert previous is not None
        if worst - previous >= JUMP_POINTS:
            reasons.append(
                Phrase(
                    "up {points} points since the check-in before ({previous}/10)",
                    points=worst - previous,
                    previous=previous,
                )
            )
        elif len(values) >= 3 and values[-3] is not None and values[-3] < previous < worst:
            reasons.append(
                Phrase(
                    "up two check-ins in a row ({first} → {previous} → {worst}/10)",
                    first=values[-3],
                    previous=previous,
                    worst=worst,
                )
            )
    if not reasons:
        return None
    return Finding(
        kind="pain_rising",
        words=Phrase(
            "Calf pain {worst}/10 on {day:%-d %b}: {reasons}.",
            worst=worst,
            day=last.day,
            reasons=one_after_another(reasons),
        ),
        evidence_id=EVIDENCE,
        level=float(worst),
        anchor="symptoms",
    )
