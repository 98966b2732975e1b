from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone

from tagalong.accounts.services import clear_login_failures, login_blocked, record_login_failure
from tagalong.athletes.validation import time_zone_choices


class EmailLoginForm(AuthenticationForm):
    """Email + password, refusing further tries after repeated failures for the same email."""

    username = forms.EmailField(
        label="Email", widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "That email and password do not match an account.",
        "throttled": (
            "Too many failed sign-ins for this email. Wait 15 minutes or reset your password."
        ),
    }

    def clean(self) -> dict[str, Any]:
        email = (self.data.get("username") or "").strip().lower()
        now = timezone.now()
        if email and login_blocked(email=email, now=now):
            raise forms.ValidationError(self.error_messages["throttled"], code="throttled")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if email:
                record_login_failure(email=email, ip_address=_client_ip(self.request), now=now)
            raise
        clear_login_failures(email=email)
        return cleaned


def _client_ip(request: Any) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR")


class SignupFromInvitationForm(forms.Form):
    full_name = forms.CharField(label="Your name", max_length=150)
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 8 characters; not all numbers; not a common password.",
    )
    time_zone = forms.ChoiceField(
        choices=time_zone_choices,
        initial="UTC",
        help_text="Used to show sessions and plans in your local time.",
    )


class ApiTokenForm(forms.Form):
    name = forms.CharField(max_length=80, help_text="What the token is for, e.g. 'import script'.")


class UnitsForm(forms.Form):
    units = forms.ChoiceField(
        label="Distances and paces",
        choices=[("km", "Kilometres (pace per km)"), ("mi", "Miles (pace per mile)")],
        widget=forms.RadioSelect,
    )
