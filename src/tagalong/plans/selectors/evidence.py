"""Reasons (a session's why, a proposal's reasons) with their evidence entries."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from tagalong.evidence import REGISTRY
from tagalong.plangen.model import phrase_of
from tagalong.plans.models import PlanSession
from tagalong.wording import text_from_json


def reason_entries(reasons: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Reasons with their evidence entries, for display."""
    return [
        {
            "text": stored_text(r),
            "evidence": [REGISTRY[i] for i in r.get("evidence", []) if i in REGISTRY],
        }
        for r in reasons
    ]


def stored_text(stored: Mapping[str, Any]) -> str:
    """A stored reason's or change's text in the reader's language (older rows: as stored)."""
    return text_from_json(str(stored.get("text", "")), phrase_of(stored.get("phrase")))


def said_rows(stored: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Stored reasons or changes with their text said now, for the API's JSON."""
    return [
        {**{k: v for k, v in row.items() if k != "phrase"}, "text": str(stored_text(row))}
        for row in stored
    ]


def why_entries(session: PlanSession) -> list[dict[str, Any]]:
    return reason_entries(session.why)
