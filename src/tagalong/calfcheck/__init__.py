"""The calf check: rank the five usual causes of tight calves after running.

Pure core: the caller decodes activity files and passes ``today``; no Django, no clock.
"""

from tagalong.calfcheck.engine import check_calves
from tagalong.calfcheck.merge import RunSummary, merge_activity_summaries
from tagalong.calfcheck.model import (
    CAUSES,
    Action,
    Athlete,
    CalfCase,
    CalfCheckResult,
    CalfTests,
    Cause,
    EvidenceItem,
    Finding,
    LeftRight,
    Load,
    Run,
    Shoe,
    Symptoms,
    Technique,
    Verdict,
)
from tagalong.calfcheck.parse import CaseError, case_from_json
from tagalong.calfcheck.red_flags import DISCLAIMER, RED_FLAG_LABELS
from tagalong.calfcheck.serialise import result_to_json

__all__ = [
    "CAUSES",
    "DISCLAIMER",
    "RED_FLAG_LABELS",
    "Action",
    "Athlete",
    "CalfCase",
    "CalfCheckResult",
    "CalfTests",
    "CaseError",
    "Cause",
    "EvidenceItem",
    "Finding",
    "LeftRight",
    "Load",
    "Run",
    "RunSummary",
    "Shoe",
    "Symptoms",
    "Technique",
    "Verdict",
    "case_from_json",
    "check_calves",
    "merge_activity_summaries",
    "result_to_json",
]
