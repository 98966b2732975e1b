from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tagalong.assessments.models import RED_FLAG_CHOICES, Goal
from tagalong.exercises import CATEGORIES, EQUIPMENT_WORDS
from tagalong.exercises import EQUIPMENT as EXERCISE_EQUIPMENT

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

SIDES = [("", "—"), ("left", _("Left")), ("right", _("Right")), ("both", _("Both"))]
REGIONS = [
    ("calf_strain", _("Calf strain")),
    ("achilles", _("Achilles")),
    ("plantar_fascia", _("Plantar fascia")),
    ("shin", _("Shin")),
    ("knee", _("Knee")),
    ("hip", _("Hip")),
]
DAYS = [
    ("mon", _("Mon")),
    ("tue", _("Tue")),
    ("wed", _("Wed")),
    ("thu", _("Thu")),
    ("fri", _("Fri")),
    ("sat", _("Sat")),
    ("sun", _("Sun")),
]
EQUIPMENT = [
    ("step", _("A step")),
    ("weights", _("Weights")),
    ("foam_roller", _("Foam roller")),
    ("gym", _("Gym access")),
]
TIGHTNESS = {"min_value": 0, "max_value": 10, "required": False}
ISO_DATE = "%Y-%m-%d"  # what <input type="date"> reads; a localised date would show as empty


