"""Reads: the current intake, test history with scores, and the calf-check case from the DB."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from tagalong.assessment import BilateralTest, RetestComparison, TestScore, compare_retest
from tagalong.assessments.models import CalfCheckRun, Intake, TestResult, TestSession
from tagalong.assessments.scoring import CASE_KEYS, TESTS, score_raw
from tagalong.athletes.models import AthleteProfile
from tagalong.evidence import REGISTRY


def current_intake(athlete: AthleteProfile) -> Intake | None:
    return Intake.objects.filter(athlete=athlete).first()


def red_flag_intake(athlete: AthleteProfile) -> Intake | None:
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


def scored_session(athlete: AthleteProfile, session: TestSession) -> list[ScoredResult]:
    previous_rows = {
        r.test: r
        for r in TestResult.objects.filter(session__athlete=athlete, session__date__lt=session.date)
        .select_related("session")
        .order_by("session__date", "pk")
    }
    scored = []
    for row in session.results.all():
        score = score_raw(athlete, row.test, row.left, row.right, session.protocol_version)
        comparison = None
        before = previous_rows.get(row.test)
        if before is not None and row.test != "single_leg_squat":
            comparison = compare_retest(
                BilateralTest(row.test, before.left, before.right, before.session.protocol_version),  # type: ignore[arg-type]
                BilateralTest(row.test, row.left, row.right, session.protocol_version),  # type: ignore[arg-type]
            )
        scored.append(ScoredResult(row, TESTS.get(row.test, row.test), score, comparison))
    return scored


def history_series(athlete: AthleteProfile) -> dict[str, dict[str, list[Any]]]:
    """Per test: dates (epoch seconds) and left/right values, oldest first, for the charts."""
    series: dict[str, dict[str, list[Any]]] = {}
    rows = TestResult.objects.filter(session__athlete=athlete).select_related("session")
    for row in rows.order_by("session__date", "pk"):
        s = series.setdefault(
            row.test, {"label": [TESTS.get(row.test, row.test)], "x": [], "left": [], "right": []}
        )
        day = row.session.date
        s["x"].append(int((day - date(1970, 1, 1)).total_seconds()))
        s["left"].append(row.left)
        s["right"].append(row.right)
    return series


def _latest_tests(athlete: AthleteProfile) -> dict[str, dict[str, float]]:
    tests: dict[str, dict[str, float]] = {}
    rows = TestResult.objects.filter(session__athlete=athlete, test__in=CASE_KEYS)
    for row in rows.order_by("session__date", "pk"):
        tests[CASE_KEYS[row.test]] = {"left": row.left, "right": row.right}
    return tests


def _activity_runs(athlete: AthleteProfile, today: date) -> list[dict[str, Any]]:
    """Runs from the activities app when it is installed and has data; [] otherwise."""
    try:
        from tagalong.activities.models import Activity
    except ImportError:  # pragma: no cover - the app is built by another team
        return []
    try:
        since = today - timedelta(days=60)
        activities = Activity.objects.filter(
            athlete=athlete,
            sport__in=("running", "trail_running", "treadmill_running"),
            start__date__gte=since,
            start__date__lte=today,
            distance_m__gt=0,
        ).order_by("start")[:200]
        return [
            {
                "date": a.start.date().isoformat(),
                "distance_km": round(a.distance_m / 1000, 2),
                "duration_min": round(a.duration_s / 60, 1),
                **({"rpe": a.rpe} if a.rpe else {}),
            }
            for a in activities
            if a.distance_m and a.distance_m <= 500_000
        ]
    except Exception:
        return []


def build_case(athlete: AthleteProfile, *, today: date) -> dict[str, Any]:
    """The athlete's data in CASE.json shape (docs/calf-check.md); absent data is left out."""
    case: dict[str, Any] = {}
    person: dict[str, Any] = {}
    age = athlete.age_on(today)
    if age is not None and 12 <= age <= 100:
        person["age"] = age
    if athlete.sex:
        person["sex"] = athlete.sex
    if athlete.body_mass_kg is not None:
        person["body_mass_kg"] = float(athlete.body_mass_kg)
    if person:
        case["athlete"] = person
    tests = _latest_tests(athlete)
    if tests:
        case["tests"] = tests
    intake = current_intake(athlete)
    load: dict[str, Any] = {}
    if intake is not None:
        tight = {
            k: intake.concerns[k]
            for k in ("during", "after", "next_morning")
            if intake.concerns.get(k) is not None
        }
        symptoms: dict[str, Any] = {}
        if tight:
            symptoms["calf_tightness"] = tight
        if intake.concerns.get("side") in ("left", "right", "both"):
            symptoms["side"] = intake.concerns["side"]
        if symptoms:
            case["symptoms"] = symptoms
        if intake.longest_run_km_30d:
            load["longest_run_km_30d"] = intake.longest_run_km_30d
        if intake.weekly_km is not None:
            load["weekly_km"] = [intake.weekly_km]
        if intake.red_flags:
            case["red_flags"] = list(intake.red_flags)
    runs = _activity_runs(athlete, today)
    if runs:
        load["runs"] = runs
    if load:
        case["load"] = load
    return case


def missing_inputs(athlete: AthleteProfile) -> list[str]:
    """What the athlete has not given yet, in plain words."""
    gaps = []
    if current_intake(athlete) is None:
        gaps.append("the intake questionnaire")
    if not TestSession.objects.filter(athlete=athlete).exists():
        gaps.append("the home tests")
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
                "strength": getattr(entry.strength, "value", str(entry.strength)),
                "label": entry.label,
                "recalled": getattr(entry.strength, "value", "") == "recalled",
            }
        )
    return out
