from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tagalong import units as u
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
        label=_("Activity files"),
        help_text=_("FIT, GPX or TCX files, gzipped ones, or a zip such as your Strava export."),
    )


class ManualRunForm(forms.Form):
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    duration_min = forms.FloatField(label=_("Duration (minutes)"), min_value=1, max_value=1440)
    distance_km = forms.FloatField(
        label=_("Distance (km)"), min_value=0, max_value=500, required=False
    )
    rpe = forms.IntegerField(
        label=_("How hard did it feel? (RPE 1–10)"),
        min_value=1,
        max_value=10,
        required=False,
        help_text=_("1 is very easy, 10 is your hardest effort."),
    )

    def __init__(self, *args: object, units: u.Units = "km", **kwargs: object) -> None:
        """``units``: the reader's choice; a distance typed in miles is stored in km."""
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.units = units
        if units == "mi":
            self.fields["distance_km"] = forms.FloatField(
                label=_("Distance (mi)"), min_value=0, max_value=310, required=False
            )

    def clean_distance_km(self) -> float | None:
        value = self.cleaned_data.get("distance_km")
        if value is None or self.units == "km":
            return value  # type: ignore[no-any-return]
        return float(value) * u.METRES_PER_MILE / 1000.0

    def clean_day(self) -> object:
        day = self.cleaned_data["day"]
        if day > timezone.localdate():
            raise forms.ValidationError(gettext("The date can't be in the future."))
        return day


class LoadSettingsForm(forms.Form):
    measure = forms.ChoiceField(
        label=_("Measure the daily load in"),
        choices=SeriesMeasure.choices,
        help_text=_("One measure for every day, so the numbers stay comparable."),
    )
    threshold_pace = forms.CharField(
        label=_("Threshold pace (per km)"),
        required=False,
        max_length=5,
        help_text=_(
            "The pace you could hold for about an hour, as m:ss, e.g. 4:45. It sets rTSS "
            "and your easy pace; leave empty to take easy pace from your own runs."
        ),
        widget=forms.TextInput(attrs={"placeholder": "4:45", "inputmode": "numeric"}),
    )

    def __init__(self, *args: object, units: u.Units = "km", **kwargs: object) -> None:
        """``units``: the reader's choice; a pace typed per mile is stored per km."""
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.units = units
        if units == "mi":
            self.fields["threshold_pace"].label = _("Threshold pace (per mile)")
            self.fields["threshold_pace"].widget.attrs["placeholder"] = "7:39"

    def clean_threshold_pace(self) -> float | None:
        per_km = self._threshold_per_unit()
        if per_km is None or self.units == "km":
            return per_km
        return per_km * 1000.0 / u.METRES_PER_MILE

    def _threshold_per_unit(self) -> float | None:
        text = (self.cleaned_data.get("threshold_pace") or "").strip()
        if not text:
            return None
        minutes, colon, seconds = text.partition(":")
        try:
            value = int(minutes) * 60 + (int(seconds) if colon else 0)
        except ValueError:
            raise forms.ValidationError(
                gettext("Write the pace as minutes:seconds, e.g. 4:45.")
            ) from None
        if colon and not 0 <= int(seconds) < 60:
            raise forms.ValidationError(gettext("Seconds go from 00 to 59."))
        low, high = (150, 900) if self.units == "km" else (241, 1448)
        if not low <= value <= high:
            between = (
                gettext("A threshold pace lies between %(low)s and %(high)s per km.")
                if self.units == "km"
                else gettext("A threshold pace lies between %(low)s and %(high)s per mile.")
            )
            raise forms.ValidationError(between % {"low": u.clock(low), "high": u.clock(high)})
        return float(value)


def pace_text(seconds_per_km: float | None, units: u.Units = "km") -> str:
    """A stored pace as the form shows it (m:ss per km or per mile), empty when unset."""
    if not seconds_per_km:
        return ""
    minutes, seconds = divmod(round(u.pace_value(seconds_per_km, units)), 60)
    return f"{minutes}:{seconds:02d}"
