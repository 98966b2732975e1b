"""Writes: refresh the stored signals, acknowledge, snooze, availability markers, settings."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile
from tagalong.attention.facts import Facts
from tagalong.attention.models import (
    AttentionNote,
    AttentionSetting,
    AvailabilityMarker,
    MarkerKind,
    Signal,
    SignalState,
)
from tagalong.attention.registry import providers
from tagalong.audit.services import record
from tagalong.errors import DomainError
from tagalong.triage import Finding
from tagalong.wording import phrase_json

SNOOZE_MAX_DAYS = 90
MARKER_MAX_DAYS = 60
ANCHORS = {
    "symptoms": "symptoms/",
    "calf-check": "calf-check/",
    "red-flag": "attention/",
    "load": "trends/",
    "plan": "plans/",
    "proposals": "plans/",
    "activities": "activities/",
    "shoes": "shoes/",
    "cadence": "trends/",
    "tests": "tests/",
    "messages": "",
}


def _url(athlete: AthleteProfile, finding: Finding) -> str:
    return f"/athletes/{athlete.pk}/{ANCHORS.get(finding.anchor, '')}"


def refresh_signals(*, athlete: AthleteProfile, now: dt.datetime) -> list[Signal]:
    """Run every registered provider and store what they found; returns the open signals.

    A snoozed signal reopens when its snooze ends or its level rises above the level it was
    snoozed at; an acknowledged one when its level rises. Signals no longer found are removed.
    """
    facts = Facts(athlete=athlete, now=now)
    found: dict[str, Finding] = {}
    for kind, provider in providers().items():
        finding = provider(facts)
        if finding is not None:
            found[kind] = finding
    with transaction.atomic():
        existing = {s.kind: s for s in Signal.objects.select_for_update().filter(athlete=athlete)}
        Signal.objects.filter(athlete=athlete).exclude(kind__in=list(found)).delete()
        for kind, finding in found.items():
            signal = existing.get(kind)
            if signal is None:
                Signal.objects.create(
                    athlete=athlete,
                    kind=kind,
                    severity=finding.severity,
                    words=finding.words[:400],
                    words_phrase=phrase_json(finding.words),
                    evidence_id=finding.evidence_id,
                    url=_url(athlete, finding),
                    level=finding.level,
                    opened_at=now,
                    updated_at=now,
                )
                continue
            _update(signal, finding, facts.today, now)
    return list(Signal.objects.filter(athlete=athlete, state=SignalState.OPEN))


def _update(signal: Signal, finding: Finding, today: dt.date, now: dt.datetime) -> None:
    worse = signal.handled_level is not None and finding.level > signal.handled_level
    snooze_over = signal.state == SignalState.SNOOZED and (
        signal.snoozed_until is None or signal.snoozed_until < today
    )
    reopen = signal.state != SignalState.OPEN and (worse or snooze_over)
    signal.words = finding.words[:400]
    signal.words_phrase = phrase_json(finding.words)
    signal.evidence_id = finding.evidence_id
    signal.url = _url(signal.athlete, finding)
    signal.severity = finding.severity
    signal.level = finding.level
    signal.updated_at = now
    if reopen:
        record(
            actor=None,
            action="attention.reopened",
            target=signal,
            athlete_id=signal.athlete_id,
            kind=signal.kind,
            why="worse" if worse else "snooze ended",
        )
        signal.state = SignalState.OPEN
        signal.snoozed_until = None
        signal.handled_level = None
    signal.save()


def acknowledge(*, signal: Signal, by: User, note: str) -> AttentionNote:
    """Mark a signal seen; the note goes on the athlete's record."""
    note = note.strip()
    if len(note) > 2000:
        raise DomainError(gettext("Keep the note under 2000 characters."), field="note")
    # written by the coach who saw it, so in their language
    text = note or gettext("Seen: %(reason)s") % {"reason": signal.said}
    with transaction.atomic():
        _handle(signal, by, SignalState.ACKNOWLEDGED)
        signal.save()
        written = AttentionNote.objects.create(
            athlete_id=signal.athlete_id, author=by, kind=signal.kind, text=text
        )
        record(
            actor=by,
            action="attention.acknowledged",
            target=signal,
            athlete_id=signal.athlete_id,
            kind=signal.kind,
            note=text[:200],
        )
    return written


