from __future__ import annotations

from typing import Any

from django import forms
from django.forms.boundfield import BoundField
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tagalong.activities.models import Activity
from tagalong.assessments.models import RED_FLAG_CHOICES
from tagalong.symptoms.models import (
    CALF_LABELS,
    MEASURES,
    REGION_LABELS,
    REGION_SIDES,
    SIDE_LABELS,
    SIDES,
    TIME_LABELS,
    TIMES,
)

SCORE_CHOICES = [("", "–"), *((str(n), str(n)) for n in range(11))]
EXTRA_REGIONS = 2


class ScoreWidget(forms.RadioSelect):
    template_name = "symptoms/_score_widget.html"


class SymptomForm(forms.Form):
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    activity = forms.ModelChoiceField(
        queryset=Activity.objects.none(),
        required=False,
        label=_("Which run? (optional)"),
        empty_label=_("No particular run"),
    )
    note = forms.CharField(
        required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    red_flags = forms.MultipleChoiceField(
        choices=RED_FLAG_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Any of these today? (they stop training until a clinician has seen you)"),
    )

    def __init__(self, *args: Any, activities: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if activities is not None:
            self.fields["activity"].queryset = activities
        for time in TIMES:
            for measure in MEASURES:
                for side in SIDES:
                    self.fields[f"calf_{measure}_{side}_{time}"] = forms.TypedChoiceField(
                        choices=SCORE_CHOICES,
                        coerce=int,
                        empty_value=None,
                        required=False,
                        widget=ScoreWidget,
                        label=CALF_LABELS[(measure, side)],
                    )
        for n in range(1, EXTRA_REGIONS + 1):
            self.fields[f"region_{n}"] = forms.ChoiceField(
                choices=[("", "—"), *REGION_LABELS.items()],
                required=False,
                label=_("Other place %(n)s") % {"n": n},
            )
            self.fields[f"side_{n}"] = forms.ChoiceField(
                choices=[(s, SIDE_LABELS[s]) for s in REGION_SIDES], required=False, label=_("Side")
            )
            self.fields[f"pain_{n}"] = forms.TypedChoiceField(
                choices=SCORE_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                widget=ScoreWidget,
                label=_("Pain"),
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for n in range(1, EXTRA_REGIONS + 1):
            if data.get(f"region_{n}") and data.get(f"pain_{n}") is None:
                self.add_error(f"pain_{n}", gettext("Choose how much it hurts, from 0 to 10."))
        return data

    def score_groups(self) -> list[tuple[str, list[BoundField]]]:
        return [
            (TIME_LABELS[t], [self[f"calf_{m}_{s}_{t}"] for m in MEASURES for s in SIDES])
            for t in TIMES
        ]

    def region_rows(self) -> list[tuple[BoundField, BoundField, BoundField]]:
        return [
            (self[f"region_{n}"], self[f"side_{n}"], self[f"pain_{n}"])
            for n in range(1, EXTRA_REGIONS + 1)
        ]

    def scores(self) -> dict[str, int | None]:
        return {name: self.cleaned_data[name] for name in self.fields if name.startswith("calf_")}

    def other_regions(self) -> list[dict[str, Any]]:
        rows = []
        for n in range(1, EXTRA_REGIONS + 1):
            region = self.cleaned_data.get(f"region_{n}")
            if region:
                rows.append(
                    {
                        "region": region,
                        "side": self.cleaned_data.get(f"side_{n}") or "both",
                        "pain": self.cleaned_data.get(f"pain_{n}"),
                    }
                )
        return rows
