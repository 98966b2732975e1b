from __future__ import annotations

from django import forms


class ConnectForm(forms.Form):
    remote_athlete_id = forms.CharField(
        label="intervals.icu athlete id",
        max_length=20,
        help_text="In intervals.icu: Settings, Developer Settings, e.g. i123456.",
    )
    api_key = forms.CharField(
        label="intervals.icu API key",
        max_length=200,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text="Made on the same page. It is stored encrypted and never shown again.",
    )
