"""API: the attention queue, acknowledge and snooze, availability markers, clearing a red flag,
a message to several runners at once."""

import datetime as dt
from typing import Any, Literal

from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext
from ninja import Query, Router, Schema
from pydantic import Field

from tagalong.access import rules
from tagalong.access.policy import athlete_for, require_coach, visible_athletes
from tagalong.api.schemas import ERRORS, RowId, Said
from tagalong.attention import selectors, services
from tagalong.attention.athlete_views import coach_writer
from tagalong.attention.facts import Facts
from tagalong.attention.models import AvailabilityMarker, Signal
from tagalong.attention.outreach import MAX_RECIPIENTS, send_bulk_message
from tagalong.attention.queue_page import queue_page
from tagalong.attention.red_flags import clear_red_flag, open_red_flag
from tagalong.errors import DomainError
from tagalong.triage import SEVERITY

router = Router(tags=["attention"])

KindKey = Literal[
    "red_flag",
    "pain_rising",
    "calf_check_worse",
    "load_spike",
    "acwr",
    "missed_key_session",
    "compliance",
    "import_failed",
    "sync_broken",
    "no_data",
    "unanswered_messages",
    "worn_shoes",
    "cadence_drop",
    "retest_overdue",
    "plan_ending",
    "open_proposals",
]
assert set(KindKey.__args__) == set(SEVERITY)  # type: ignore[attr-defined]
OrderKey = Literal["severity", "waiting", "name", "-name", "joined", "-joined", "weekly", "-weekly"]
assert set(OrderKey.__args__) == set(selectors.SORTS)  # type: ignore[attr-defined]
SortKey = OrderKey | KindKey  # a signal's kind: that signal first, the worst first
PAGE_SIZE = 50


class QueueQuery(Schema):
    page: int = Field(1, ge=1, le=10_000)
    everyone: bool = False
    kind: KindKey | None = None
    q: str = Field("", max_length=100)
    group: int | None = Field(None, ge=1, le=2**62)
    coach: int | None = Field(None, ge=1, le=2**62)
    sort: SortKey = "severity"


class EvidenceOut(Schema):
    id: str
    statement: Said
    source: str
    strength: str
    expert_target: bool


class SignalOut(Schema):
    id: int
    kind: str
    label: Said
    words: Said
    url: str
    state: str
    opened_at: dt.datetime
    snoozed_until: dt.date | None
    snooze_reason: str
    evidence: EvidenceOut | None


class RowOut(Schema):
    athlete_id: int
    name: str
    severity: int | None
    open_since: dt.datetime | None
    reasons: list[SignalOut]
    handled: list[SignalOut]


class QueueOut(Schema):
    count: int
    page: int
    pages: int
    items: list[RowOut]


class AcknowledgeIn(Schema):
    note: str = Field(default="", max_length=2000)


class NoteOut(Schema):
    id: int
    text: str
    created_at: dt.datetime


class SnoozeIn(Schema):
    until: dt.date
    reason: str = Field(min_length=1, max_length=300)


class MarkerIn(Schema):
    kind: Literal["ill", "travel", "holiday"]
    start: dt.date
    end: dt.date
    note: str = Field(default="", max_length=300)


class MarkerOut(Schema):
    id: int
    kind: str
    start: dt.date
    end: dt.date
    note: str


class ClearIn(Schema):
    seen_on: dt.date
    note: str = Field(min_length=1, max_length=500)


class RedFlagOut(Schema):
    id: int
    red_flags: list[str]
    created_at: dt.datetime
    cleared_at: dt.datetime | None
    seen_on: dt.date | None
    clearance_note: str


def signal_out(signal: Signal) -> dict[str, Any]:
    """Plain data: ninja validates it once against SignalOut on the way out."""
    e = signal.evidence
    return {
        "id": signal.pk,
        "kind": signal.kind,
        "label": signal.label,
        "words": str(signal.said),
        "url": signal.url,
        "state": signal.state,
        "opened_at": signal.opened_at,
        "snoozed_until": signal.snoozed_until,
        "snooze_reason": signal.snooze_reason,
        "evidence": None
        if e is None
        else {
            "id": e.id,
            "statement": e.statement,
            "source": e.source,
            "strength": str(e.strength),
            "expert_target": e.expert_target,
        },
    }


@router.get("/attention", response={200: QueueOut, **ERRORS}, summary="Who needs attention")
@rules.coach
def get_attention(request: HttpRequest, filters: Query[QueueQuery]) -> dict[str, Any]:
    current = queue_page(
        request.user,
        today=timezone.localdate(),
        page=filters.page,
        size=PAGE_SIZE,
        everyone=filters.everyone,
        kind=filters.kind or "",
        q=filters.q,
        group=filters.group,
        coach=filters.coach,
        sort=filters.sort,
    )
    return {
        "count": current.total,
        "page": current.number,
        "pages": current.pages,
        "items": [
            {
                "athlete_id": row.athlete.pk,
                "name": row.athlete.name,
                "severity": row.severity if row.open else None,
                "open_since": row.opened_at,
                "reasons": [signal_out(s) for s in row.open],
                "handled": [signal_out(s) for s in row.handled],
            }
            for row in current.rows
        ],
    }


