"""The workout builder's form: one row per step, a "Repeat" row repeating the steps after it.

Rows are posted as ``step-<i>-<field>`` with ``rows`` giving their number; buttons named ``op``
add a step, add a repeat, remove a row or save, so the form works with and without htmx.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tagalong.plangen.steps import MAX_REPEATS, MAX_STEP_SECONDS
from tagalong.plans.models import PlanSession

KINDS = [
    ("warmup", _("Warm-up")),
    ("work", _("Work")),
    ("recovery", _("Recovery")),
    ("cooldown", _("Cool-down")),
    ("rest", _("Rest (stand still)")),
    ("repeat", _("Repeat (×N)")),
]
TARGETS = [
    ("open", _("No target")),
    ("pace", _("Pace")),
    ("heart_rate", _("Heart rate")),
    ("effort", _("Effort")),
]
FIELDS = (
    "kind",
    "time",
    "distance_m",
    "target",
    "pace_fast",
    "pace_slow",
    "hr_low",
    "hr_high",
    "rpe",
    "times",
    "count",
    "note",
)
MAX_ROWS = 60
NEW_STEP = {"kind": "work", "target": "open"}
NEW_REPEAT = [
    {"kind": "repeat", "times": 5, "count": 2},
    {"kind": "work", "time": "3:00", "target": "open"},
    {"kind": "recovery", "time": "2:00", "target": "open"},
]


def clock(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def parse_clock(value: str) -> int:
    """ "5:30" or "5" (minutes) as seconds."""
    minutes, colon, seconds = value.strip().partition(":")
    if not minutes.isdigit() or (colon and (not seconds.isdigit() or len(seconds) != 2)):
        raise ValueError(value)
    return int(minutes) * 60 + int(seconds or 0)


class StepRowForm(forms.Form):
    kind = forms.ChoiceField(choices=KINDS, label=_("Step"))
    time = forms.CharField(required=False, max_length=8, label=_("Time (min or m:ss)"))
    distance_m = forms.FloatField(required=False, label=_("or distance (m)"))
    target = forms.ChoiceField(choices=TARGETS, required=False, label=_("Target"))
    pace_fast = forms.CharField(required=False, max_length=5, label=_("Pace from (m:ss /km)"))
    pace_slow = forms.CharField(required=False, max_length=5, label=_("to"))
    hr_low = forms.IntegerField(required=False, label=_("Heart rate from (bpm)"))
    hr_high = forms.IntegerField(required=False, label=_("to (bpm)"))
    rpe = forms.IntegerField(required=False, label=_("Effort (1–10)"))
    times = forms.IntegerField(required=False, label=_("Times"))
    count = forms.IntegerField(required=False, label=_("Steps repeated"))
    note = forms.CharField(required=False, max_length=80, label=_("Note"))

    def __init__(self, *args: Any, number: int, **kwargs: Any) -> None:
        super().__init__(*args, prefix=f"step-{number - 1}", **kwargs)
        self.number = number
        self.repeated = False  # one of the steps a repeat above it holds

    def _say(self, name: str, message: str) -> None:
        self.add_error(
            name,
            gettext("Step %(number)s: %(problem)s") % {"number": self.number, "problem": message},
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == "repeat":
            self._clean_repeat(data)
        elif data.get("kind"):
            self._clean_step(data)
        return data

    def _clean_repeat(self, data: dict[str, Any]) -> None:
        times, count = data.get("times"), data.get("count")
        if times is None or not 1 <= times <= MAX_REPEATS:
            if times is None:
                problem = gettext("repeat 1 to %(most)s times.") % {"most": MAX_REPEATS}
            else:
                problem = gettext("repeat 1 to %(most)s times, not %(times)s.") % {
                    "most": MAX_REPEATS,
                    "times": times,
                }
            self._say("times", problem)
        if count is None or count < 1:
            self._say("count", gettext("say how many of the following steps repeat (1 or more)."))

    def _clean_step(self, data: dict[str, Any]) -> None:
        time, metres = (data.get("time") or "").strip(), data.get("distance_m")
        if bool(time) == (metres is not None):
            self._say("time", gettext("give a time or a distance (one of them)."))
        elif time:
            try:
                data["seconds"] = parse_clock(time)
            except ValueError:
                self._say("time", gettext("write the time as minutes or m:ss, for example 3:30."))
            else:
                if not 0 < data["seconds"] <= MAX_STEP_SECONDS:
                    self._say(
                        "time",
                        gettext("a step lasts between 0:01 and %(minutes)s min.")
                        % {"minutes": MAX_STEP_SECONDS // 60},
                    )
        elif metres is not None and not 0 < metres <= 100_000:
            self._say("distance_m", gettext("a step covers between 1 m and 100 km."))
        target = data.get("target") or "open"
        if target == "pace":
            self._clean_pace(data)
        elif target == "heart_rate":
            low, high = data.get("hr_low"), data.get("hr_high")
            if low is None or high is None or not 40 <= low <= high <= 230:
                self._say(
                    "hr_low", gettext("give a heart-rate range from low to high, 40–230 bpm.")
                )
        elif target == "effort":
            rpe = data.get("rpe")
            if rpe is None or not 1 <= rpe <= 10:
                self._say("rpe", gettext("give an effort from 1 (very easy) to 10 (all out)."))

    def _clean_pace(self, data: dict[str, Any]) -> None:
        try:
            fast, slow = (
                parse_clock(data.get("pace_fast") or ""),
                parse_clock(data.get("pace_slow") or ""),
            )
        except ValueError:
            self._say("pace_fast", gettext("write both paces as m:ss per km, for example 4:30."))
            return
        if not 120 <= fast <= slow <= 1200:
            self._say(
                "pace_fast", gettext("the pace runs from the faster to the slower, 2:00–20:00 /km.")
            )
        data["pace"] = (fast, slow)

    def step(self) -> dict[str, Any]:
        """This row as a plangen.steps step (Workout.to_dict() shape)."""
        d = self.cleaned_data
        out: dict[str, Any] = {"type": "step", "kind": d["kind"]}
        if d.get("seconds") is not None:
            out["seconds"] = d["seconds"]
        else:
            out["metres"] = d["distance_m"]
        target = d.get("target") or "open"
        if target == "pace":
            out["target"] = {
                "type": "pace",
                "fast_s_per_km": d["pace"][0],
                "slow_s_per_km": d["pace"][1],
            }
        elif target == "heart_rate":
            out["target"] = {"type": "heart_rate", "low_bpm": d["hr_low"], "high_bpm": d["hr_high"]}
        elif target == "effort":
            out["target"] = {"type": "effort", "rpe": d["rpe"]}
        if d.get("note"):
            out["note"] = d["note"]
        return out


def raw_rows(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The rows as posted, before any checking."""
    try:
        count = min(int(data.get("rows", 0)), MAX_ROWS)
    except (TypeError, ValueError):
        count = 0
    return [{f: data.get(f"step-{i}-{f}", "") for f in FIELDS} for i in range(count)]


