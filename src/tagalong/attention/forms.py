from __future__ import annotations

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tagalong.attention.kind_words import KIND_WORDS, kind_words
from tagalong.attention.models import MarkerKind
from tagalong.attention.selectors import SIGNAL_SORTS, SORTS
from tagalong.triage import KINDS


def _worst_first(kind: str) -> str:
    return gettext("%(reason)s: worst first") % {"reason": kind_words(kind)}


SORT_CHOICES = [
    ("severity", _("Most urgent first")),
    ("waiting", _("Waiting longest")),
    ("name", _("Name A–Z")),
    ("-name", _("Name Z–A")),
    ("-joined", _("Newest first")),
    ("joined", _("Oldest first")),
    ("-weekly", _("Most weekly distance")),
    ("weekly", _("Least weekly distance")),
    *((kind, lazy(_worst_first, str)(kind)) for kind, _label in KINDS),
]
assert {value for value, _ in SORT_CHOICES} == set(SORTS) | set(SIGNAL_SORTS)


class QueueFilter(forms.Form):
    show = forms.ChoiceField(
        choices=[("attention", _("Needs attention")), ("all", _("Everyone"))],
        required=False,
        label=_("Show"),
    )
    q = forms.CharField(required=False, max_length=100)
    kind = forms.ChoiceField(
        choices=[("", _("Any reason")), *((k, KIND_WORDS[k]) for k, _label in KINDS)],
        required=False,
        label=_("Reason"),
    )
    group = forms.TypedChoiceField(coerce=int, required=False, empty_value=None, label=_("Group"))
    coach = forms.TypedChoiceField(coerce=int, required=False, empty_value=None, label=_("Coach"))
    sort = forms.ChoiceField(choices=SORT_CHOICES, required=False, label=_("Sort by"))
    page = forms.IntegerField(min_value=1, required=False)

    def __init__(
        self, data: object, *, groups: list[tuple[int, str]], coaches: list[tuple[int, str]]
    ) -> None:
        super().__init__(data)  # type: ignore[arg-type]
        self.fields["group"].choices = [("", _("Any group")), *groups]  # type: ignore[attr-defined]
        self.fields["coach"].choices = [("", _("Any coach")), *coaches]  # type: ignore[attr-defined]


class SnoozeForm(forms.Form):
    until = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), label=_("Snooze until"))
    reason = forms.CharField(max_length=300, label=_("Why"))


class AcknowledgeForm(forms.Form):
    note = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_("Note for the record"),
    )


class MarkerForm(forms.Form):
    kind = forms.ChoiceField(choices=MarkerKind.choices, label=_("Away because"))
    start = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), label=_("From"))
    end = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), label=_("To"))
    note = forms.CharField(required=False, max_length=300, label=_("Note"))


class ClearRedFlagForm(forms.Form):
    seen_on = forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}), label=_("Seen and cleared on")
    )
    note = forms.CharField(
        max_length=500,
        label=_("Who saw them, what they advised"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SettingForm(forms.Form):
    no_data_days = forms.IntegerField(
        min_value=2, max_value=60, label=_("Flag no data after (days)")
    )


class BulkMessageForm(forms.Form):
    athletes = forms.TypedMultipleChoiceField(coerce=int, label=_("Athletes"))
    subject = forms.CharField(max_length=150, label=_("Subject"))
    message = forms.CharField(
        label=_("Message"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, data: object, *, choices: list[tuple[int, str]]) -> None:
        super().__init__(data)  # type: ignore[arg-type]
        self.fields["athletes"].choices = choices  # type: ignore[attr-defined]