@router.get(
    "/athletes/{athlete_id}/attention",
    response={200: list[SignalOut], **ERRORS},
    summary="One athlete's signals",
)
@rules.athlete_scoped
def get_athlete_attention(request: HttpRequest, athlete_id: int) -> list[dict[str, Any]]:
    return [signal_out(s) for s in selectors.athlete_signals(athlete_for(request.user, athlete_id))]


@router.post(
    "/athletes/{athlete_id}/attention/{signal_id}/acknowledge",
    response={200: NoteOut, **ERRORS},
    summary="Acknowledge a signal",
)
@rules.athlete_scoped
def post_acknowledge(
    request: HttpRequest, athlete_id: int, signal_id: int, payload: AcknowledgeIn
) -> NoteOut:
    athlete, coach = coach_writer(request, athlete_id)
    note = services.acknowledge(
        signal=selectors.signal_for(athlete, signal_id), by=coach, note=payload.note
    )
    return NoteOut(id=note.pk, text=note.text, created_at=note.created_at)


@router.post(
    "/athletes/{athlete_id}/attention/{signal_id}/snooze",
    response={200: SignalOut, **ERRORS},
    summary="Snooze a signal",
)
@rules.athlete_scoped
def post_snooze(
    request: HttpRequest, athlete_id: int, signal_id: int, payload: SnoozeIn
) -> dict[str, Any]:
    athlete, coach = coach_writer(request, athlete_id)
    signal = selectors.signal_for(athlete, signal_id)
    today = Facts(athlete=athlete, now=timezone.now()).today
    return signal_out(
        services.snooze(
            signal=signal, by=coach, until=payload.until, reason=payload.reason, today=today
        )
    )


class BulkMessageIn(Schema):
    athlete_ids: list[RowId] = Field(min_length=1, max_length=MAX_RECIPIENTS)
    subject: str = Field(max_length=200)
    message: str = Field(max_length=5000)


class BulkMessageOut(Schema):
    sent: int


@router.post(
    "/attention/bulk-message",
    response={200: BulkMessageOut, **ERRORS},
    summary="Message several runners you coach at once (into each one's conversation)",
)
@rules.signed_in
def post_bulk_message(request: HttpRequest, payload: BulkMessageIn) -> BulkMessageOut:
    coach = require_coach(request.user)
    wanted = set(payload.athlete_ids)
    writable = visible_athletes(coach).filter(
        links__coach=coach, links__ended_at__isnull=True, pk__in=wanted
    )
    chosen = list(writable.select_related("user").distinct())
    missing = wanted - {a.pk for a in chosen}
    if missing:  # someone else's runner reads exactly as one that does not exist
        raise Http404(f"athlete_ids: no runner you coach has the id {min(missing)}.")
    sent = send_bulk_message(
        coach=coach, athletes=chosen, subject=payload.subject, message=payload.message
    )
    return BulkMessageOut(sent=sent)


def _marker_out(m: AvailabilityMarker) -> MarkerOut:
    return MarkerOut(id=m.pk, kind=m.kind, start=m.start, end=m.end, note=m.note)


@router.get(
    "/athletes/{athlete_id}/availability",
    response={200: list[MarkerOut], **ERRORS},
    summary="Away days",
)
@rules.athlete_scoped
def get_markers(request: HttpRequest, athlete_id: int) -> list[MarkerOut]:
    return [
        _marker_out(m)
        for m in selectors.markers_of(athlete_for(request.user, athlete_id), limit=200)
    ]


@router.post(
    "/athletes/{athlete_id}/availability",
    response={201: MarkerOut, **ERRORS},
    summary="Mark away days",
)
@rules.athlete_scoped
def post_marker(request: HttpRequest, athlete_id: int, payload: MarkerIn) -> tuple[int, MarkerOut]:
    athlete, coach = coach_writer(request, athlete_id)
    marker = services.add_marker(
        athlete=athlete,
        by=coach,
        kind=payload.kind,
        start=payload.start,
        end=payload.end,
        note=payload.note,
    )
    return 201, _marker_out(marker)


@router.delete(
    "/athletes/{athlete_id}/availability/{marker_id}",
    response={204: None, **ERRORS},
    summary="Remove away days",
)
@rules.athlete_scoped
def delete_marker(request: HttpRequest, athlete_id: int, marker_id: int) -> tuple[int, None]:
    athlete, coach = coach_writer(request, athlete_id)
    services.remove_marker(marker=selectors.marker_for(athlete, marker_id), by=coach)
    return 204, None


@router.post(
    "/athletes/{athlete_id}/red-flag/clear",
    response={200: RedFlagOut, **ERRORS},
    summary="Record that the runner was seen and cleared",
)
@rules.athlete_scoped
def post_clear(request: HttpRequest, athlete_id: int, payload: ClearIn) -> RedFlagOut:
    athlete, coach = coach_writer(request, athlete_id)
    flag = open_red_flag(athlete)
    if flag is None:
        raise DomainError(gettext("There is no open red flag."), field=None)
    today = Facts(athlete=athlete, now=timezone.now()).today
    flag = clear_red_flag(
        flag=flag, by=coach, seen_on=payload.seen_on, note=payload.note, today=today
    )
    return RedFlagOut(
        id=flag.pk,
        red_flags=list(flag.red_flags),
        created_at=flag.created_at,
        cleared_at=flag.cleared_at,
        seen_on=flag.seen_on,
        clearance_note=flag.clearance_note,
    )
