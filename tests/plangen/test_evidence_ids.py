"""Every evidence id the plan generator cites exists in the registry."""

from __future__ import annotations

import re
from pathlib import Path

from tagalong.evidence import REGISTRY

SRC = Path(__file__).resolve().parents[2] / "src" / "tagalong" / "plangen"
ID = re.compile(r'"((?:periodisation|rehab|load|rolling|hr|coaching|hret|lsi)\.[a-z0-9_.]+)"')


def cited_ids() -> set[str]:
    return {m for f in SRC.glob("*.py") for m in ID.findall(f.read_text(encoding="utf-8"))}


def test_every_cited_evidence_id_is_registered():
    cited = cited_ids()
    assert cited, "no evidence ids found in plangen"
    assert sorted(cited - REGISTRY.keys()) == []
