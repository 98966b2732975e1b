"""``{% first_run_checklist %}``: the new person's checklist on their home page."""

from __future__ import annotations

from typing import Any

from django import template

from tagalong.web.checklist import checklist_for

register = template.Library()


@register.inclusion_tag("web/_checklist.html", takes_context=True)
def first_run_checklist(context: dict[str, Any]) -> dict[str, Any]:
    request = context["request"]
    return {"checklist": checklist_for(request.user), "csrf_token": context.get("csrf_token")}
