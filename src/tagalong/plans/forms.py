from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tagalong.access.policy import AnyUser, visible_custom_exercises
from tagalong.athletes.models import AthleteGroup, AthleteProfile
from tagalong.exercises import LIBRARY
from tagalong.plangen.jsonio import GOAL_TYPES
from tagalong.plans.builder import RUN_TYPES
from tagalong.plans.models import SessionKind, Template
from tagalong.plans.services.edits import UNKNOWN_EXERCISE
from tagalong.plans.services.generation import GOAL_TITLES, WEEKDAY_NAMES
from tagalong.web.unit_fields import KM_PER_MILE, DistancesInReaderUnits

DAY_LABELS = dict(
    zip(
        WEEKDAY_NAMES,
        (_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")),
        strict=True,
    )
)
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")  # what <input type=date> reads


class GeneratePlanForm(forms.Form):
    # GOAL_TITLES are marked in services.generation (a plan keeps its title in its runner's
    # language).
    goal = forms.ChoiceField(
        label=_("Goal"),
        choices=[(g, _(GOAL_TITLES[g])) for g in GOAL_TYPES],
    )
    start = forms.DateField(widget=DATE, label=_("Start"))
    weeks = forms.IntegerField(
        min_value=4, max_value=30, required=False, initial=12, label=_("Weeks")
    )
    race_date = forms.DateField(
        widget=DATE, required=False, label=_("Race date"), help_text=_("Race goals only")
    )
    walk_breaks = forms.BooleanField(
        required=False,
        label=_("Finish goal with walk breaks"),
        help_text=_("Long runs and the race run 9 minutes, walk 1 (race goals only)"),
    )
    weeks_postnatal = forms.IntegerField(
        min_value=0,
        max_value=520,
        required=False,
        label=_("Weeks postnatal"),
        help_text=_("Postnatal goal only"),
    )
    weekly_km = forms.FloatField(min_value=0, max_value=300, label=_("Running now (km a week)"))
    longest_run_km_30d = forms.FloatField(
        min_value=0, max_value=100, label=_("Longest run in the last 30 days (km)")
    )
    runs_per_week = forms.IntegerField(min_value=0, max_value=14, label=_("Runs per week"))
    race_distance_km = forms.FloatField(
        min_value=0.8, max_value=100, required=False, label=_("Recent race distance (km)")
    )
    race_minutes = forms.FloatField(
        min_value=1, max_value=1600, required=False, label=_("Recent race time (minutes)")
    )

    def __init__(self, *args: Any, athlete: AthleteProfile, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for day in WEEKDAY_NAMES:
            self.fields[f"min_{day}"] = forms.IntegerField(
                min_value=0,
                max_value=600,
                required=False,
                label=_("%(day)s (minutes)") % {"day": DAY_LABELS[day]},
            )
        if not self.is_bound:
            self.initial.setdefault("weekly_km", float(athlete.weekly_distance_km or 0))
            self.initial.setdefault("runs_per_week", athlete.runs_per_week or 0)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("race_date") and not data.get("weeks"):
            self.add_error("weeks", _("Give a number of weeks or a race date."))
        if not any(data.get(f"min_{d}") for d in WEEKDAY_NAMES):
            self.add_error(None, _("Give the minutes available on at least one day."))
        if bool(data.get("race_distance_km")) != bool(data.get("race_minutes")):
            self.add_error("race_minutes", _("Give both the race distance and time, or neither."))
        return data

    def service_args(self) -> dict[str, Any]:
        d = self.cleaned_data
        race = None
        if d.get("race_distance_km") and d.get("race_minutes"):
            race = {"distance_m": d["race_distance_km"] * 1000, "time_s": d["race_minutes"] * 60}
        return {
            "goal": d["goal"],
            "start": d["start"],
            "weeks": None if d.get("race_date") else d.get("weeks"),
            "race_date": d.get("race_date"),
            "weeks_postnatal": d.get("weeks_postnatal"),
            "walk_breaks": bool(d.get("walk_breaks")),
            "availability": {day: d.get(f"min_{day}") or 0 for day in WEEKDAY_NAMES},
            "current": {
                "weekly_km": d["weekly_km"],
                "longest_run_km_30d": d["longest_run_km_30d"],
                "runs_per_week": d["runs_per_week"],
            },
            "recent_race": race,
        }


class MoveForm(forms.Form):
    date = forms.DateField(widget=DATE, label=_("Date"))


class ChangeForm(DistancesInReaderUnits, forms.Form):
    """A session's edit; distance and pace in the reader's km or miles (stored per km)."""

    km_fields = ("distance_km",)
    kind = forms.ChoiceField(choices=SessionKind.choices, label=_("Kind"))
    run_type = forms.ChoiceField(
        required=False,
        label=_("Run type"),
        choices=[("", "—")] + [(t, t.replace("_", " ")) for t in RUN_TYPES],
    )
    duration_min = forms.FloatField(min_value=0, max_value=600, label=_("Duration min"))
    distance_km = forms.FloatField(min_value=0, max_value=100, required=False)
    pace_fast = forms.CharField(required=False, label=_("Pace from (m:ss /km)"), max_length=5)
    pace_slow = forms.CharField(required=False, label=_("Pace to (m:ss /km)"), max_length=5)
    hr_zone = forms.CharField(required=False, max_length=16, label=_("Heart-rate zone"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.units == "mi":
            self.fields["pace_fast"].label = _("Pace from (m:ss /mi)")
            self.fields["pace_slow"].label = _("Pace to (m:ss /mi)")

    def _per_km(self, seconds: float | None) -> float | None:
        if seconds is None or self.units == "km":
            return seconds
        return round(seconds / KM_PER_MILE)

    @staticmethod
    def _seconds(value: str) -> float | None:
        if not value:
            return None
        minutes, _colon, seconds = value.partition(":")
        if not minutes.isdigit() or not (seconds or "0").isdigit():
            raise forms.ValidationError(_("Write pace as m:ss, for example 5:30."))
        return int(minutes) * 60 + int(seconds or 0)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        try:
            fast = self._per_km(self._seconds(data.get("pace_fast", "")))
            slow = self._per_km(self._seconds(data.get("pace_slow", "")))
        except forms.ValidationError as error:
            self.add_error("pace_fast", error)
            return data
        if (fast is None) != (slow is None):
            self.add_error("pace_slow", _("Give both ends of the pace range, or neither."))
        data["pace_range"] = (fast, slow) if fast is not None and slow is not None else None
        return data

    def changes(self) -> dict[str, Any]:
        keys = ("kind", "run_type", "duration_min", "distance_km", "pace_range", "hr_zone")
        return {k: self.cleaned_data.get(k) for k in keys}


class AddSessionForm(ChangeForm):
    """A new session on a day of the plan; runs take minutes and may take a pace range."""

    date = forms.DateField(widget=DATE, label=_("Day"))
    kind = forms.ChoiceField(choices=SessionKind.choices, label=_("Session"))
    duration_min = forms.FloatField(min_value=0, max_value=600, required=False, label=_("Minutes"))
    distance_km = None  # worked out from the minutes and the pace
    hr_zone = None
    field_order = ["date", "kind", "run_type", "duration_min", "pace_fast", "pace_slow"]

    def service_args(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {
            "day": d["date"],
            "kind": d["kind"],
            "run_type": d.get("run_type") or "",
            "duration_min": d.get("duration_min") or 0,
            "pace_range": d.get("pace_range"),
        }


class CopySessionForm(forms.Form):
    date = forms.DateField(widget=DATE, label=_("Copy to"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "copy_%s")  # the move form's date is on the same page
        super().__init__(*args, **kwargs)


LIBRARY_CHOICES = sorted(((e.slug, e.name) for e in LIBRARY.values()), key=lambda c: c[1])


class ExerciseForm(forms.Form):
    # UNKNOWN_EXERCISE is also the API's message (services.edits), which stays in English.
    slug = forms.ChoiceField(
        label=_("Exercise"), error_messages={"invalid_choice": UNKNOWN_EXERCISE}
    )
    sets = forms.IntegerField(min_value=1, max_value=10, required=False, label=_("Sets"))
    reps = forms.IntegerField(min_value=1, max_value=100, required=False, label=_("Reps"))
    hold_s = forms.IntegerField(min_value=1, max_value=600, required=False, label=_("Hold (s)"))
    load = forms.CharField(max_length=60, required=False, label=_("Load"))

    def __init__(self, *args: Any, user: AnyUser, **kwargs: Any) -> None:
        """The library, then the practice's own exercises this coach may see."""
        super().__init__(*args, **kwargs)
        own = [
            (c.slug, _("%(name)s (by %(author)s)") % {"name": c.name, "author": c.author_name})
            for c in visible_custom_exercises(user)
        ]
        choices: list[Any] = [(_("Library"), LIBRARY_CHOICES)]
        if own:
            choices.append((_("Your practice's exercises"), own))
        self.fields["slug"].choices = choices  # type: ignore[attr-defined]


class CopyWeekForm(forms.Form):
    source = forms.DateField(widget=forms.HiddenInput)
    target = forms.DateField(widget=DATE, label=_("Copy onto the week starting (Monday)"))


class CommentForm(forms.Form):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, label=_("Comment")
    )


class TemplateForm(forms.Form):
    name = forms.CharField(max_length=200, label=_("Template name"), required=False)
    replace = forms.ModelChoiceField(
        queryset=Template.objects.none(),
        required=False,
        label=_("Or put this plan's sessions into one of your templates"),
        empty_label=_("No: save a new template"),
        help_text=_("A programme's members follow their template's changes."),
    )

    def __init__(self, *args: Any, coach: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if coach is not None:
            self.fields["replace"].queryset = Template.objects.filter(coach=coach)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("replace") and not (data.get("name") or "").strip():
            self.add_error("name", _("Give the template a name."))
        return data


class ApplyTemplateForm(forms.Form):
    athlete = forms.ModelChoiceField(queryset=AthleteProfile.objects.none(), label=_("Athlete"))
    start = forms.DateField(widget=DATE, label=_("Start"))

    def __init__(self, *args: Any, athletes: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["athlete"].queryset = athletes  # type: ignore[attr-defined]


class ApplyGroupForm(forms.Form):
    group = forms.ModelChoiceField(queryset=AthleteGroup.objects.none(), label=_("Group"))
    start = forms.DateField(widget=DATE, label=_("Start"))

    def __init__(self, *args: Any, groups: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups  # type: ignore[attr-defined]


class DecisionForm(forms.Form):
    note = forms.CharField(max_length=300, required=False, label=_("Note (optional)"))
    back = forms.ChoiceField(choices=[("plan", "plan"), ("list", "list")], required=False)


class AutoApplyForm(forms.Form):
    auto_apply = forms.BooleanField(
        required=False, label=_("Make proposed changes at once (no approval needed)")
    )
