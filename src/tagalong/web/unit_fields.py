"""Form fields that hold kilometres, shown and typed in the reader's kilometres or miles.

The database keeps km (``tagalong.units``: SI everywhere below the forms); a reader who chose
miles sees the field labelled and filled in miles, and what they type is turned back into km
before the form's own checks and the model's run.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext

from tagalong import units as u

KM_PER_MILE = u.METRES_PER_MILE / 1000.0


def _miles_label(label: object) -> str:
    text = str(label or "")
    if "(km)" in text:
        return text.replace("(km)", "(mi)")
    if "km" in text.lower():
        return text.replace("km", "mi").replace("Km", "Mi")
    return f"{text} (mi)" if text else gettext("Distance (mi)")


class DistancesInReaderUnits:
    """Mixin for forms: ``km_fields`` are shown in the reader's unit (pass ``units=``)."""

    km_fields: ClassVar[tuple[str, ...]] = ()
    fields: dict[str, forms.Field]
    initial: dict[str, Any]
    cleaned_data: dict[str, Any]

    def __init__(self, *args: Any, units: u.Units = "km", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.units: u.Units = units
        if units == "mi":
            for name in self.km_fields:
                self._to_miles(name)

    def _to_miles(self, name: str) -> None:
        field = self.fields[name]
        field.label = _miles_label(field.label)
        # Limits written in km are checked on the km value (the model's validators, clean()).
        field.validators = [
            v for v in field.validators if not isinstance(v, MinValueValidator | MaxValueValidator)
        ]
        for attribute in ("max", "min"):
            field.widget.attrs.pop(attribute, None)
        field.widget.attrs["min"] = 0
        km = self.initial.get(name, field.initial)
        if callable(km):
            km = km()
        if isinstance(km, int | float | Decimal):
            miles = float(km) / KM_PER_MILE
            self.initial[name] = round(miles) if _whole(field) else round(miles, 1)

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean()  # type: ignore[misc]
        if self.units == "mi":
            for name in self.km_fields:
                value = data.get(name)
                if value is not None:
                    data[name] = self._as_km(self.fields[name], float(value) * KM_PER_MILE)
        return data

    @staticmethod
    def _as_km(field: forms.Field, km: float) -> object:
        if _whole(field):
            return round(km)
        if isinstance(field, forms.DecimalField):
            places = field.decimal_places if field.decimal_places is not None else 1
            return Decimal(str(round(km, places)))
        return km


def _whole(field: forms.Field) -> bool:
    """An integer field (Django's FloatField and DecimalField are IntegerField subclasses)."""
    return isinstance(field, forms.IntegerField) and not isinstance(
        field, forms.FloatField | forms.DecimalField
    )
