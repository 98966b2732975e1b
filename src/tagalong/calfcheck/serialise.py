"""The calf check result as the JSON the CLI prints and the API returns."""

from __future__ import annotations

from typing import Any

from tagalong.calfcheck.model import Action, CalfCheckResult, EvidenceItem, Finding


def _evidence(item: EvidenceItem) -> dict[str, Any]:
    out: dict[str, Any] = {"label": item.label, "value": item.value, "unit": item.unit}
    if item.date is not None:
        out["date"] = item.date.isoformat()
    out["note"] = item.note
    return out


def _action(action: Action) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": action.kind, "text": action.text}
    if action.exercise is not None:
        out["exercise"] = action.exercise
    if action.dosage is not None:
        out["dosage"] = action.dosage
    out["citations"] = list(action.citations)
    return out


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "cause": finding.cause,
        "verdict": finding.verdict,
        "score": finding.score,
        "evidence": [_evidence(e) for e in finding.evidence],
        "citations": list(finding.citations),
        "missing": list(finding.missing),
        "actions": [_action(a) for a in finding.actions],
    }


def result_to_json(result: CalfCheckResult) -> dict[str, Any]:
    return {
        "stop": result.stop,
        "message": result.message,
        "findings": [_finding(f) for f in result.findings],
        "red_flags": list(result.red_flags),
        "citations": list(result.citations),
        "disclaimer": result.disclaimer,
    }
