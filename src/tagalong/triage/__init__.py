"""Who needs the coach's attention: pure rules that turn an athlete's recent data into findings.

No Django; ``today`` is an argument. Each finding names its evidence id (``tagalong.evidence``)
and says why in a coach's words. The Django app ``tagalong.attention`` feeds the data in and
stores the findings.
"""

from tagalong.triage.model import KINDS, SEVERITY, Finding, kind_label
from tagalong.triage.pain import CheckIn, pain_rising
from tagalong.triage.plan import (
    PlannedSession,
    compliance_falling,
    missed_key_sessions,
    plan_ending,
)
from tagalong.triage.rules import (
    acwr_out_of_band,
    cadence_dropping,
    calf_check_worse,
    import_failed,
    load_spike,
    no_data,
    open_proposals,
    retest_overdue,
    unanswered_messages,
    worn_shoes,
)

__all__ = [
    "KINDS",
    "SEVERITY",
    "CheckIn",
    "Finding",
    "PlannedSession",
    "acwr_out_of_band",
    "cadence_dropping",
    "calf_check_worse",
    "compliance_falling",
    "import_failed",
    "kind_label",
    "load_spike",
    "missed_key_sessions",
    "no_data",
    "open_proposals",
    "pain_rising",
    "plan_ending",
    "retest_overdue",
    "unanswered_messages",
    "worn_shoes",
]
