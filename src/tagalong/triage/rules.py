"""The other reasons: load jumps (the calf check's own rules), ACWR, data gaps, shoes, cadence,
retests, calf-check changes, proposals, failed imports and waiting messages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from statistics import median

from tagalong.calfcheck.capacity import spike_signal, weekly_signal
from tagalong.calfcheck.model import CalfCase, Load, Run
from tagalong.calfcheck.words import cause_title, verdict_word
from tagalong.triage.model import Finding, one_after_another
from tagalong.wording import Phrase, phrase_n

ACWR_LOW = 0.8  # attention.acwr_band (Gabbett 2016 sweet spot 0.8-1.3)
ACWR_HIGH = 1.3
ACWR_MIN_HISTORY_DAYS = 28  # attention.acwr_band: no chronic load before four weeks
CADENCE_DROP_PCT = 3.0  # attention.cadence_drop
CADENCE_MIN_RUNS = 3  # each side of the comparison
VERDICT_RANK = {"unknown": 0, "unlikely": 0, "possible": 1, "likely": 2}
MESSAGE_WAIT = timedelta(hours=48)  # attention.unanswered_messages


def load_spike(runs: Sequence[tuple[date, float]], *, today: date) -> Finding | None:
    """A single-run spike or a weekly jump, judged exactly as the calf check judges them."""
    case = CalfCase(load=Load(runs=tuple(Run(day, km) for day, km in sorted(runs))))
    parts: list[Phrase] = []
    level = 0.0
    evidence = ""
    for signal, what in ((spike_signal(case, today), "run"), (weekly_signal(case, today), "week")):
        if signal.points <= 0 or not signal.evidence:
            continue
        item = signal.evidence[0]
        evidence = evidence or signal.citations[0]
        level += signal.points
        if what == "run" and item.date:
            parts.append(
                Phrase(
                    "a run on {day:%-d %b} {pct} % longer than the longest of the 30 days before "
                    "({km})",
                    day=item.date,
                    pct=item.value,
                    km=item.note,
                )
            )
        elif what == "run":
            parts.append(
                Phrase(
                    "a run {pct} % longer than the longest of the 30 days before ({km})",
                    pct=item.value,
                    km=item.note,
                )
            )
        else:
            parts.append(
                Phrase(
                    "this week {pct} % above the two weeks before ({km})",
                    pct=item.value,
                    km=item.note,
                )
            )
    if not parts:
        return None
    return Finding(
        kind="load_spike",
        words=Phrase("Load jump: {reasons}.", reasons=one_after_another(parts)),
        evidence_id=evidence,
        level=level,
        anchor="load",
    )


def acwr_out_of_band(acwr: float | None, *, history_days: int) -> Finding | None:
    if acwr is None or history_days < ACWR_MIN_HISTORY_DAYS:
        return None
    if ACWR_LOW <= acwr <= ACWR_HIGH:
        return None
    if acwr > ACWR_HIGH:
        words = Phrase(
            "Acute:chronic load {acwr:.2f}, above the 0.8–1.3 band (information only).", acwr=acwr
        )
    else:
        words = Phrase(
            "Acute:chronic load {acwr:.2f}, below the 0.8–1.3 band (information only).", acwr=acwr
        )
    return Finding(
        kind="acwr",
        words=words,
        evidence_id="attention.acwr_band",
        level=round(abs(acwr - 1.05), 2),
        anchor="load",
    )


def no_data(last_day: date | None, *, today: date, days: int) -> Finding | None:
    gap = None if last_day is None else (today - last_day).days
    if gap is not None and gap < days:
        return None
    words = (
        Phrase("Nothing recorded yet (no run, check-in or test).")
        if gap is None
        else Phrase(
            "Nothing recorded for {days} days (since {day:%-d %b}).", days=gap, day=last_day
        )
    )
    return Finding(
        kind="no_data",
        words=words,
        evidence_id="attention.no_data",
        level=float(gap if gap is not None else days),
        anchor="activities",
    )


def worn_shoes(shoes: Sequence[tuple[str, float, float]]) -> Finding | None:
    """``shoes``: (name, km, reminder km) of pairs in use."""
    worn = [(name, km, limit) for name, km, limit in shoes if km >= limit]
    if not worn:
        return None
    names = tuple(
        Phrase("{name} ({km:.0f} km, reminder at {limit:.0f})", name=name, km=km, limit=limit)
        for name, km, limit in worn
    )
    return Finding(
        kind="worn_shoes",
        words=Phrase("Shoes past the reminder: {shoes}.", shoes=names),
        evidence_id="shoes.replace_km.expert_target",
        level=max(km - limit for _, km, limit in worn),
        anchor="shoes",
    )


def cadence_dropping(recent: Sequence[float], earlier: Sequence[float]) -> Finding | None:
    """Easy-pace cadence (steps/min) of the last 2 weeks' runs vs the 6 weeks before."""
    if len(recent) < CADENCE_MIN_RUNS or len(earlier) < CADENCE_MIN_RUNS:
        return None
    now, before = median(recent), median(earlier)
    drop = (before - now) / before * 100
    if drop < CADENCE_DROP_PCT:
        return None
    return Finding(
        kind="cadence_drop",
        words=Phrase(
            "Easy-pace cadence {now:.0f} steps/min, down {drop:.0f} % from {before:.0f}.",
            now=now,
            drop=drop,
            before=before,
        ),
        evidence_id="attention.cadence_drop",
        level=round(drop, 1),
        anchor="cadence",
    )


