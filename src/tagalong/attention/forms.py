from __future__ import annotations

from django import forms

from tagalong.attention.models import MarkerKind
from tagalong.attention.selectors import SIGNAL_SORTS, SORTS
from tagalong.triage import KINDS

SORT_CHOICES = [
    ("severity", "Most urgent first"),
    ("waiting", "Waiting longest"),
    ("name", "Name A–Z"),
    ("-name", "Name Z–A"),
    ("-joined", "Newest first"),
    ("joined", "Oldest first"),
    ("-weekly", "Most weekly distance"),
    ("weekly", "Least weekly distance"),
    *((kind, f"{label}: worst first") for kind, label in KINDS),
]
assert {value for value, _ in SORT_CHOICES} == set(SORTS) | set(SIGNAL_SORTS)


class QueueFilter(forms.Form):
    show = forms.ChoiceField(
        choices=[("attention", "Needs attention"), ("all", "Everyone")],
        required=False,
        label="Show",
    )
    q = forms.CharField(required=False, max_length=100)
    kind = forms.ChoiceField(choices=[("", "Any reason"), *KINDS], required=False, label="Reason")
    group = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)
    coach = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)
    sort = forms.ChoiceField(choices=SORT_CHOICES, required=False, label="Sort by")
    page = forms.IntegerField(min_value=1, required=False)

    def __init__(
        self, data: object, *, groups: list[tuple[int, str]], coaches: list[tuple[int, str]]
    ) -> None:
        super().__init__(data)  # type: ignore[arg-type]
        self.fields["group"].choices = [("", "Any group"), *groups]  # type: ignore[attr-defined]
        self.fields["coach"].choices = [("", "Any coach"), *coaches]  # type: ignore[attr-defined]


class SnoozeForm(forms.Form):
    until = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), label="Snooze until")
    reason = forms.CharField(max_length=300, label="Why")


class AcknowledgeForm(forms.Form):
    note = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Note for the record",
    )


class MarkerForm(forms.Form):
    kind = forms.ChoiceField(choices=MarkerKind.choices, label="Away because")
    start = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), label="From")
    end = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), label="To")
    note = forms.CharField(required=False, max_length=300)


class ClearRedFlagForm(forms.Form):
    seen_on = forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}), label="Seen and cleared on"
    )
    note = forms.CharField(
        max_length=500,
        label="Who saw them, what they advised",
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SettingForm(forms.Form):
    no_data_days = forms.IntegerField(min_value=2, max_value=60, label="Flag no data after (days)")


class BulkMessageForm(forms.Form):
    athletes = forms.TypedMultipleChoiceField(coerce=int, label="Athletes")
    subject = forms.CharField(max_length=150)
    message = forms.CharField(max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, data: object, *, choices: list[tuple[int, str]]) -> None:
        super().__init__(data)  # type: ignore[arg-type]
        self.fields["athletes"].choices = choices  # type: ignore[attr-defined]
