"""Plan templates: save a plan as one, list them, apply one to an athlete or a group."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.access.policy import athlete_for, group_for, visible_athletes
from tagalong.athletes.groups import coach_groups
from tagalong.errors import DomainError
from tagalong.plans.forms import ApplyGroupForm, ApplyTemplateForm, TemplateForm
from tagalong.plans.models import Template
from tagalong.plans.selectors.lookups import plan_for
from tagalong.plans.services import templates as plan_templates
from tagalong.plans.views.common import coach_for, user_of


@rules.athlete_scoped
@require_POST
def save_template(request: HttpRequest, athlete_id: int, plan_id: int) -> HttpResponse:
    athlete = coach_for(request, athlete_id)
    plan = plan_for(athlete, plan_id)
    form = TemplateForm(request.POST, coach=request.user)
    if form.is_valid():
        replace = form.cleaned_data.get("replace")
        if replace is not None:
            plan_templates.replace_template_sessions(
                template=replace, plan=plan, by=user_of(request)
            )
            messages.success(
                request,
                _("%(template)s now has this plan's sessions.") % {"template": replace.name},
            )
        else:
            plan_templates.save_as_template(
                plan=plan, by=user_of(request), name=form.cleaned_data["name"]
            )
            messages.success(request, _("Saved as a template."))
        return redirect("plans:templates")
    messages.error(request, _("Give the template a name, or pick one of your templates."))
    return redirect("plans:detail", athlete_id=athlete.pk, plan_id=plan.pk)


@rules.coach
def templates(request: HttpRequest) -> HttpResponse:
    athletes = visible_athletes(request.user)
    context = {
        "templates": Template.objects.filter(coach=user_of(request)),
        "apply_form": ApplyTemplateForm(athletes=athletes),
        "group_form": ApplyGroupForm(groups=coach_groups(user_of(request))),
    }
    return render(request, "plans/templates.html", context)


@rules.coach
@require_POST
def apply_template(request: HttpRequest, template_id: int) -> HttpResponse:
    template = get_object_or_404(Template, pk=template_id, coach=request.user)
    form = ApplyTemplateForm(request.POST, athletes=visible_athletes(request.user))
    if not form.is_valid():
        messages.error(request, _("Pick an athlete and a start date."))
        return redirect("plans:templates")
    athlete = athlete_for(request.user, form.cleaned_data["athlete"].pk, write=True)
    try:
        (plan,) = plan_templates.apply_template(
            template=template,
            athletes=[athlete],
            start=form.cleaned_data["start"],
            by=user_of(request),
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("plans:templates")
    messages.success(request, _("Plan made for %(athlete)s.") % {"athlete": athlete.name})
    return redirect("plans:detail", athlete_id=athlete.pk, plan_id=plan.pk)


@rules.coach
@require_POST
def apply_template_group(request: HttpRequest, template_id: int) -> HttpResponse:
    template = get_object_or_404(Template, pk=template_id, coach=request.user)
    form = ApplyGroupForm(request.POST, groups=coach_groups(user_of(request)))
    if not form.is_valid():
        messages.error(request, _("Pick one of your groups and a start date."))
        return redirect("plans:templates")
    group = group_for(request.user, form.cleaned_data["group"].pk)
    try:
        result = plan_templates.apply_template_to_group(
            template=template, group=group, start=form.cleaned_data["start"], by=user_of(request)
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("plans:templates")
    made = ", ".join(p.athlete.name for p in result.plans) or _("no one")
    messages.success(
        request,
        _("Plans made from %(template)s for %(athletes)s.")
        % {"template": template.name, "athletes": made},
    )
    for athlete, reason in result.skipped:
        messages.warning(
            request,
            _("Skipped %(athlete)s: %(reason)s.") % {"athlete": athlete.name, "reason": reason},
        )
    return redirect("plans:templates")
