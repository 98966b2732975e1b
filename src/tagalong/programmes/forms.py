from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tagalong.accounts.forms import SignupFromInvitationForm
from tagalong.accounts.models import User
from tagalong.athletes.validation import time_zone_choices
from tagalong.bookings.models import Kind, SessionType
from tagalong.plans.models import Template
from tagalong.programmes.models import Payment, ScheduleMode

SEXES = [("", _("Choose")), ("female", _("Female")), ("male", _("Male"))]


class ProgrammeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=120)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 5}), max_length=4000
    )
    audience = forms.CharField(
        label=_("Who it is for"),
        max_length=300,
        help_text=_("One sentence, shown on the public page."),
    )
    template = forms.ModelChoiceField(
        label=_("Plan template"),
        queryset=Template.objects.none(),
        help_text=_("Each member gets their own plan made from it, for their tests and running."),
    )
    schedule_mode = forms.ChoiceField(label=_("Start"), choices=ScheduleMode.choices)
    start_date = forms.DateField(
        label=_("Start date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Needed when everyone starts together."),
    )
    weeks = forms.IntegerField(label=_("Length in weeks"), min_value=1, max_value=52)
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=500)
    session_types = forms.ModelMultipleChoiceField(
        label=_("Group sessions"),
        queryset=SessionType.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Members get a seat in each of these group sessions during their weeks."),
    )
    requires_intake = forms.BooleanField(
        label=_("Intake before week 1"), required=False, initial=True
    )
    requires_tests = forms.BooleanField(
        label=_("Home tests before week 1"), required=False, initial=True
    )
    gifts_enabled = forms.BooleanField(
        label=_("Visitors may give a place"), required=False, initial=True
    )
    leaderboard_enabled = forms.BooleanField(
        label=_("Leaderboard (names only for members who agree)"), required=False
    )
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=time_zone_choices,
        help_text=_("Session times are shown in this zone by default."),
    )

    def __init__(self, *args: Any, coach: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = Template.objects.filter(coach=coach)  # type: ignore[attr-defined]
        self.fields["session_types"].queryset = SessionType.objects.filter(  # type: ignore[attr-defined]
            coach=coach, kind=Kind.GROUP, active=True
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("schedule_mode") == ScheduleMode.COHORT and not data.get("start_date"):
            self.add_error("start_date", gettext("Pick the date everyone starts."))
        if data.get("schedule_mode") == ScheduleMode.ON_JOIN:
            data["start_date"] = None
        return data


class SignUpForm(forms.Form):
    email = forms.EmailField(label=_("Your email"))


class GiftForm(forms.Form):
    giver_name = forms.CharField(label=_("Your name"), max_length=120)
    giver_email = forms.EmailField(
        label=_("Your email"), help_text=_("We tell you when your gift is claimed.")
    )
    recipient_email = forms.EmailField(label=_("Their email"))
    message = forms.CharField(
        label=_("Your message"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AboutYouForm(forms.Form):
    """What a plan needs to be safe: birth date, sex and body mass."""

    birth_date = forms.DateField(
        label=_("Birth date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    sex = forms.ChoiceField(
        label=_("Sex"), choices=SEXES, help_text=_("For the strength norms the tests use.")
    )
    body_mass_kg = forms.DecimalField(
        label=_("Body mass (kg)"), min_value=25, max_value=250, decimal_places=1
    )


class ClaimForm(SignupFromInvitationForm, AboutYouForm):
    pass


class AnnouncementForm(forms.Form):
    text = forms.CharField(
        label=_("Message to every member"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FreePlaceForm(forms.Form):
    email = forms.EmailField(label=_("Runner's email"))


class PaymentForm(forms.Form):
    payment = forms.ChoiceField(choices=Payment.choices, required=False)


class LeaderboardNameForm(forms.Form):
    show_name = forms.BooleanField(label=_("Show my name on the leaderboard"), required=False)
