from __future__ import annotations

from django import forms
from django.utils import timezone

from tagalong.activities.models import SeriesMeasure


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


class LoadSettingsForm(forms.Form):
    measure = forms.ChoiceField(
        label="Measure the daily load in",
        choices=SeriesMeasure.choices,
        help_text="One measure for every day, so the numbers stay comparable.",
    )
    threshold_pace = forms.CharField(
        label="Threshold pace (per km)",
        required=False,
        max_length=5,
        help_text="The pace you could hold for about an hour, as m:ss, e.g. 4:45. It sets rTSS "
        "and your easy pace; leave empty to take easy pace from your own runs.",
        widget=forms.TextInput(attrs={"placeholder": "4:45", "inputmode": "numeric"}),
    )

    def clean_threshold_pace(self) -> float | None:
        text = (self.cleaned_data.get("threshold_pace") or "").strip()
        if not text:
            return None
        minutes, colon, seconds = text.partition(":")
        try:
            value = int(minutes) * 60 + (int(seconds) if colon else 0)
        except ValueError:
            raise forms.ValidationError("Write the pace as minutes:seconds, e.g. 4:45.") from None
        if colon and not 0 <= int(seconds) < 60:
            raise forms.ValidationError("Seconds go from 00 to 59.")
        if not 150 <= value <= 900:
            raise forms.ValidationError("A threshold pace lies between 2:30 and 15:00 per km.")
        return float(value)


def pace_text(seconds_per_km: float | None) -> str:
    if not seconds_per_km:
        return ""
    minutes, seconds = divmod(round(seconds_per_km), 60)
    return f"{minutes}:{seconds:02d}"