class IntakeForm(forms.Form):
    red_flags = forms.MultipleChoiceField(
        choices=RED_FLAG_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Do any of these apply to you right now?"),
    )
    goal = forms.ChoiceField(choices=Goal.choices, label=_("Goal"))
    race_date = forms.DateField(
        label=_("Race date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format=ISO_DATE),
    )
    runs_per_week = forms.IntegerField(
        min_value=0, max_value=21, required=False, label=_("Runs per week")
    )
    weekly_km = forms.FloatField(min_value=0, max_value=400, required=False, label=_("Weekly km"))
    longest_run_km_30d = forms.FloatField(
        min_value=0.1,
        max_value=500,
        required=False,
        label=_("Longest run in the last 30 days (km)"),
    )
    recent_race_km = forms.FloatField(min_value=0, required=False, label=_("Recent race (km)"))
    recent_race_minutes = forms.FloatField(min_value=0, required=False, label=_("Race time (min)"))
    injuries = forms.MultipleChoiceField(
        choices=REGIONS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Past injuries"),
    )
    injury_when = forms.CharField(max_length=40, required=False, label=_("When (e.g. 2025-06)"))
    injury_side = forms.ChoiceField(choices=SIDES, required=False, label=_("Injured side"))
    tight_during = forms.IntegerField(label=_("Calf tightness during runs (0–10)"), **TIGHTNESS)
    tight_after = forms.IntegerField(label=_("Calf tightness after runs (0–10)"), **TIGHTNESS)
    tight_next_morning = forms.IntegerField(
        label=_("Calf tightness the next morning (0–10)"), **TIGHTNESS
    )
    tight_side = forms.ChoiceField(choices=SIDES, required=False, label=_("Which calf"))
    tight_weeks = forms.IntegerField(
        min_value=0, max_value=520, required=False, label=_("For how many weeks")
    )
    available_days = forms.MultipleChoiceField(
        choices=DAYS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Available days"),
    )
    available_minutes = forms.IntegerField(
        min_value=0, max_value=600, required=False, label=_("Minutes per session")
    )
    equipment = forms.MultipleChoiceField(
        choices=EQUIPMENT,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Equipment"),
    )
    weeks_since_birth = forms.IntegerField(
        min_value=0,
        max_value=520,
        required=False,
        label=_("Weeks since giving birth (if that applies)"),
    )

    # Intake fields the athlete's profile already holds: {intake field: profile field}. When the
    # profile has a value the intake does not ask again and saves the profile's figure.
    FROM_PROFILE = {"runs_per_week": "runs_per_week", "weekly_km": "weekly_distance_km"}

    def __init__(self, *args: Any, profile: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.from_profile: dict[str, Any] = {}
        for name, source in self.FROM_PROFILE.items():
            value = getattr(profile, source, None) if profile is not None else None
            if value is not None:
                self.from_profile[name] = value
                del self.fields[name]

    def to_data(self) -> dict[str, Any]:
        c = {**self.cleaned_data, **self._profile_values()}
        concerns = {
            "during": c["tight_during"],
            "after": c["tight_after"],
            "next_morning": c["tight_next_morning"],
            "side": c["tight_side"] or None,
            "weeks": c["tight_weeks"],
        }
        return {
            "goal": c["goal"],
            "race_date": c["race_date"],
            "runs_per_week": c["runs_per_week"],
            "weekly_km": c["weekly_km"],
            "longest_run_km_30d": c["longest_run_km_30d"],
            "recent_race_km": c["recent_race_km"],
            "recent_race_minutes": c["recent_race_minutes"],
            "injury_history": [
                {"region": r, "when": c["injury_when"], "side": c["injury_side"] or None}
                for r in c["injuries"]
            ],
            "concerns": {k: v for k, v in concerns.items() if v is not None},
            "available_days": c["available_days"],
            "available_minutes": c["available_minutes"],
            "equipment": c["equipment"],
            "weeks_since_birth": c["weeks_since_birth"],
            "red_flags": c["red_flags"],
        }

    def _profile_values(self) -> dict[str, Any]:
        values = dict(self.from_profile)
        if "weekly_km" in values:
            values["weekly_km"] = float(values["weekly_km"])
        return values

    @staticmethod
    def initial_from(intake: Any) -> dict[str, Any]:
        if intake is None:
            return {}
        first = intake.injury_history[0] if intake.injury_history else {}
        return {
            "red_flags": intake.red_flags,
            "goal": intake.goal,
            "race_date": intake.race_date,
            "runs_per_week": intake.runs_per_week,
            "weekly_km": intake.weekly_km,
            "longest_run_km_30d": intake.longest_run_km_30d,
            "recent_race_km": intake.recent_race_km,
            "recent_race_minutes": intake.recent_race_minutes,
            "injuries": [i.get("region") for i in intake.injury_history],
            "injury_when": first.get("when", ""),
            "injury_side": first.get("side") or "",
            "tight_during": intake.concerns.get("during"),
            "tight_after": intake.concerns.get("after"),
            "tight_next_morning": intake.concerns.get("next_morning"),
            "tight_side": intake.concerns.get("side") or "",
            "tight_weeks": intake.concerns.get("weeks"),
            "available_days": intake.available_days,
            "available_minutes": intake.available_minutes,
            "equipment": intake.equipment,
            "weeks_since_birth": intake.weeks_since_birth,
        }


def _sided(test: StrOrPromise, side: str) -> str:
    words = {"left": gettext("%(test)s: left"), "right": gettext("%(test)s: right")}
    return words[side] % {"test": test}


_sided_lazy = lazy(_sided, str)


def _pair(label: StrOrPromise, high: float, step: str = "1") -> tuple[forms.Field, forms.Field]:
    attrs = {"step": step, "inputmode": "decimal"}
    return (
        forms.FloatField(
            min_value=0,
            max_value=high,
            required=False,
            label=_sided_lazy(label, "left"),
            widget=forms.NumberInput(attrs=attrs),
        ),
        forms.FloatField(
            min_value=0,
            max_value=high,
            required=False,
            label=_sided_lazy(label, "right"),
            widget=forms.NumberInput(attrs=attrs),
        ),
    )


class TestSessionForm(forms.Form):
    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format=ISO_DATE)
    )
    heel_raise_left, heel_raise_right = _pair(_("Heel raises (reps)"), 200)
    knee_to_wall_left, knee_to_wall_right = _pair(_("Knee-to-wall (cm)"), 30, "0.5")
    single_leg_bridge_left, single_leg_bridge_right = _pair(_("Single-leg bridge (reps)"), 200)
    side_plank_left, side_plank_right = _pair(_("Side plank (s)"), 600)
    single_leg_squat_left, single_leg_squat_right = _pair(_("Single-leg squat (0–5)"), 5)
    seated_soleus_left, seated_soleus_right = _pair(_("Seated soleus, optional (kg)"), 500, "0.5")
    hop_left, hop_right = _pair(_("Single-leg hop, optional (cm)"), 400)

    TESTS = (
        "heel_raise",
        "knee_to_wall",
        "single_leg_bridge",
        "side_plank",
        "single_leg_squat",
        "seated_soleus",
        "hop",
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for test in self.TESTS:
            left, right = cleaned.get(f"{test}_left"), cleaned.get(f"{test}_right")
            if (left is None) != (right is None):
                self.add_error(f"{test}_left", gettext("Enter both sides, or neither."))
        return cleaned

    def values(self) -> dict[str, tuple[float, float]]:
        c = self.cleaned_data
        return {
            t: (c[f"{t}_left"], c[f"{t}_right"])
            for t in self.TESTS
            if c.get(f"{t}_left") is not None and c.get(f"{t}_right") is not None
        }


CATEGORY_LABELS = {
    "calf": _("Calf"),
    "hip_glute_hamstring": _("Hip, glute and hamstring"),
    "mobility": _("Mobility"),
    "rolling": _("Foam rolling"),
    "drill": _("Running drills"),
}
LINES = _("One per line.")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class CustomExerciseForm(forms.Form):
    """A coach's own exercise; the service checks the fields again for the API's sake."""

    name = forms.CharField(label=_("Name"), max_length=120)
    category = forms.ChoiceField(
        label=_("Category"), choices=[(c, CATEGORY_LABELS.get(c, c)) for c in CATEGORIES]
    )
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    cues = forms.CharField(
        label=_("Cues"), widget=forms.Textarea(attrs={"rows": 4}), help_text=LINES
    )
    common_mistakes = forms.CharField(
        label=_("Common mistakes"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=LINES,
    )
    equipment = forms.MultipleChoiceField(
        label=_("Equipment"),
        choices=[(e, EQUIPMENT_WORDS[e]) for e in EXERCISE_EQUIPMENT],
        widget=forms.CheckboxSelectMultiple,
    )
    muscles = forms.CharField(
        label=_("Muscles"), max_length=300, help_text=_("Separated by commas.")
    )
    sets = forms.IntegerField(label=_("Sets"), min_value=1, max_value=20, initial=3)
    reps = forms.IntegerField(label=_("Reps"), min_value=1, max_value=500, required=False)
    hold_s = forms.IntegerField(min_value=1, max_value=3600, required=False, label=_("Hold (s)"))
    tempo = forms.CharField(label=_("Tempo"), max_length=80, required=False)
    load = forms.CharField(label=_("Load"), max_length=80, required=False)
    frequency = forms.CharField(label=_("Frequency"), max_length=80, initial="3 sessions a week")
    regression = forms.ChoiceField(required=False, label=_("Easier version"))
    progression = forms.ChoiceField(required=False, label=_("Harder version"))

    def __init__(self, *args: Any, links: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "—"), *links]
        self.fields["regression"].choices = choices  # type: ignore[attr-defined]
        self.fields["progression"].choices = choices  # type: ignore[attr-defined]

    def to_data(self) -> dict[str, Any]:
        c = self.cleaned_data
        return {
            **{k: c[k] for k in ("name", "category", "description", "equipment", "sets")},
            **{k: c[k] for k in ("reps", "hold_s", "tempo", "load", "frequency")},
            "cues": _lines(c["cues"]),
            "common_mistakes": _lines(c["common_mistakes"]),
            "muscles": [m.strip() for m in c["muscles"].split(",") if m.strip()],
            "regression": c["regression"],
            "progression": c["progression"],
        }

    @staticmethod
    def initial_from(exercise: Any) -> dict[str, Any]:
        if exercise is None:
            return {}
        plain = ("name", "category", "description", "equipment", "sets", "reps", "hold_s")
        return {
            **{k: getattr(exercise, k) for k in plain},
            **{k: getattr(exercise, k) for k in ("tempo", "load", "frequency")},
            "cues": "\n".join(exercise.cues),
            "common_mistakes": "\n".join(exercise.common_mistakes),
            "muscles": ", ".join(exercise.muscles),
            "regression": exercise.regression,
            "progression": exercise.progression,
        }
