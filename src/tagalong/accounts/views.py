from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tagalong.access import rules
from tagalong.accounts.forms import (
    ApiTokenForm,
    EmailLoginForm,
    LanguageForm,
    NotificationChoiceForm,
    PracticeForm,
    SignupFromInvitationForm,
    UnitsForm,
)
from tagalong.accounts.models import ApiToken, User
from tagalong.accounts.services import (
    accept_invitation,
    create_api_token,
    revoke_api_token,
    set_language,
    set_practice_details,
    set_push_notifications,
    set_units,
    usable_invitation,
)
from tagalong.errors import DomainError

login_view = rules.public(
    auth_views.LoginView.as_view(
        template_name="accounts/login.html",
        authentication_form=EmailLoginForm,
        redirect_authenticated_user=True,
    )
)
logout_view = rules.public(auth_views.LogoutView.as_view())
password_reset = rules.public(
    auth_views.PasswordResetView.as_view(
        template_name="accounts/password_reset.html",
        email_template_name="emails/password_reset.txt",
        html_email_template_name="emails/password_reset.html",
        subject_template_name="emails/password_reset_subject.txt",
        success_url=reverse_lazy("accounts:password_reset_done"),
        # The link's address is the configured site, never the Host header of the request.
        extra_email_context={"site_url": lazy(lambda: settings.SITE_URL, str)()},
    )
)
password_reset_done = rules.public(
    auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html")
)
password_reset_confirm = rules.public(
    auth_views.PasswordResetConfirmView.as_view(
        template_name="accounts/password_reset_confirm.html",
        success_url=reverse_lazy("accounts:password_reset_complete"),
    )
)
password_reset_complete = rules.public(
    auth_views.PasswordResetCompleteView.as_view(
        template_name="accounts/password_reset_complete.html"
    )
)
password_change = rules.signed_in(
    auth_views.PasswordChangeView.as_view(
        template_name="accounts/password_change.html",
        success_url=reverse_lazy("accounts:settings"),
    )
)


@rules.public
def accept_invitation_view(request: HttpRequest, token: str) -> HttpResponse:
    now = timezone.now()
    try:
        invitation = usable_invitation(token, now=now)
    except DomainError as error:
        return render(
            request, "accounts/invitation_invalid.html", {"error": error.message}, status=410
        )
    user = request.user if request.user.is_authenticated else None
    form = SignupFromInvitationForm(request.POST or None)
    if request.method == "POST" and (user is not None or form.is_valid()):
        try:
            if isinstance(user, User):
                accept_invitation(token=token, now=now, existing_user=user)
            else:
                data = form.cleaned_data
                user = accept_invitation(
                    token=token,
                    now=now,
                    full_name=data["full_name"],
                    password=data["password"],
                    time_zone=data["time_zone"],
                    units=data["units"],
                )
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request,
                _("You are now linked with %(coach)s.") % {"coach": invitation.coach.full_name},
            )
            return redirect("web:home")
    return render(
        request,
        "accounts/invitation_accept.html",
        {"invitation": invitation, "form": form, "signed_in_user": user},
    )


@rules.signed_in
def settings_view(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    tokens = ApiToken.objects.filter(user=request.user, revoked_at__isnull=True)
    return render(
        request,
        "accounts/settings.html",
        {
            "tokens": tokens,
            "form": ApiTokenForm(),
            "new_token": None,
            "units_form": UnitsForm(initial={"units": request.user.units}),
            "language_form": LanguageForm(initial={"language": request.user.language}),
            "push_form": NotificationChoiceForm(
                initial={"push_notifications": request.user.push_notifications}
            ),
            "practice_form": _practice_form(request.user),
            "push_ready": bool(settings.VAPID_PUBLIC_KEY),
            "vapid_public_key": settings.VAPID_PUBLIC_KEY,
        },
    )


def _practice_form(user: User) -> PracticeForm | None:
    profile = getattr(user, "coach_profile", None)
    if profile is None:
        return None
    return PracticeForm(initial={"name": profile.practice.name, "bio": profile.bio})


@rules.signed_in
@require_POST
def practice_view(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    if not request.user.is_coach:
        raise PermissionDenied(_("Only a coach has a practice."))
    form = PracticeForm(request.POST)
    if not form.is_valid():
        field, errors = next(iter(form.errors.items()))
        messages.error(request, f"{form.fields[field].label}: {errors[0]}")
        return redirect(reverse("accounts:settings") + "#practice")
    try:
        set_practice_details(coach=request.user, **form.cleaned_data)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your practice is saved."))
    return redirect(reverse("accounts:settings") + "#practice")


@rules.signed_in
@require_POST
def language_view(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    form = LanguageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the languages offered."))
        return redirect("accounts:settings")
    set_language(user=request.user, language=form.cleaned_data["language"])
    translation.activate(request.user.language or translation.get_language_from_request(request))
    messages.success(request, _("Your language is saved."))
    response = redirect("accounts:settings")
    if request.user.language:
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, request.user.language, samesite="Lax")
    else:
        response.delete_cookie(settings.LANGUAGE_COOKIE_NAME)
    return response


@rules.signed_in
@require_POST
def notifications_choice_view(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    form = NotificationChoiceForm(request.POST)
    form.is_valid()  # a checkbox: absent means off
    on = bool(form.cleaned_data.get("push_notifications"))
    set_push_notifications(user=request.user, on=on)
    messages.success(
        request,
        _("Notifications will also appear on your devices.")
        if on
        else _("Notifications stay in Tagalong and your email."),
    )
    return redirect(reverse("accounts:settings") + "#notifications")


@rules.signed_in
@require_POST
def units_view(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    form = UnitsForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose kilometres or miles."))
        return redirect("accounts:settings")
    set_units(user=request.user, units=form.cleaned_data["units"])
    if request.user.units == "mi":
        messages.success(request, _("Distances and paces are now shown in miles."))
    else:
        messages.success(request, _("Distances and paces are now shown in kilometres."))
    return redirect("accounts:settings")


@rules.signed_in
@require_POST
def create_token_view(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    form = ApiTokenForm(request.POST)
    new_token = None
    if form.is_valid():
        try:
            _, new_token = create_api_token(user=request.user, name=form.cleaned_data["name"])
        except DomainError as error:
            form.add_error("name", error.message)
        else:
            form = ApiTokenForm()
    tokens = ApiToken.objects.filter(user=request.user, revoked_at__isnull=True)
    template = "accounts/_tokens.html" if request.htmx else "accounts/settings.html"  # type: ignore[attr-defined]
    units_form = UnitsForm(initial={"units": request.user.units})
    context = {"tokens": tokens, "form": form, "new_token": new_token, "units_form": units_form}
    return render(request, template, context)


@rules.signed_in
@require_POST
def revoke_token_view(request: HttpRequest, token_id: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user, revoked_at__isnull=True)
    assert isinstance(request.user, User)
    revoke_api_token(token=token, by=request.user, now=timezone.now())
    messages.success(request, _("Token “%(name)s” revoked.") % {"name": token.name})
    return redirect("accounts:settings")