def snooze(
    *, signal: Signal, by: User, until: dt.date | None, reason: str, today: dt.date
) -> Signal:
    reason = reason.strip()
    if not reason:
        raise DomainError(
            gettext("Say why you snooze this (for example: “talked on the phone”)."), field="reason"
        )
    if len(reason) > 300:
        raise DomainError(gettext("Keep the reason under 300 characters."), field="reason")
    if until is None:
        raise DomainError(gettext("Choose the day the snooze ends."), field="until")
    if until <= today:
        raise DomainError(
            gettext("The snooze must end after today (%(today)s); %(until)s is not.")
            % {"today": date_format(today, "j M Y"), "until": date_format(until, "j M Y")},
            field="until",
        )
    if until > today + dt.timedelta(days=SNOOZE_MAX_DAYS):
        raise DomainError(
            gettext("Snooze for %(snooze_max_days)s days at most.")
            % {"snooze_max_days": SNOOZE_MAX_DAYS},
            field="until",
        )
    if signal.kind == "red_flag":
        raise DomainError(
            gettext("A red flag cannot be snoozed: record that the runner was seen and cleared."),
            field=None,
        )
    with transaction.atomic():
        _handle(signal, by, SignalState.SNOOZED)
        signal.snoozed_until = until
        signal.snooze_reason = reason
        signal.save()
        record(
            actor=by,
            action="attention.snoozed",
            target=signal,
            athlete_id=signal.athlete_id,
            kind=signal.kind,
            until=str(until),
            reason=reason,
        )
    return signal


def _handle(signal: Signal, by: User, state: str) -> None:
    if signal.kind == "red_flag" and state == SignalState.ACKNOWLEDGED:
        raise DomainError(
            gettext(
                "A red flag stays first until you record that the runner was seen and cleared."
            ),
            field=None,
        )
    signal.state = state
    signal.handled_level = signal.level
    signal.handled_by = by
    signal.handled_at = timezone.now()


def add_marker(
    *, athlete: AthleteProfile, by: User, kind: str, start: dt.date, end: dt.date, note: str = ""
) -> AvailabilityMarker:
    from tagalong.attention.tasks import queue_refresh

    if kind not in MarkerKind.values:
        raise DomainError(
            gettext("Unknown marker %(kind)r; one of %(items)s.")
            % {"kind": kind, "items": ", ".join(MarkerKind.values)},
            field="kind",
        )
    if end < start:
        raise DomainError(gettext("The last day comes before the first."), field="end")
    if (end - start).days + 1 > MARKER_MAX_DAYS:
        raise DomainError(
            gettext("Mark %(marker_max_days)s days at most at a time.")
            % {"marker_max_days": MARKER_MAX_DAYS},
            field="end",
        )
    with transaction.atomic():
        marker = AvailabilityMarker.objects.create(
            athlete=athlete, kind=kind, start=start, end=end, note=note.strip()[:300], created_by=by
        )
        record(
            actor=by,
            action="attention.marker_added",
            target=marker,
            athlete_id=athlete.pk,
            kind=kind,
            start=str(start),
            end=str(end),
        )
        queue_refresh(athlete.pk)
    return marker


def remove_marker(*, marker: AvailabilityMarker, by: User) -> None:
    from tagalong.attention.tasks import queue_refresh

    with transaction.atomic():
        record(
            actor=by,
            action="attention.marker_removed",
            target=marker,
            athlete_id=marker.athlete_id,
            kind=marker.kind,
        )
        marker.delete()
        queue_refresh(marker.athlete_id)


def set_no_data_days(*, athlete: AthleteProfile, by: User, days: int) -> AttentionSetting:
    from tagalong.attention.tasks import queue_refresh

    if not 2 <= days <= 60:
        raise DomainError(gettext("No-data days must be between 2 and 60."), field="no_data_days")
    with transaction.atomic():
        setting, _ = AttentionSetting.objects.update_or_create(
            athlete=athlete, defaults={"no_data_days": days}
        )
        record(
            actor=by,
            action="attention.setting",
            target=setting,
            athlete_id=athlete.pk,
            no_data_days=days,
        )
        queue_refresh(athlete.pk)
    return setting