def retest_overdue(last_test: date | None, *, today: date, weeks: int) -> Finding | None:
    if last_test is None:
        return None
    due = last_test + timedelta(weeks=weeks)
    if today <= due:
        return None
    return Finding(
        kind="retest_overdue",
        words=Phrase(
            "Home tests due since {due:%-d %b} (last on {last:%-d %b}).", due=due, last=last_test
        ),
        evidence_id="attention.retest_overdue",
        level=float((today - due).days),
        anchor="tests",
    )


def calf_check_worse(
    previous: dict[str, str], latest: dict[str, str], labels: dict[str, str] | None = None
) -> Finding | None:
    """Verdicts by cause; worse when any cause moved up (unlikely → possible → likely).

    ``labels`` names causes; by default the calf check's own titles."""
    worse = [
        cause
        for cause, verdict in latest.items()
        if VERDICT_RANK.get(verdict, 0) > VERDICT_RANK.get(previous.get(cause, "unknown"), 0)
    ]
    if not worse:
        return None
    names = tuple(
        Phrase(
            "{cause} now {verdict}",
            cause=labels.get(c, c) if labels is not None else cause_title(c),
            verdict=verdict_word(latest[c]),
        )
        for c in worse
    )
    return Finding(
        kind="calf_check_worse",
        words=Phrase("The new calf check is worse than the last: {causes}.", causes=names),
        evidence_id="attention.calf_check_worse",
        level=float(sum(VERDICT_RANK.get(v, 0) for v in latest.values())),
        anchor="calf-check",
    )


def open_proposals(count: int) -> Finding | None:
    if count <= 0:
        return None
    return Finding(
        kind="open_proposals",
        words=phrase_n(
            "{count} plan change waiting for your review.",
            "{count} plan changes waiting for your review.",
            count,
        ),
        evidence_id="attention.open_proposals",
        level=float(count),
        anchor="proposals",
    )


def import_failed(failures: Sequence[tuple[date, str]]) -> Finding | None:
    """(day, reason) of failed imports since the last one that worked."""
    if not failures:
        return None
    day, reason = max(failures)
    return Finding(
        kind="import_failed",
        words=Phrase("An import failed on {day:%-d %b}: {reason}", day=day, reason=reason),
        evidence_id="attention.import_failed",
        level=float(len(failures)),
        anchor="activities",
    )


def unanswered_messages(waiting_since: Sequence[datetime], *, now: datetime) -> Finding | None:
    old = [moment for moment in waiting_since if now - moment >= MESSAGE_WAIT]
    if not old:
        return None
    hours = int((now - min(old)).total_seconds() // 3600)
    return Finding(
        kind="unanswered_messages",
        words=phrase_n(
            "{count} message unanswered, the oldest for {hours} h.",
            "{count} messages unanswered, the oldest for {hours} h.",
            len(old),
            hours=hours,
        ),
        evidence_id="attention.unanswered_messages",
        level=float(len(old)),
        anchor="messages",
    )
