from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tagalong.athletes.models import AthleteProfile
from tagalong.athletes.services import PROFILE_FIELDS
from tagalong.athletes.validation import time_zone_choices
from tagalong.web.unit_fields import DistancesInReaderUnits


class ProfileForm(DistancesInReaderUnits, forms.ModelForm):
    km_fields = ("weekly_distance_km",)

    time_zone = forms.ChoiceField(choices=time_zone_choices, label=_("Time zone"))

    class Meta:
        model = AthleteProfile
        fields = list(PROFILE_FIELDS)
        widgets = {
            "birth_date": forms.DateInput(attrs={"type": "date"}),
            "goals": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "body_mass_kg": _("Body mass (kg)"),
            "height_cm": _("Height (cm)"),
            "weekly_distance_km": _("Weekly distance (km)"),
            "hr_max": _("Maximum heart rate (bpm, optional)"),
            "hr_rest": _("Resting heart rate (bpm, optional)"),
            "lthr": _("Lactate threshold heart rate (bpm, optional)"),
        }
        help_texts = {
            "hr_max": _("Measured, if you know it. Otherwise we estimate it and say so."),
            "lthr": _("Average heart rate over the last 20 min of a 30-min solo time trial."),
        }


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("Email"), help_text=_("The runner signs up from the link we send here.")
    )
    message = forms.CharField(
        label=_("Message"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("Optional: a personal note included in the email."),
    )
