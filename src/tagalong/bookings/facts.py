"""The athlete's key facts for the coach's session page, read through the other apps' selectors:
the latest calf check, the latest home tests and the current training load."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tagalong.activities.models import DailyLoad
from tagalong.activities.selectors import latest_load
from tagalong.assessments import selectors as assessments
from tagalong.assessments.models import CalfCheckRun, Intake, TestSession
from tagalong.athletes.models import AthleteProfile

TOP_FINDINGS = 2


@dataclass(frozen=True)
class KeyFacts:
    athlete: AthleteProfile
    red_flag: Intake | None
    calf_check: CalfCheckRun | None
    findings: list[dict[str, Any]] = field(default_factory=list)
    tests: TestSession | None = None
    scored: list[assessments.ScoredResult] = field(default_factory=list)
    load: DailyLoad | None = None
    missing: list[str] = field(default_factory=list)


def key_facts(athlete: AthleteProfile) -> KeyFacts:
    calf_check = assessments.latest_run(athlete)
    findings = list((calf_check.result if calf_check else {}).get("findings", []))
    tests = TestSession.objects.filter(athlete=athlete).prefetch_related("results").first()
    return KeyFacts(
        athlete=athlete,
        red_flag=assessments.red_flag_intake(athlete),
        calf_check=calf_check,
        findings=findings[:TOP_FINDINGS],
        tests=tests,
        scored=assessments.scored_session(athlete, tests) if tests else [],
        load=latest_load(athlete),
        missing=assessments.missing_inputs(athlete),
    )
