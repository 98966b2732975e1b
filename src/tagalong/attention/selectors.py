"""Reads: the attention queue and roster rows, in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, QuerySet

from tagalong.access.policy import AnyUser, visible_athletes
from tagalong.athletes.models import AthleteProfile
from tagalong.attention.models import (
    AttentionNote,
    AvailabilityMarker,
    RedFlag,
    Signal,
    SignalState,
)
from tagalong.triage import KINDS

CALM = 99  # severity of a row with nothing open
SORTS = ("severity", "waiting", "name", "-name", "joined", "-joined", "weekly", "-weekly")
# Sorting by a signal (its kind as the sort key): athletes with it open come first, the worst
# (highest level) first, then the longest open; everyone else follows most urgent first.
SIGNAL_SORTS = tuple(kind for kind, _ in KINDS)


@dataclass
class Row:
    athlete: AthleteProfile
    today: dt.date
    open: list[Signal] = field(default_factory=list)
    handled: list[Signal] = field(default_factory=list)  # snoozed or acknowledged

    @property
    def severity(self) -> int:
        return min((s.severity for s in self.open), default=CALM)

    @property
    def opened_at(self) -> dt.datetime | None:
        return min((s.opened_at for s in self.open), default=None)

    @property
    def days_open(self) -> int | None:
        opened = self.opened_at
        return None if opened is None else max(0, (self.today - opened.date()).days)

    @property
    def url(self) -> str:
        return f"/athletes/{self.athlete.pk}/attention/"

    @property
    def red_flag(self) -> bool:
        return any(s.kind == "red_flag" for s in self.open)


def open_q(today: dt.date) -> Q:
    return Q(state=SignalState.OPEN) | Q(state=SignalState.SNOOZED, snoozed_until__lt=today)


def _athletes(
    user: AnyUser, *, q: str, group: int | None, coach: int | None
) -> QuerySet[AthleteProfile]:
    athletes = visible_athletes(user)
    if q.strip():
        athletes = athletes.filter(
            Q(user__full_name__icontains=q.strip()) | Q(user__email__icontains=q.strip())
        )
    if group is not None:
        athletes = athletes.filter(athlete_groups__pk=group, athlete_groups__coach=user.pk)
    if coach is not None:
        athletes = athletes.filter(
            pk__in=AthleteProfile.objects.filter(
                links__coach_id=coach, links__ended_at__isnull=True
            ).values("pk")
        )
    return athletes


def athletes_for(
    user: AnyUser,
    *,
    today: dt.date,
    everyone: bool = False,
    kind: str = "",
    q: str = "",
    group: int | None = None,
    coach: int | None = None,
) -> QuerySet[AthleteProfile]:
    """The queue's athletes (something open; of ``kind`` when given) or, with ``everyone``,
    the whole roster filtered."""
    athletes = _athletes(user, q=q, group=group, coach=coach)
    if kind:
        open_signals = Signal.objects.filter(open_q(today), kind=kind)
    elif not everyone:
        open_signals = Signal.objects.filter(open_q(today))
    else:
        return athletes
    return athletes.filter(pk__in=open_signals.values("athlete_id"))


def rows(
    user: AnyUser,
    *,
    today: dt.date,
    everyone: bool = False,
    kind: str = "",
    q: str = "",
    group: int | None = None,
    coach: int | None = None,
    sort: str = "severity",
) -> list[Row]:
    """Every row at once (CSV export, digest); pages use ``queue_page.queue_page``.
    Two queries whatever the number of athletes and signals."""
    athletes = athletes_for(
        user, today=today, everyone=everyone, kind=kind, q=q, group=group, coach=coach
    )
    by_athlete: dict[int, Row] = {a.pk: Row(a, today) for a in athletes}
    signals = Signal.objects.filter(athlete_id__in=list(by_athlete)).order_by(
        "severity", "opened_at", "pk"
    )
    for signal in signals:
        row = by_athlete[signal.athlete_id]
        (row.open if signal.is_open_on(today) else row.handled).append(signal)
    return sorted_rows(list(by_athlete.values()), sort)


def sorted_rows(found: list[Row], sort: str) -> list[Row]:
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    keys = {
        "severity": lambda r: (not r.red_flag, r.severity, r.opened_at or far, r.athlete.name),
        "waiting": lambda r: (r.opened_at or far, r.severity, r.athlete.name),
        "name": lambda r: r.athlete.name.lower(),
        "joined": lambda r: r.athlete.user.date_joined,
        "weekly": lambda r: r.athlete.weekly_distance_km or Decimal(0),
    }
    if sort in SIGNAL_SORTS:
        return sorted(found, key=lambda r: _by_signal(r, sort, far))
    reverse = sort.startswith("-")
    key = keys.get(sort.lstrip("-"), keys["severity"])
    return sorted(found, key=key, reverse=reverse)  # type: ignore[arg-type]


def _by_signal(row: Row, kind: str, far: dt.datetime) -> tuple[object, ...]:
    mine = [s for s in row.open if s.kind == kind]
    if not mine:
        return (1, 0.0, far, not row.red_flag, row.severity, row.opened_at or far, row.athlete.name)
    worst = max(mine, key=lambda s: s.level)
    return (0, -worst.level, worst.opened_at, False, 0, far, row.athlete.name)


def counts(found: list[Row]) -> dict[str, int]:
    """How many athletes have each kind of signal open."""
    tally: dict[str, int] = defaultdict(int)
    for row in found:
        for signal in row.open:
            tally[signal.kind] += 1
    return dict(tally)


def athlete_signals(athlete: AthleteProfile) -> list[Signal]:
    return list(Signal.objects.filter(athlete=athlete).order_by("severity", "opened_at"))


def signal_for(athlete: AthleteProfile, signal_id: int) -> Signal:
    from django.http import Http404

    signal = (
        Signal.objects.select_related("athlete__user").filter(athlete=athlete, pk=signal_id).first()
    )
    if signal is None:
        raise Http404("No such signal")
    return signal


def marker_for(athlete: AthleteProfile, marker_id: int) -> AvailabilityMarker:
    from django.http import Http404

    marker = AvailabilityMarker.objects.filter(athlete=athlete, pk=marker_id).first()
    if marker is None:
        raise Http404("No such marker")
    return marker


def notes_of(athlete: AthleteProfile, limit: int = 20) -> list[AttentionNote]:
    return list(AttentionNote.objects.filter(athlete=athlete).select_related("author")[:limit])


def markers_of(athlete: AthleteProfile, limit: int = 20) -> list[AvailabilityMarker]:
    return list(AvailabilityMarker.objects.filter(athlete=athlete)[:limit])


def red_flags_of(athlete: AthleteProfile, limit: int = 10) -> list[RedFlag]:
    return list(RedFlag.objects.filter(athlete=athlete).select_related("cleared_by")[:limit])
