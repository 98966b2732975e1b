"""Template operations: the coach's templates, and saving a plan as one."""

from django.http import HttpRequest, HttpResponse
from ninja import Query, Schema, Status
from pydantic import Field

from tagalong.access import rules
from tagalong.access.policy import athlete_for
from tagalong.accounts.models import User
from tagalong.api.pagination import PageQuery, one_page
from tagalong.api.schemas import ERRORS
from tagalong.plans.api.router import router
from tagalong.plans.models import Template
from tagalong.plans.selectors.lookups import plan_for
from tagalong.plans.services.templates import save_as_template


class TemplateOut(Schema):
    id: int
    name: str
    goal_type: str
    sessions: int


class TemplateIn(Schema):
    athlete_id: int
    plan_id: int
    name: str = Field(min_length=1, max_length=200)


@router.get(
    "/templates",
    response={200: list[TemplateOut], **ERRORS},
    summary="My templates",
    operation_id="tagalong_plans_api_list_templates",
)
@rules.coach
def list_templates(
    request: HttpRequest, response: HttpResponse, page: Query[PageQuery]
) -> list[TemplateOut]:
    mine = Template.objects.filter(coach=request.user)
    return [
        TemplateOut(id=t.pk, name=t.name, goal_type=t.goal_type, sessions=len(t.weeks))
        for t in one_page(request, response, mine, page)
    ]


@router.post(
    "/templates",
    response={201: TemplateOut, **ERRORS},
    summary="Save a plan as a template",
    operation_id="tagalong_plans_api_create_template",
)
@rules.coach
def create_template(request: HttpRequest, payload: TemplateIn) -> Status:
    athlete = athlete_for(request.user, payload.athlete_id, write=True)
    plan = plan_for(athlete, payload.plan_id)
    assert isinstance(request.user, User)
    t = save_as_template(plan=plan, by=request.user, name=payload.name)
    return Status(
        201, TemplateOut(id=t.pk, name=t.name, goal_type=t.goal_type, sessions=len(t.weeks))
    )
