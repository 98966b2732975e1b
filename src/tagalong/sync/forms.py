from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ConnectForm(forms.Form):
    remote_athlete_id = forms.CharField(
        label=_("intervals.icu athlete id"),
        max_length=20,
        help_text=_("In intervals.icu: Settings, Developer Settings, e.g. i123456."),
    )
    api_key = forms.CharField(
        label=_("intervals.icu API key"),
        max_length=200,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=_("Made on the same page. It is stored encrypted and never shown again."),
    )