def _step_row(step: Mapping[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {"kind": step["kind"], "note": step.get("note", ""), "target": "open"}
    if step.get("seconds") is not None:
        row["time"] = clock(step["seconds"])
    else:
        row["distance_m"] = step.get("metres")
    target = step.get("target") or {}
    row["target"] = target.get("type", "open")
    if row["target"] == "pace":
        row["pace_fast"], row["pace_slow"] = (
            clock(target["fast_s_per_km"]),
            clock(target["slow_s_per_km"]),
        )
    elif row["target"] == "heart_rate":
        row["hr_low"], row["hr_high"] = target["low_bpm"], target["high_bpm"]
    elif row["target"] == "effort":
        row["rpe"] = target["rpe"]
    return row


def rows_of(workout: Mapping[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for item in workout.get("steps", []):
        if item.get("type") == "repeat":
            rows.append({"kind": "repeat", "times": item["times"], "count": len(item["steps"])})
            rows.extend(_step_row(s) for s in item["steps"])
        else:
            rows.append(_step_row(item))
    return rows


def starting_rows(session: PlanSession) -> list[dict[str, Any]]:
    """The stored steps, else warm-up, the session's run at its pace, and cool-down."""
    if session.workout:
        return rows_of(session.workout)
    pace = session.pace_range
    work: dict[str, Any] = {"kind": "work", "target": "open"}
    if pace:
        work.update(target="pace", pace_fast=clock(pace[0]), pace_slow=clock(pace[1]))
    minutes = round(session.duration_min)
    if minutes < 30:
        return [{**work, "time": f"{max(minutes, 1)}:00"}]
    return [
        {"kind": "warmup", "time": "10:00", "target": "open"},
        {**work, "time": f"{minutes - 20}:00"},
        {"kind": "cooldown", "time": "10:00", "target": "open"},
    ]


def apply_op(rows: list[dict[str, Any]], op: str) -> list[dict[str, Any]]:
    """Add a step or a repeat at the end, or remove row ``remove-<i>``."""
    if op == "add-step":
        return [*rows, dict(NEW_STEP)][:MAX_ROWS]
    if op == "add-repeat":
        return [*rows, *(dict(r) for r in NEW_REPEAT)][:MAX_ROWS]
    if op.startswith("remove-") and op.removeprefix("remove-").isdigit():
        index = int(op.removeprefix("remove-"))
        return [r for i, r in enumerate(rows) if i != index]
    return rows


def _mark_repeated(rows: list[dict[str, Any]], forms_: list[StepRowForm]) -> None:
    """Flag the rows a repeat holds, so the page shows them inside it."""
    left = 0
    for row, form in zip(rows, forms_, strict=True):
        form.repeated = left > 0 and row.get("kind") != "repeat"
        left = max(left - 1, 0)
        if row.get("kind") == "repeat":
            try:
                left = max(int(row.get("count") or 0), 0)
            except (TypeError, ValueError):
                left = 0


def row_forms(rows: list[dict[str, Any]], *, bound: bool) -> list[StepRowForm]:
    """Bound forms check and show errors; unbound ones just show the values."""
    forms_ = []
    for i, row in enumerate(rows):
        if bound:
            data = {f"step-{i}-{k}": "" if v is None else v for k, v in row.items()}
            forms_.append(StepRowForm(data, number=i + 1))
        else:
            forms_.append(StepRowForm(initial=row, number=i + 1))
    _mark_repeated(rows, forms_)
    return forms_


def build(forms_: list[StepRowForm], name: str) -> tuple[dict[str, Any] | None, list[str]]:
    """The workout dict from checked rows, or the reasons it cannot be built."""
    if not forms_:
        return None, [gettext("Add at least one step.")]
    if not all(f.is_valid() for f in forms_):
        return None, []
    items: list[dict[str, Any]] = []
    i = 0
    while i < len(forms_):
        row = forms_[i]
        if row.cleaned_data["kind"] != "repeat":
            items.append(row.step())
            i += 1
            continue
        count = row.cleaned_data["count"]
        inner = forms_[i + 1 : i + 1 + count]
        if len(inner) < count or any(f.cleaned_data["kind"] == "repeat" for f in inner):
            problem = gettext(
                "Step %(number)s: the repeat needs %(count)s plain steps after it "
                "(a repeat cannot hold another repeat)."
            )
            return None, [problem % {"number": row.number, "count": count}]
        items.append(
            {
                "type": "repeat",
                "times": row.cleaned_data["times"],
                "steps": [f.step() for f in inner],
            }
        )
        i += 1 + count
    return {"name": name, "sport": "running", "steps": items}, []
