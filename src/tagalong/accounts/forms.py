from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from tagalong.athletes.validation import time_zone_choices


class EmailLoginForm(AuthenticationForm):
    """Email + password. Repeated failures are throttled by django-axes (accounts.throttle)."""

    username = forms.EmailField(
        label=_("Email"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("That email and password do not match an account."),
    }


class SignupFromInvitationForm(forms.Form):
    full_name = forms.CharField(label=_("Your name"), max_length=150)
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters; not all numbers; not a common password."),
    )
    # signup.js sets these two from the browser (its time zone, its region's usual unit); the
    # person can still change them, and the choices are checked here whatever the script sent.
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=time_zone_choices,
        initial="UTC",
        help_text=_("Used to show sessions and plans in your local time."),
        widget=forms.Select(attrs={"data-detect": "time-zone"}),
    )
    units = forms.ChoiceField(
        label=_("Distances and paces"),
        choices=[("km", _("Kilometres (pace per km)")), ("mi", _("Miles (pace per mile)"))],
        initial="km",
        required=False,
        widget=forms.Select(attrs={"data-detect": "units"}),
    )

    def clean_units(self) -> str:
        return str(self.cleaned_data.get("units") or "km")


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=80,
        help_text=_("What the token is for, e.g. 'import script'."),
    )


class UnitsForm(forms.Form):
    units = forms.ChoiceField(
        label=_("Distances and paces"),
        choices=[("km", _("Kilometres (pace per km)")), ("mi", _("Miles (pace per mile)"))],
        widget=forms.RadioSelect,
    )


class PracticeForm(forms.Form):
    name = forms.CharField(label=_("Practice name"), max_length=120)
    bio = forms.CharField(
        label=_("About you and your practice"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("Runners read this before they book a session with you."),
    )


def language_choices() -> list[tuple[str, str]]:
    return [("", _("The language my browser asks for")), *settings.LANGUAGES]


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=language_choices, required=False)


class NotificationChoiceForm(forms.Form):
    push_notifications = forms.BooleanField(
        label=_("Also show my notifications on this device when Tagalong is closed"),
        required=False,
    )
