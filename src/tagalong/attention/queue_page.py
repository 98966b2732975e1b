"""One page of the queue, sorted and counted in the database: the cost follows the page size,
not the number of athletes (the page and ``GET /api/attention`` use it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, QuerySet, Subquery

from tagalong.access.policy import AnyUser
from tagalong.athletes.models import AthleteProfile
from tagalong.attention.models import Signal
from tagalong.attention.selectors import SIGNAL_SORTS, Row, athletes_for, open_q

ORDER = {
    "severity": (F("first_severity").asc(nulls_last=True), F("first_open").asc(nulls_last=True)),
    "waiting": (F("first_open").asc(nulls_last=True), F("first_severity").asc(nulls_last=True)),
    "name": (F("user__full_name").asc(),),
    "-name": (F("user__full_name").desc(),),
    "joined": (F("user__date_joined").asc(),),
    "-joined": (F("user__date_joined").desc(),),
    "weekly": (F("weekly_distance_km").asc(nulls_first=True),),
    "-weekly": (F("weekly_distance_km").desc(nulls_last=True),),
}


@dataclass
class QueuePage:
    rows: list[Row]
    total: int
    number: int
    pages: int
    counts: dict[str, int]

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def _first(today: dt.date, field: str) -> Subquery:
    return Subquery(
        Signal.objects.filter(open_q(today), athlete=OuterRef("pk"))
        .order_by("severity", "opened_at")
        .values(field)[:1]
    )


def _of_kind(today: dt.date, kind: str, field: str) -> Subquery:
    return Subquery(
        Signal.objects.filter(open_q(today), athlete=OuterRef("pk"), kind=kind)
        .order_by("-level", "opened_at")
        .values(field)[:1]
    )


def _sorted(
    athletes: QuerySet[AthleteProfile], today: dt.date, sort: str
) -> QuerySet[AthleteProfile]:
    annotated = athletes.annotate(
        first_severity=_first(today, "severity"), first_open=_first(today, "opened_at")
    )
    if sort in SIGNAL_SORTS:  # that signal first, worst first, then longest open
        annotated = annotated.annotate(
            kind_level=_of_kind(today, sort, "level"), kind_open=_of_kind(today, sort, "opened_at")
        )
        order = (
            F("kind_level").desc(nulls_last=True),
            F("kind_open").asc(nulls_last=True),
            *ORDER["severity"],
        )
        return annotated.order_by(*order, "user__full_name", "pk")
    return annotated.order_by(*ORDER.get(sort, ORDER["severity"]), "user__full_name", "pk")


def queue_page(
    user: AnyUser,
    *,
    today: dt.date,
    page: int = 1,
    size: int = 30,
    everyone: bool = False,
    kind: str = "",
    q: str = "",
    group: int | None = None,
    coach: int | None = None,
    sort: str = "severity",
) -> QueuePage:
    """Four queries: the count, the page of athletes, their signals, the counts by reason."""
    athletes = athletes_for(
        user, today=today, everyone=everyone, kind=kind, q=q, group=group, coach=coach
    )
    ids = athletes.values("pk")
    tally = dict(
        Signal.objects.filter(open_q(today), athlete_id__in=ids)
        .values_list("kind")
        .annotate(n=Count("athlete_id", distinct=True))
        .values_list("kind", "n")
    )
    total = athletes.count()
    pages = max(1, -(-total // size))
    number = min(max(1, page), pages)
    chosen = list(_sorted(athletes, today, sort)[(number - 1) * size : number * size])
    by_athlete = {a.pk: Row(a, today) for a in chosen}
    for signal in Signal.objects.filter(athlete_id__in=list(by_athlete)).order_by(
        "severity", "opened_at", "pk"
    ):
        row = by_athlete[signal.athlete_id]
        (row.open if signal.is_open_on(today) else row.handled).append(signal)
    return QueuePage(list(by_athlete.values()), total, number, pages, tally)
