"""The plans router every operation of this package is on, and what they share."""

from django.http import Http404, HttpRequest
from ninja import Router

from tagalong.access import rules
from tagalong.accounts.models import User
from tagalong.athletes.models import AthleteProfile
from tagalong.plans.models import Plan, PlanSession
from tagalong.plans.selectors.lookups import plan_for

# Each operation spells out its operation_id: clients are generated from them, so they stay
# what they were when the operations lived in plans/api.py and plans/builder_api.py, whatever
# module holds the function now.
router = Router(tags=["plans"])


def session_in_plan(
    athlete: AthleteProfile, plan_id: int, session_id: int
) -> tuple[Plan, PlanSession]:
    plan = plan_for(athlete, plan_id)
    session = plan.sessions.select_related("plan").filter(pk=session_id).first()
    if session is None:
        raise Http404("No such session in this plan")
    return plan, session


def coach_of(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    if not request.user.is_coach:
        rules.forbid("Only the athlete's coach changes the plan.")
    return request.user
