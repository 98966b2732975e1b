"""The built-in providers: each reads the stored data of one app and asks tagalong.triage."""

from __future__ import annotations

import datetime as dt

from django.conf import settings

from tagalong import triage
from tagalong.attention.facts import Facts
from tagalong.attention.registry import register
from tagalong.calfcheck import red_flag_labels
from tagalong.triage import Finding
from tagalong.wording import Phrase

PAIN_DAYS = 28
KEY_RUN_TYPES = frozenset({"long", "tempo", "intervals", "race"})
IMPORT_DAYS = 14
# Where a red flag was reported (``RedFlag.source``), as the reason names it.
RED_FLAG_SOURCES = {
    "intake": Phrase("the intake"),
    "symptoms": Phrase("the symptom log"),
    "self_check": Phrase("the calf check"),
}


def red_flag(facts: Facts) -> Finding | None:
    from tagalong.attention.red_flags import open_red_flag

    flag = open_red_flag(facts.athlete)
    if flag is None:
        return None
    labels = red_flag_labels(flag.red_flags) or Phrase("a red flag")
    return Finding(
        kind="red_flag",
        words=Phrase(
            "Red flag from {source} on {day:%-d %b}: {flags}. The plan is paused until you "
            "record that the runner was seen and cleared.",
            source=RED_FLAG_SOURCES.get(flag.source, flag.source),
            day=flag.created_at,
            flags=labels,
        ),
        evidence_id="circulation.red_flags.urgent_care",
        level=float(len(flag.red_flags) or 1),
        anchor="red-flag",
    )


def pain(facts: Facts) -> Finding | None:
    from tagalong.symptoms.models import SIDES, SymptomLog

    since = facts.today - dt.timedelta(days=PAIN_DAYS)
    logs = list(
        SymptomLog.objects.filter(athlete=facts.athlete, day__gte=since).order_by(
            "day", "created_at"
        )
    )

    def worst(log: SymptomLog, times: tuple[str, ...]) -> int | None:
        noted = [
            v for t in times for s in SIDES if (v := getattr(log, f"calf_pain_{s}_{t}")) is not None
        ]
        return max(noted) if noted else None

    return triage.pain_rising(
        [
            triage.CheckIn(log.day, worst(log, ("during", "after")), worst(log, ("next_morning",)))
            for log in logs
        ]
    )


def calf_check(facts: Facts) -> Finding | None:
    from tagalong.assessments.models import CalfCheckRun

    runs = list(
        CalfCheckRun.objects.filter(athlete=facts.athlete, red_flag=False).values_list(
            "result", flat=True
        )[:2]
    )
    if len(runs) < 2:
        return None

    def verdicts(result: dict[str, object]) -> dict[str, str]:
        findings = result.get("findings") if isinstance(result, dict) else None
        return {str(f["cause"]): str(f["verdict"]) for f in findings or [] if isinstance(f, dict)}

    return triage.calf_check_worse(verdicts(runs[1]), verdicts(runs[0]))


def load(facts: Facts) -> Finding | None:
    return triage.load_spike(
        [(day, km) for day, km, _, _ in facts.runs if km > 0], today=facts.today
    )


def acwr(facts: Facts) -> Finding | None:
    from tagalong.activities.models import DailyLoad

    latest = (
        DailyLoad.objects.filter(athlete=facts.athlete, day__lte=facts.today)
        .order_by("-day")
        .first()
    )
    first = facts.first_activity_day
    if latest is None or first is None:
        return None
    return triage.acwr_out_of_band(latest.acwr, history_days=(facts.today - first).days)


def _planned(facts: Facts) -> list[triage.PlannedSession]:
    from tagalong.plans.models import PlanSession, PlanStatus

    since = facts.today - dt.timedelta(days=28)
    sessions = PlanSession.objects.filter(
        plan__athlete=facts.athlete,
        plan__status=PlanStatus.ACTIVE,
        kind="run",
        duration_min__gt=0,
        date__gte=since,
        date__lt=facts.today,
    )
    done = facts.seconds_by_day
    return [
        triage.PlannedSession(
            s.date,
            s.duration_min * 60,
            done.get(s.date),
            s.run_type in KEY_RUN_TYPES,
            s.label.lower(),
        )
        for s in sessions
    ]


def compliance(facts: Facts) -> Finding | None:
    return triage.compliance_falling(
        _planned(facts), today=facts.today, unavailable=facts.unavailable
    )


def missed(facts: Facts) -> Finding | None:
    return triage.missed_key_sessions(
        _planned(facts), today=facts.today, unavailable=facts.unavailable
    )


def no_data(facts: Facts) -> Finding | None:
    return triage.no_data(facts.last_data_day, today=facts.today, days=facts.no_data_days)


def shoes(facts: Facts) -> Finding | None:
    from tagalong.shoes.selectors import shoes_of

    in_use = [s for s in shoes_of(facts.athlete) if s.retired_at is None]
    return triage.worn_shoes([(s.name, s.mileage_km, float(s.remind_km)) for s in in_use])  # type: ignore[attr-defined]


def cadence(facts: Facts) -> Finding | None:
    split = facts.today - dt.timedelta(days=14)
    recent, earlier = [], []
    for day, _, _, metrics in facts.runs:
        value = metrics.get("easy_cadence_spm")
        if isinstance(value, int | float) and value > 0:
            (recent if day > split else earlier).append(float(value))
    return triage.cadence_dropping(recent, earlier)


def retest(facts: Facts) -> Finding | None:
    from tagalong.assessments.models import TestSession

    last = TestSession.objects.filter(athlete=facts.athlete).values_list("date", flat=True).first()
    weeks = int(getattr(settings, "TAGALONG_RETEST_WEEKS", 4))
    return triage.retest_overdue(last, today=facts.today, weeks=weeks)


def plan_end(facts: Facts) -> Finding | None:
    from tagalong.plans.selectors.lookups import active_plan

    plan = active_plan(facts.athlete)
    return triage.plan_ending(plan.end if plan else None, today=facts.today)


def proposals(facts: Facts) -> Finding | None:
    from tagalong.plans.models import Proposal, ProposalStatus

    count = Proposal.objects.filter(
        plan__athlete=facts.athlete, status=ProposalStatus.PROPOSED
    ).count()
    return triage.open_proposals(count)


def imports(facts: Facts) -> Finding | None:
    from tagalong.activities.models import ImportBatch

    since = facts.now - dt.timedelta(days=IMPORT_DAYS)
    batches = ImportBatch.objects.filter(athlete=facts.athlete, created_at__gte=since).order_by(
        "-created_at"
    )
    failures: list[tuple[dt.date, str]] = []
    for batch in batches.only("status", "error", "created_at")[:20]:
        if batch.status != "failed":
            break  # a later import worked
        reason = (
            batch.error.strip().splitlines()[0]
            if batch.error.strip()
            else Phrase("see the import page.")
        )
        failures.append((batch.created_at.astimezone(facts.zone).date(), reason[:200]))
    return triage.import_failed(failures)


BUILT_IN = {
    "red_flag": red_flag,
    "pain_rising": pain,
    "calf_check_worse": calf_check,
    "load_spike": load,
    "acwr": acwr,
    "compliance": compliance,
    "missed_key_session": missed,
    "no_data": no_data,
    "worn_shoes": shoes,
    "cadence_drop": cadence,
    "retest_overdue": retest,
    "plan_ending": plan_end,
    "open_proposals": proposals,
    "import_failed": imports,
}


def register_built_in() -> None:
    for kind, provider in BUILT_IN.items():
        register(kind, provider)
