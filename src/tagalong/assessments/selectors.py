"""Reads: the current intake, test history with scores, and the calf-check case from the DB."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext

from tagalong.assessment import BilateralTest, RetestComparison, TestScore, compare_retest
from tagalong.assessment.soleus import BANDS as SOLEUS_BANDS
from tagalong.assessment.words import reference_label
from tagalong.assessments import case_sources
from tagalong.assessments.models import CalfCheckRun, Intake, TestResult, TestSession
from tagalong.assessments.scoring import CASE_KEYS, TESTS, score_raw
from tagalong.athletes.models import AthleteProfile
from tagalong.attention.models import RedFlag
from tagalong.attention.red_flags import open_red_flag
from tagalong.evidence import REGISTRY


def current_intake(athlete: AthleteProfile) -> Intake | None:
    return Intake.objects.filter(athlete=athlete).first()


def red_flag_intake(athlete: AthleteProfile) -> Intake | RedFlag | None:
    """The open red flag (until a coach clears it, whatever later intakes say), else a flagged
    current intake. Both have ``red_flags`` and ``created_at``."""
    flag = open_red_flag(athlete)
    if flag is not None:
        return flag
    intake = current_intake(athlete)
    return intake if intake is not None and intake.red_flags else None


def latest_run(athlete: AthleteProfile) -> CalfCheckRun | None:
    return CalfCheckRun.objects.filter(athlete=athlete).first()


@dataclass(frozen=True)
class ScoredResult:
    row: TestResult
    label: str
    score: TestScore
    comparison: RetestComparison | None

    @property
    def references(self) -> list[dict[str, Any]]:
        """What the result was judged against, each with its "norm"/"expert target" label and
        the source behind it."""
        return [
            {
                "label": reference_label(ref.label),
                "description": ref.description,
                "value": ref.value,
                "source": REGISTRY[ref.evidence_id].source
                if ref.evidence_id in REGISTRY
                else ref.evidence_id,
            }
            for ref in self.score.references
        ]


def scored_session(athlete: AthleteProfile, session: TestSession) -> list[ScoredResult]:
    previous_rows = {
        r.test: r
        for r in TestResult.objects.filter(session__athlete=athlete, session__date__lt=session.date)
        .select_related("session")
        .order_by("session__date", "pk")
    }
    scored = []
    for row in session.results.all():
        score = score_raw(
            athlete,
            row.test,
            row.left,
            row.right,
            session.protocol_version,
            body_mass_kg=row.body_mass_kg,
        )
        comparison = None
        before = previous_rows.get(row.test)
        if before is not None and row.test != "single_leg_squat":
            comparison = compare_retest(
                BilateralTest(row.test, before.left, before.right, before.session.protocol_version),  # type: ignore[arg-type]
                BilateralTest(row.test, row.left, row.right, session.protocol_version),  # type: ignore[arg-type]
            )
        scored.append(ScoredResult(row, TESTS.get(row.test, row.test), score, comparison))
    return scored


def soleus_target() -> dict[str, str]:
    """The seated-soleus bands as shown beside the × body weight history, with their source."""
    entry = REGISTRY[SOLEUS_BANDS]
    return {"label": entry.label, "statement": entry.statement, "source": entry.source}


def history_series(athlete: AthleteProfile) -> dict[str, dict[str, list[Any]]]:
    """Per test: dates (epoch seconds) and left/right values, oldest first, for the charts."""
    series: dict[str, dict[str, list[Any]]] = {}
    rows = TestResult.objects.filter(session__athlete=athlete).select_related("session")
    for row in rows.order_by("session__date", "pk"):
        s = series.setdefault(
            # str(): the chart's JSON is written now, in the reader's language.
            row.test,
            {"label": [str(TESTS.get(row.test, row.test))], "x": [], "left": [], "right": []},
        )
        day = row.session.date
        left, right = row.body_weights or (row.left, row.right)
        s["x"].append(int((day - date(1970, 1, 1)).total_seconds()))
        s["left"].append(left)
        s["right"].append(right)
    return series


def _latest_tests(athlete: AthleteProfile) -> dict[str, dict[str, float]]:
    tests: dict[str, dict[str, float]] = {}
    rows = TestResult.objects.filter(session__athlete=athlete, test__in=CASE_KEYS)
    for row in rows.order_by("session__date", "pk"):
        tests[CASE_KEYS[row.test]] = {"left": row.left, "right": row.right}
    return tests


def athlete_today(athlete: AthleteProfile) -> date:
    """Today in the athlete's time zone: the day the calf check is judged on."""
    return timezone.localtime(timezone=ZoneInfo(athlete.time_zone)).date()


def _athlete_section(athlete: AthleteProfile, today: date) -> dict[str, Any]:
    person: dict[str, Any] = {}
    age = athlete.age_on(today)
    if age is not None and 12 <= age <= 100:
        person["age"] = age
    if athlete.sex:
        person["sex"] = athlete.sex
    if athlete.body_mass_kg is not None:
        person["body_mass_kg"] = float(athlete.body_mass_kg)
    return person


def build_case(athlete: AthleteProfile, *, today: date) -> dict[str, Any]:
    """All the athlete's data in CASE.json shape (docs/calf-check.md); absent data is left out,
    so the engine names what is missing. The symptom log of the last 14 days wins over the
    intake's answers; imported runs give the load and the technique."""
    intake = current_intake(athlete)
    runs = case_sources.recent_runs(athlete, today=today)
    zone = athlete.time_zone
    sections: dict[str, Any] = {
        "athlete": _athlete_section(athlete, today),
        "tests": _latest_tests(athlete),
        "symptoms": case_sources.symptoms_section(athlete, today=today)
        or case_sources.symptoms_from_intake(intake),
        "load": case_sources.load_section(runs, intake, zone=zone),
        "technique": case_sources.technique_section(runs, today=today, zone=zone),
        "shoes": case_sources.shoes_section(athlete),
        "red_flags": list(intake.red_flags) if intake is not None else [],
    }
    return {key: value for key, value in sections.items() if value}


def missing_inputs(athlete: AthleteProfile) -> list[str]:
    """What the athlete has not given yet, in plain words."""
    gaps = []
    if current_intake(athlete) is None:
        gaps.append(gettext("the intake questionnaire"))
    if not TestSession.objects.filter(athlete=athlete).exists():
        gaps.append(gettext("the home tests"))
    return gaps


def citations_for(ids: list[str]) -> list[dict[str, Any]]:
    out = []
    for evidence_id in dict.fromkeys(ids):
        entry = REGISTRY.get(evidence_id)
        if entry is None:
            continue
        out.append(
            {
                "id": evidence_id,
                "statement": entry.statement,
                "source": entry.source,
                "strength": entry.strength.words,
                "label": entry.label,
                "recalled": getattr(entry.strength, "value", "") == "recalled",
            }
        )
    return out
