"""Hard limits after edits: the stored plan checked again by the generator's limits."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from typing import Any

from tagalong.evidence import REGISTRY
from tagalong.plangen import generate_plan, plan_from_json
from tagalong.plangen import limits as plan_limits
from tagalong.plangen.model import ExercisePrescription, Session, Week, reason_from_json
from tagalong.plans.models import Plan, PlanSession
from tagalong.plans.workouts import stored_workout

# The evidence behind each hard limit in plangen.limits, shown with its warning.
LIMIT_EVIDENCE: dict[str, tuple[str, ...]] = {
    "check_easy_share": ("periodisation.plan.easy_share", "periodisation.intensity.seiler"),
    "check_long_run_share": ("periodisation.plan.long_run_share",),
    "check_single_run_spike": ("load.single_run_spike.frandsen_2025",),
    "check_lighter_weeks": ("periodisation.deload.convention",),
    "check_taper": ("periodisation.taper.bosquet_2007",),
    "check_calf_strength": ("periodisation.plan.calf_strength_frequency",),
    "check_hip_work": ("periodisation.plan.posterior_chain",),
    "check_cadence_step": ("periodisation.plan.cadence_step",),
    "check_rest_days": ("periodisation.plan.rest_day",),
    "check_return_gate": ("rehab.return_to_run.criteria",),
}


def core_session(s: PlanSession) -> Session:
    """A stored session as the plan generator's ``Session``."""
    return Session(
        date=s.date,
        kind=s.kind,  # type: ignore[arg-type]
        run_type=s.run_type or None,  # type: ignore[arg-type]
        duration_min=s.duration_min,
        distance_km=s.distance_km,
        target_pace_s_per_km=s.pace_range,
        hr_zone=s.hr_zone or None,
        exercises=tuple(ExercisePrescription(**e) for e in s.exercises),
        why=tuple(reason_from_json(r) for r in s.why),
        ladder_level=s.ladder_level,
        workout=stored_workout(s),
    )


def limit_warnings(plan: Plan) -> list[dict[str, Any]]:
    """Hard limits the edited plan breaks, as warnings for the coach (who decides).

    The generated plan is rebuilt from the stored profile for its weeks, phases, paces and zones;
    the stored sessions then replace the generated ones, block by block.
    """
    if not plan.profile:
        return []
    request = plan_from_json(plan.profile)
    base = generate_plan(request)
    blocks = sorted(base.weeks, key=lambda w: w.start)
    grouped: dict[int, list[Session]] = defaultdict(list)
    for s in plan.sessions.all():
        index = 0
        for i, week in enumerate(blocks):
            if week.start <= s.date:
                index = i
        grouped[index].append(core_session(s))
    weeks: list[Week] = [
        dataclasses.replace(w, sessions=tuple(grouped.get(i, ()))) for i, w in enumerate(blocks)
    ]
    edited = dataclasses.replace(base, weeks=tuple(weeks))
    out = []
    for checker in plan_limits.CHECKERS:
        rule = checker.__name__.removeprefix("check_").replace("_", " ")
        ids = LIMIT_EVIDENCE.get(checker.__name__, ())
        evidence = [
            {"id": i, "statement": REGISTRY[i].statement, "source": REGISTRY[i].source}
            for i in ids
            if i in REGISTRY
        ]
        out.extend(
            {"rule": rule, "text": text, "evidence": evidence} for text in checker(edited, request)
        )
    return out
