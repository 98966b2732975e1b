"""Plan adaptation's input and output shapes: the plan as stored, the athlete's recent data,
and proposals made of concrete changes (see ``adapt`` for the rules, ``adapt_apply`` and
``adapt_change`` for how a change is made)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from tagalong.plangen.model import (
    Phase,
    Plan,
    PlanRequest,
    Reason,
    Session,
    SidePair,
    phrase_of,
    reason_from_json,
    reason_json,
)
from tagalong.wording import phrase_json, text_from_json

Side = Literal["left", "right"]
Trigger = Literal["pain", "missed", "load_spike", "retest"]
# run: cap a run's duration and distance (and run it easy); ladder_down / ladder_up: move a
# calf strength session to at most / at least a ladder step; move: change a session's date.
ChangeKind = Literal["run", "ladder_down", "ladder_up", "move"]
TRIGGERS: tuple[Trigger, ...] = ("pain", "missed", "load_spike", "retest")


@dataclass(frozen=True, slots=True)
class PainScore:
    """One calf's pain (0–10) on one day: during and after running, and the next morning."""

    day: dt.date
    side: Side
    during: int | None = None
    after: int | None = None
    next_morning: int | None = None

    def worst(self) -> int | None:
        noted = [v for v in (self.during, self.after, self.next_morning) if v is not None]
        return max(noted) if noted else None


@dataclass(frozen=True, slots=True)
class DoneRun:
    """A run the athlete recorded, on their local calendar day."""

    day: dt.date
    minutes: float
    distance_km: float | None = None


@dataclass(frozen=True, slots=True)
class HeelRaiseTest:
    day: dt.date
    reps: SidePair


@dataclass(frozen=True, slots=True)
class AthleteData:
    pain: tuple[PainScore, ...] = ()
    # None when the athlete does not record runs: missed sessions and spikes cannot be judged.
    runs: tuple[DoneRun, ...] | None = None
    heel_raise: tuple[HeelRaiseTest, ...] = ()  # one protocol, oldest first


@dataclass(frozen=True, slots=True)
class Slot:
    """A stored session: ``ref`` is its id in the caller's storage (opaque here)."""

    ref: int
    session: Session


@dataclass(frozen=True, slots=True)
class Block:
    """One of the plan's 7-day blocks, as the generator laid them out."""

    start: dt.date
    phase: Phase

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=6)

    def holds(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True, slots=True)
class PlanView:
    """The plan as stored, with what the hard limits need to judge it."""

    blocks: tuple[Block, ...]
    slots: tuple[Slot, ...]
    start: dt.date
    longest_before_km: float = 0.0  # longest run of the 30 days before the plan started
    race_date: dt.date | None = None

    def block_of(self, day: dt.date) -> Block | None:
        return next((b for b in self.blocks if b.holds(day)), None)

    def sessions_on(self, day: dt.date) -> tuple[Slot, ...]:
        return tuple(s for s in self.slots if s.session.date == day)


@dataclass(frozen=True, slots=True)
class Context:
    """Facts about the athlete and the day. Nothing dated ``today`` or earlier is changed."""

    today: dt.date
    availability: Mapping[str, int] | None = None  # minutes by weekday ("mon" ...); None: unknown
    returning: bool = False  # a return-to-run or postnatal plan
    easy_pace: tuple[float, float] | None = None


@dataclass(frozen=True, slots=True)
class Change:
    kind: ChangeKind
    ref: int
    on: dt.date  # the session's date when the change was proposed
    text: str  # what changes, in words
    reason: Reason  # why; added to the session's reasons when the change is made
    max_duration_min: float | None = None
    max_distance_km: float | None = None
    easy: bool = False
    ladder_level: int | None = None
    to: dt.date | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "session_id": self.ref,
            "on": self.on.isoformat(),
            "text": self.text,
            "phrase": phrase_json(self.text),
            "reason": reason_json(self.reason),
            "max_duration_min": self.max_duration_min,
            "max_distance_km": self.max_distance_km,
            "easy": self.easy,
            "ladder_level": self.ladder_level,
            "to": self.to.isoformat() if self.to else None,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Change:
        reason = data["reason"]
        assert isinstance(reason, Mapping)
        to = data.get("to")
        return cls(
            kind=_kind(data["kind"]),
            ref=int(str(data["session_id"])),
            on=dt.date.fromisoformat(str(data["on"])),
            text=text_from_json(str(data["text"]), phrase_of(data.get("phrase"))),
            reason=reason_from_json(reason),
            max_duration_min=_float(data.get("max_duration_min")),
            max_distance_km=_float(data.get("max_distance_km")),
            easy=bool(data.get("easy")),
            ladder_level=None
            if data.get("ladder_level") is None
            else int(str(data["ladder_level"])),
            to=dt.date.fromisoformat(str(to)) if to else None,
        )


def _kind(value: object) -> ChangeKind:
    kinds: dict[str, ChangeKind] = {
        "run": "run",
        "ladder_down": "ladder_down",
        "ladder_up": "ladder_up",
        "move": "move",
    }
    return kinds[str(value)]


def _float(value: object) -> float | None:
    return None if value is None else float(str(value))


@dataclass(frozen=True, slots=True)
class Proposal:
    trigger: Trigger
    key: str  # names the data that caused it: the same data never proposes twice
    summary: str
    reasons: tuple[Reason, ...]
    changes: tuple[Change, ...]


@dataclass(frozen=True, slots=True)
class Applied:
    view: PlanView
    changes: tuple[Change, ...]  # the changes made, with any that keep the hard limits
    skipped: tuple[str, ...]  # changes that no longer fit the plan, in words


def view_of(plan: Plan, request: PlanRequest) -> PlanView:
    """A generated plan as adaptation sees it; refs number the sessions in order."""
    return PlanView(
        blocks=tuple(Block(w.start, w.phase) for w in plan.weeks),
        slots=tuple(Slot(i, s) for i, s in enumerate(plan.sessions())),
        start=request.start,
        longest_before_km=request.current.longest_run_km_30d,
        race_date=plan.race_date,
    )


def plan_of(base: Plan, view: PlanView) -> Plan:
    """``base`` with its sessions replaced by the view's, block by block (for ``limits``)."""
    weeks = []
    for week in base.weeks:
        end = week.start + dt.timedelta(days=6)
        sessions = sorted(
            (s.session for s in view.slots if week.start <= s.session.date <= end),
            key=lambda s: s.date,
        )
        weeks.append(dataclasses.replace(week, sessions=tuple(sessions)))
    return dataclasses.replace(base, weeks=tuple(weeks))
