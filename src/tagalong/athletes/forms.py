from __future__ import annotations

from django import forms

from tagalong.athletes.models import AthleteProfile
from tagalong.athletes.services import PROFILE_FIELDS
from tagalong.athletes.validation import time_zone_choices
from tagalong.web.unit_fields import DistancesInReaderUnits


class ProfileForm(DistancesInReaderUnits, forms.ModelForm):
    km_fields = ("weekly_distance_km",)

    time_zone = forms.ChoiceField(choices=time_zone_choices)

    class Meta:
        model = AthleteProfile
        fields = list(PROFILE_FIELDS)
        widgets = {
            "birth_date": forms.DateInput(attrs={"type": "date"}),
            "goals": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "body_mass_kg": "Body mass (kg)",
            "height_cm": "Height (cm)",
            "weekly_distance_km": "Weekly distance (km)",
            "hr_max": "Maximum heart rate (bpm, optional)",
            "hr_rest": "Resting heart rate (bpm, optional)",
            "lthr": "Lactate threshold heart rate (bpm, optional)",
        }
        help_texts = {
            "hr_max": "Measured, if you know it. Otherwise we estimate it and say so.",
            "lthr": "Average heart rate over the last 20 min of a 30-min solo time trial.",
        }


class InviteForm(forms.Form):
    email = forms.EmailField(help_text="The runner signs up from the link we send here.")
    message = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text="Optional: a personal note included in the email.",
    )
