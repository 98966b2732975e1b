"""Points from separate signals add up to one cause's score.

Each rule module turns the case into ``Signal``s; ``finding`` sums them (capped at 100) and picks
the verdict. The verdict bands only rank causes; they are not evidence-based cut-offs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tagalong.calfcheck.model import Action, Cause, EvidenceItem, Finding, Verdict

LIKELY_FROM = 60.0
POSSIBLE_FROM = 30.0


@dataclass(frozen=True, slots=True)
class Signal:
    points: float = 0.0
    evidence: tuple[EvidenceItem, ...] = ()
    citations: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    actions: tuple[Action, ...] = ()
    has_data: bool = True


def no_data(*missing: str) -> Signal:
    return Signal(missing=missing, has_data=False)


def verdict_for(score: float, *, has_data: bool) -> Verdict:
    if not has_data:
        return "unknown"
    if score >= LIKELY_FROM:
        return "likely"
    return "possible" if score >= POSSIBLE_FROM else "unlikely"


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def finding(cause: Cause, signals: Iterable[Signal], *, cap: float = 100.0) -> Finding:
    parts = tuple(signals)
    has_data = any(s.has_data for s in parts)
    score = round(min(cap, max(0.0, sum(s.points for s in parts))), 1) if has_data else 0.0
    return Finding(
        cause=cause,
        verdict=verdict_for(score, has_data=has_data),
        score=score,
        evidence=tuple(item for s in parts for item in s.evidence),
        # Action citations are listed too, so the finding names every id behind its advice.
        citations=_unique(
            [c for s in parts for c in s.citations]
            + [c for s in parts for a in s.actions for c in a.citations]
        ),
        missing=_unique(m for s in parts for m in s.missing),
        actions=tuple(dict.fromkeys(a for s in parts for a in s.actions)),
    )
