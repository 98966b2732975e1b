from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.access.policy import (
    Access,
    access_to_athlete,
    athlete_for,
    link_for,
    own_athlete_profile,
)
from tagalong.accounts.models import Invitation, User
from tagalong.accounts.services import end_link, invite_athlete, revoke_invitation, set_link_sharing
from tagalong.athletes.forms import InviteForm, ProfileForm
from tagalong.athletes.models import AthleteProfile, CoachingLink
from tagalong.athletes.services import update_profile
from tagalong.errors import DomainError
from tagalong.units import units_of
from tagalong.web.sections import render_context


@rules.athlete_scoped
def athlete_detail(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id)
    return render(request, "athletes/detail.html", _athlete_page_context(request, athlete))


def _athlete_page_context(request: HttpRequest, athlete: AthleteProfile) -> dict[str, object]:
    can_edit = access_to_athlete(request.user, athlete) is Access.WRITE
    links = CoachingLink.objects.filter(athlete=athlete).select_related("coach", "practice")
    return {
        "athlete": athlete,
        "can_edit": can_edit,
        "links": links,
        "age": athlete.age_on(timezone.localdate()),
        "sections": render_context(request, athlete),
    }


@rules.athlete_scoped
def edit_profile(request: HttpRequest, athlete_id: int) -> HttpResponse:
    athlete = athlete_for(request.user, athlete_id, write=True)
    return _profile_form(request, athlete, done_url=f"/athletes/{athlete.pk}/")


@rules.athlete
def my_profile(request: HttpRequest) -> HttpResponse:
    athlete = own_athlete_profile(request.user)
    return _profile_form(request, athlete, done_url="/")


def _profile_form(request: HttpRequest, athlete: AthleteProfile, *, done_url: str) -> HttpResponse:
    form = ProfileForm(
        request.POST or None,
        instance=AthleteProfile.objects.get(pk=athlete.pk),
        units=units_of(request.user),
    )
    if request.method == "POST" and form.is_valid():
        assert isinstance(request.user, User)
        try:
            update_profile(athlete=athlete, by=request.user, changes=form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, gettext("Profile saved."))
            return redirect(done_url)
    return render(request, "athletes/profile_form.html", {"form": form, "athlete": athlete})


@rules.athlete
def my_coaches(request: HttpRequest) -> HttpResponse:
    athlete = own_athlete_profile(request.user)
    links = CoachingLink.objects.filter(athlete=athlete).select_related("coach", "practice")
    return render(request, "athletes/my_coaches.html", {"links": links})


@rules.signed_in
@require_POST
def end_link_view(request: HttpRequest, link_id: int) -> HttpResponse:
    link = link_for(request.user, link_id)
    assert isinstance(request.user, User)
    try:
        end_link(link=link, by=request.user, now=timezone.now())
    except DomainError as error:
        messages.error(request, error.message)
    else:
        other = link.athlete.name if request.user.pk == link.coach_id else link.coach.full_name
        messages.success(
            request,
            gettext("You no longer work with %(name)s. The history stays with the athlete.")
            % {"name": other},
        )
    return redirect("athletes:roster" if request.user.is_coach else "athletes:my_coaches")


@rules.coach
@require_POST
def share_link_view(request: HttpRequest, link_id: int) -> HttpResponse:
    link = link_for(request.user, link_id)
    assert isinstance(request.user, User)
    if link.coach_id != request.user.pk:
        return render(request, "403.html", status=403)
    set_link_sharing(link=link, by=request.user, shared=request.POST.get("shared") == "on")
    messages.success(request, gettext("Sharing updated."))
    return redirect("athletes:detail", athlete_id=link.athlete_id)


@rules.coach
def invite_view(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = invite_athlete(
                coach=request.user,
                email=form.cleaned_data["email"],
                message=form.cleaned_data["message"],
                now=timezone.now(),
            )
        except DomainError as error:
            form.add_error("email" if error.field == "email" else None, error.message)
        else:
            messages.success(
                request, gettext("Invitation sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect("athletes:invite")
    invitations = Invitation.objects.filter(coach=request.user)[:50]
    return render(
        request,
        "athletes/invite.html",
        {"form": form, "invitations": [(i, i.status(timezone.now())) for i in invitations]},
    )


@rules.coach
@require_POST
def revoke_invitation_view(request: HttpRequest, invitation_id: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation, pk=invitation_id, coach=request.user)
    assert isinstance(request.user, User)
    try:
        revoke_invitation(invitation=invitation, by=request.user, now=timezone.now())
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, gettext("Invitation for %(email)s revoked.") % {"email": invitation.email}
        )
    return redirect("athletes:invite")
