"""Pages for a coach's athlete groups."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.access.policy import group_for
from tagalong.accounts.models import User
from tagalong.athletes.groups import coach_groups, delete_group, own_athletes, save_group
from tagalong.athletes.models import AthleteGroup
from tagalong.errors import DomainError


class GroupForm(forms.Form):
    name = forms.CharField(max_length=80)
    description = forms.CharField(max_length=300, required=False)
    members = forms.ModelMultipleChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: object, coach: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        members = self.fields["members"]
        assert isinstance(members, forms.ModelMultipleChoiceField)
        members.queryset = own_athletes(coach)
        members.label_from_instance = lambda athlete: athlete.name  # type: ignore[method-assign]


def _coach(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _save(request: HttpRequest, form: GroupForm, group: AthleteGroup | None) -> AthleteGroup | None:
    if not form.is_valid():
        return None
    try:
        return save_group(
            coach=_coach(request),
            name=form.cleaned_data["name"],
            description=form.cleaned_data["description"],
            member_ids=[a.pk for a in form.cleaned_data["members"]],
            group=group,
        )
    except DomainError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return None


@rules.coach
def group_list(request: HttpRequest) -> HttpResponse:
    coach = _coach(request)
    form = GroupForm(request.POST or None, coach=coach)
    if request.method == "POST" and (group := _save(request, form, None)):
        messages.success(request, gettext("Group %(name)s created.") % {"name": repr(group.name)})
        return redirect("athletes:groups")
    return render(request, "athletes/groups.html", {"groups": coach_groups(coach), "form": form})


@rules.coach
def group_edit(request: HttpRequest, group_id: int) -> HttpResponse:
    coach = _coach(request)
    group = group_for(coach, group_id)
    initial = {"name": group.name, "description": group.description, "members": group.members.all()}
    form = GroupForm(request.POST or None, coach=coach, initial=initial)
    if request.method == "POST" and _save(request, form, group):
        messages.success(request, gettext("Group %(name)s saved.") % {"name": repr(group.name)})
        return redirect("athletes:groups")
    return render(request, "athletes/group_edit.html", {"group": group, "form": form})


@rules.coach
@require_POST
def group_delete(request: HttpRequest, group_id: int) -> HttpResponse:
    group = group_for(request.user, group_id)
    name = group.name
    delete_group(group=group, by=_coach(request))
    messages.success(
        request,
        gettext("Group %(name)s deleted; its athletes stay on your roster.") % {"name": repr(name)},
    )
    return redirect("athletes:groups")
