from __future__ import annotations

from django import forms
from django.utils import timezone


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("allow_empty_file", True)
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".fit,.gpx,.tcx,.gz,.zip"}))
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self, data: object, initial: object = None) -> list[object]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="Activity files",
        help_text="FIT, GPX or TCX files, gzipped ones, or a zip such as your Strava export.",
    )


class ManualRunForm(forms.Form):
    day = forms.DateField(label="Date", widget=forms.DateInput(attrs={"type": "date"}))
    duration_min = forms.FloatField(label="Duration (minutes)", min_value=1, max_value=1440)
    distance_km = forms.FloatField(
        label="Distance (km)", min_value=0, max_value=500, required=False
    )
    rpe = forms.IntegerField(
        label="How hard did it feel? (RPE 1–10)",
        min_value=1,
        max_value=10,
        required=False,
        help_text="1 is very easy, 10 is your hardest effort.",
    )

    def clean_day(self) -> object:
        day = self.cleaned_data["day"]
        if day > timezone.localdate():
            raise forms.ValidationError("The date can't be in the future.")
        return day
