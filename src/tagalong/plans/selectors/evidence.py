"""Reasons (a session's why, a proposal's reasons) with their evidence entries."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tagalong.evidence import REGISTRY
from tagalong.plans.models import PlanSession


def reason_entries(reasons: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Reasons with their evidence entries, for display."""
    return [
        {
            "text": r.get("text", ""),
            "evidence": [REGISTRY[i] for i in r.get("evidence", []) if i in REGISTRY],
        }
        for r in reasons
    ]


def why_entries(session: PlanSession) -> list[dict[str, Any]]:
    return reason_entries(session.why)
