"""The public self-check form: the questions, turned into a CASE.json dict."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tagalong.assessments.forms import SIDES
from tagalong.calfcheck import RED_FLAG_LABELS

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _num(label: StrOrPromise, low: float, high: float) -> forms.FloatField:
    return forms.FloatField(min_value=low, max_value=high, required=False, label=label)


class SelfCheckForm(forms.Form):
    red_flags = forms.MultipleChoiceField(
        choices=list(RED_FLAG_LABELS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Do any of these apply to you right now?"),
    )
    age = _num(_("Age"), 12, 100)
    sex = forms.ChoiceField(
        choices=[("", "—"), ("female", _("Female")), ("male", _("Male"))],
        required=False,
        label=_("Sex"),
    )
    body_mass_kg = _num(_("Body mass (kg)"), 20, 250)
    tight_during = _num(_("Calf tightness during runs (0–10)"), 0, 10)
    tight_after = _num(_("Calf tightness after runs (0–10)"), 0, 10)
    tight_next_morning = _num(_("Calf tightness the next morning (0–10)"), 0, 10)
    side = forms.ChoiceField(choices=SIDES, required=False, label=_("Which calf"))
    heel_raise_left = _num(_("Heel raises, left (reps)"), 0, 200)
    heel_raise_right = _num(_("Heel raises, right (reps)"), 0, 200)
    knee_to_wall_left = _num(_("Knee-to-wall, left (cm)"), 0, 30)
    knee_to_wall_right = _num(_("Knee-to-wall, right (cm)"), 0, 30)
    bridge_left = _num(_("Single-leg bridge, left (reps)"), 0, 200)
    bridge_right = _num(_("Single-leg bridge, right (reps)"), 0, 200)
    plank_left = _num(_("Side plank, left (s)"), 0, 600)
    plank_right = _num(_("Side plank, right (s)"), 0, 600)
    weekly_km = _num(
        _("Kilometres in each of the last 3 weeks, oldest first (third week)"), 0, 1500
    )
    weekly_km_2 = _num(_("… second week"), 0, 1500)
    weekly_km_3 = _num(_("… last week"), 0, 1500)
    longest_run_km_30d = _num(_("Longest run in the 30 days before your latest run (km)"), 0.1, 500)
    cadence_spm = _num(_("Cadence (steps per minute, both feet)"), 130, 250)
    speed_m_s = _num(_("Speed the cadence was measured at (m/s)"), 0.5, 12)
    shoe_km = _num(_("Kilometres on your running shoes"), 0, 10000)
    PAIRS = {
        "heel_raise_reps": "heel_raise",
        "knee_to_wall_cm": "knee_to_wall",
        "single_leg_bridge_reps": "bridge",
        "side_plank_s": "plank",
    }

    def to_case(self) -> dict[str, Any]:
        c = self.cleaned_data
        case: dict[str, Any] = {}
        person = {k: c[k] for k in ("age", "sex", "body_mass_kg") if c.get(k) not in (None, "")}
        if person:
            case["athlete"] = person
        tests = {
            key: {"left": c[f"{p}_left"], "right": c[f"{p}_right"]}
            for key, p in self.PAIRS.items()
            if c.get(f"{p}_left") is not None and c.get(f"{p}_right") is not None
        }
        if tests:
            case["tests"] = tests
        tight = {
            k: c[f"tight_{k}"]
            for k in ("during", "after", "next_morning")
            if c.get(f"tight_{k}") is not None
        }
        symptoms: dict[str, Any] = {"calf_tightness": tight} if tight else {}
        if c.get("side"):
            symptoms["side"] = c["side"]
        if symptoms:
            case["symptoms"] = symptoms
        weeks = [c[k] for k in ("weekly_km", "weekly_km_2", "weekly_km_3") if c.get(k) is not None]
        load: dict[str, Any] = {"weekly_km": weeks} if weeks else {}
        if c.get("longest_run_km_30d"):
            load["longest_run_km_30d"] = c["longest_run_km_30d"]
        if load:
            case["load"] = load
        if c.get("cadence_spm"):
            case["technique"] = {"cadence_spm": c["cadence_spm"]}
            if c.get("speed_m_s"):
                case["technique"]["speed_m_s"] = c["speed_m_s"]
        if c.get("shoe_km") is not None:
            case["shoes"] = [{"name": "running shoes", "km": c["shoe_km"]}]
        if c.get("red_flags"):
            case["red_flags"] = list(c["red_flags"])
        return case
