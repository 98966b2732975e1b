"""The calf check result as the JSON the CLI prints and the API returns.

The texts in it are phrases: ``result_phrases`` gives the same shape with each text's phrase
JSON in its place, for the shell to store beside the result, and ``said_again`` puts the
phrases back into a stored result so it can be said in the reader's language (``in_words``
writes it out for a response body).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tagalong.calfcheck.model import Action, CalfCheckResult, EvidenceItem, Finding
from tagalong.wording import phrase_json, text_from_json

Text = Callable[[Any], Any]


def _as_is(text: Any) -> Any:
    return text


def _evidence(item: EvidenceItem, text: Text) -> dict[str, Any]:
    value = text(item.value) if isinstance(item.value, str) else item.value
    out: dict[str, Any] = {"label": text(item.label), "value": value, "unit": text(item.unit)}
    if item.date is not None:
        out["date"] = item.date.isoformat()
    out["note"] = text(item.note)
    return out


def _action(action: Action, text: Text) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": action.kind, "text": text(action.text)}
    if action.exercise is not None:
        out["exercise"] = action.exercise
    if action.dosage is not None:
        out["dosage"] = text(action.dosage)
    out["citations"] = list(action.citations)
    return out


def _finding(finding: Finding, text: Text) -> dict[str, Any]:
    return {
        "cause": finding.cause,
        "verdict": finding.verdict,
        "score": finding.score,
        "evidence": [_evidence(e, text) for e in finding.evidence],
        "citations": list(finding.citations),
        "missing": [text(m) for m in finding.missing],
        "actions": [_action(a, text) for a in finding.actions],
    }


def result_to_json(result: CalfCheckResult, *, text: Text = _as_is) -> dict[str, Any]:
    return {
        "stop": result.stop,
        "message": text(result.message),
        "findings": [_finding(f, text) for f in result.findings],
        "red_flags": list(result.red_flags),
        "citations": list(result.citations),
        "disclaimer": text(result.disclaimer),
    }


def _phrase_or_none(text: Any) -> Any:
    return phrase_json(text) if isinstance(text, str) else None


def result_phrases(result: CalfCheckResult) -> dict[str, Any]:
    """``result_to_json``'s shape with each text's phrase JSON (None for plain data)."""
    return result_to_json(result, text=_phrase_or_none)


def said_again(stored: Any, phrases: Any) -> Any:
    """A stored result (or part of one) with its texts made phrases again where
    ``result_phrases`` kept one; anything without a phrase (older results) stays as stored."""
    if isinstance(stored, str):
        return text_from_json(stored, phrases) if isinstance(phrases, dict) else stored
    if isinstance(stored, dict):
        beside = phrases if isinstance(phrases, dict) else {}
        return {key: said_again(value, beside.get(key)) for key, value in stored.items()}
    if isinstance(stored, list):
        beside_list = phrases if isinstance(phrases, list) else []
        return [
            said_again(value, beside_list[i] if i < len(beside_list) else None)
            for i, value in enumerate(stored)
        ]
    return stored


def in_words(data: Any) -> Any:
    """JSON data with each phrase written out in the active language (for a response body,
    which an encoder would otherwise write in English)."""
    if isinstance(data, str):
        return str(data)
    if isinstance(data, dict):
        return {key: in_words(value) for key, value in data.items()}
    if isinstance(data, list):
        return [in_words(value) for value in data]
    return data
