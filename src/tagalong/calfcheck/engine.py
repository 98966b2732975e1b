"""Rank the five usual causes of tight calves after running, or stop at a red flag."""

from __future__ import annotations

from datetime import date

from tagalong.calfcheck.capacity import capacity_finding
from tagalong.calfcheck.hips import hip_finding
from tagalong.calfcheck.model import CAUSES, CalfCase, CalfCheckResult, Finding
from tagalong.calfcheck.red_flags import DISCLAIMER, RED_FLAGS, TRAVEL, urgent_message
from tagalong.calfcheck.shoes import shoes_finding
from tagalong.calfcheck.soft_tissue import soft_tissue_finding
from tagalong.calfcheck.technique import technique_finding


def _rank(finding: Finding) -> tuple[float, int]:
    return (-finding.score, CAUSES.index(finding.cause))


def check_calves(case: CalfCase, *, today: date) -> CalfCheckResult:
    """Findings sorted by score (ties in the fixed cause order); any red flag withholds them."""
    if case.red_flags:
        return CalfCheckResult(
            findings=(),
            red_flags=case.red_flags,
            stop=True,
            message=urgent_message(case.red_flags),
            disclaimer=DISCLAIMER,
            citations=(RED_FLAGS, TRAVEL),
        )
    findings = (
        capacity_finding(case, today=today),
        hip_finding(case),
        soft_tissue_finding(case),
        technique_finding(case),
        shoes_finding(case, today=today),
    )
    return CalfCheckResult(
        findings=tuple(sorted(findings, key=_rank)),
        red_flags=(),
        stop=False,
        message=None,
        disclaimer=DISCLAIMER,
    )
