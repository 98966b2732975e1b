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
from tagalong.calfcheck.red_flags import DISCLAIMER, RED_FLAG_LABELS, red_flag_labels
from tagalong.calfcheck.serialise import in_words, result_phrases, result_to_json, said_again
from tagalong.calfcheck.words import CAUSE_TITLES, VERDICT_WORDS, cause_title, verdict_word

__all__ = [
    "CAUSES",
    "CAUSE_TITLES",
    "DISCLAIMER",
    "RED_FLAG_LABELS",
    "VERDICT_WORDS",
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
    "cause_title",
    "check_calves",
    "in_words",
    "merge_activity_summaries",
    "red_flag_labels",
    "result_phrases",
    "result_to_json",
    "said_again",
    "verdict_word",
]
