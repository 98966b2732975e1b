from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from tagalong.athletes.validation import time_zone_choices


class EmailLoginForm(AuthenticationForm):
    """Email + password. Repeated failures are throttled by django-axes (accounts.throttle)."""

    username = forms.EmailField(
        label="Email", widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "That email and password do not match an account.",
    }


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
