"""Training-plan generator: pure, deterministic, and bound by the hard limits in ``limits``."""

from tagalong.plangen.generator import generate_plan
from tagalong.plangen.jsonio import plan_from_json, plan_main, plan_to_json
from tagalong.plangen.model import InfeasiblePlan, Plan, PlanInputError, PlanRequest

__all__ = [
    "InfeasiblePlan",
    "Plan",
    "PlanInputError",
    "PlanRequest",
    "generate_plan",
    "plan_from_json",
    "plan_main",
    "plan_to_json",
]
