from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tagalong.shoes.models import Shoe
from tagalong.web.unit_fields import DistancesInReaderUnits


class ShoeForm(DistancesInReaderUnits, forms.ModelForm):
    km_fields = ("starting_km", "remind_km", "retire_km")

    default_for_running = forms.BooleanField(
        required=False,
        label=_("My usual running shoe"),
        help_text=_("New runs without a gear name go on this pair; you can change each run."),
    )

    class Meta:
        model = Shoe
        fields = ["name", "model", "first_used", "starting_km", "remind_km", "retire_km"]
        widgets = {"first_used": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["default_for_running"].initial = self.instance.default_for_sport == "running"

    def changes(self) -> dict[str, Any]:
        """The cleaned data as service fields; another sport's default is left alone."""
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        if self.cleaned_data["default_for_running"]:
            data["default_for_sport"] = "running"
        elif self.instance.default_for_sport == "running":
            data["default_for_sport"] = None
        return data
