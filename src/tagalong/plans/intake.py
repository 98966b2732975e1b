"""What a new plan starts from: the athlete's intake, latest tests and imported runs.

``plan_inputs`` gives the generate form its first values and says where each came from (with
its date), and what is missing; the coach may change any of them. ``inputs_used`` then records,
for the plan, which values were kept from those sources and which the coach typed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from tagalong.activities.models import Activity
from tagalong.assessments.models import Intake, TestResult
from tagalong.assessments.scoring import CASE_KEYS, TESTS
from tagalong.assessments.selectors import current_intake
from tagalong.athletes.models import AthleteProfile
from tagalong.calfcheck.merge import RUNNING_SPORTS
from tagalong.plans.services.generation import GOAL_TITLES
from tagalong.wording import Phrase, phrase_json, phrase_n, text_from_json

INTAKE_GOALS = {
    "race_5k": "5k",
    "race_10k": "10k",
    "race_half": "half",
    "race_marathon": "marathon",
    "general": "endurance",
    "return": "return_to_run",
}
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
POSTNATAL_WEEKS = 52  # within a year of giving birth the plan follows the postnatal return
VOLUME_DAYS = 28  # weekly volume and runs a week: the last four weeks
LONGEST_DAYS = 30  # the spike rule's window (plangen.limits.check_single_run_spike)
RACE_DAYS = 90
RACE_WORDS = ("race", "parkrun", "marathon", "10k race", "5k race")
RACE_KM = (3.0, 45.0)


@dataclass(frozen=True)
class Used:
    """One input and where it came from; ``fields`` are the form fields it filled."""

    what: str
    value: str
    source: str
    fields: tuple[str, ...]


@dataclass
class PlanInputs:
    initial: dict[str, Any] = field(default_factory=dict)
    used: list[Used] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def fill(self, what: str, value: str, source: str, **values: Any) -> None:
        self.initial.update(values)
        self.used.append(Used(what, value, source, tuple(values)))


GOAL = Phrase("Goal")
RACE_DATE = Phrase("Race date")
AVAILABLE_DAYS = Phrase("Available days")
RECENT_RACE = Phrase("Recent race")
LONGEST_RUN = Phrase("Longest run in the last 30 days")
RUNNING_NOW = Phrase("Running now")
LATEST_TESTS = Phrase("Latest tests")
DAY_WORDS = {
    "mon": Phrase("Mon"),
    "tue": Phrase("Tue"),
    "wed": Phrase("Wed"),
    "thu": Phrase("Thu"),
    "fri": Phrase("Fri"),
    "sat": Phrase("Sat"),
    "sun": Phrase("Sun"),
}


def _intake_of(day: dt.date) -> Phrase:
    return Phrase("intake of {day:%-d %b %Y}", day=day)


def _imported_run_of(day: dt.date) -> Phrase:
    return Phrase("imported run of {day:%-d %b %Y}", day=day)


def _day(value: dt.date) -> Phrase:
    return Phrase("{day:%-d %b %Y}", day=value)


def _local(moment: dt.datetime, zone: ZoneInfo) -> dt.date:
    return moment.astimezone(zone).date()


def _from_intake(inputs: PlanInputs, intake: Intake, start: dt.date, zone: ZoneInfo) -> None:
    source = _intake_of(_local(intake.created_at, zone))
    goal = INTAKE_GOALS.get(intake.goal)
    weeks_since_birth = intake.weeks_since_birth
    if weeks_since_birth is not None:
        weeks_since_birth += (start - _local(intake.created_at, zone)).days // 7
    if weeks_since_birth is not None and weeks_since_birth < POSTNATAL_WEEKS:
        inputs.fill(
            GOAL,
            phrase_n(
                "postnatal return to running, {count} week after the birth",
                "postnatal return to running, {count} weeks after the birth",
                weeks_since_birth,
            ),
            source,
            goal="postnatal",
            weeks_postnatal=weeks_since_birth,
        )
    elif goal is not None:
        inputs.fill(GOAL, str(intake.get_goal_display()), source, goal=goal)
    if intake.race_date is not None and goal in ("5k", "10k", "half", "marathon"):
        if intake.race_date > start:
            inputs.fill(RACE_DATE, _day(intake.race_date), source, race_date=intake.race_date)
        else:
            inputs.missing.append(
                Phrase(
                    "The race date in the intake ({day:%-d %b %Y}) is before the start.",
                    day=intake.race_date,
                )
            )
    days = [d for d in DAYS if d in (intake.available_days or [])]
    if days and intake.available_minutes:
        minutes = int(intake.available_minutes)
        inputs.fill(
            AVAILABLE_DAYS,
            Phrase(
                "{days}, {minutes} min each",
                days=tuple(DAY_WORDS[d] for d in days),
                minutes=minutes,
            ),
            source,
            **{f"min_{d}": (minutes if d in days else None) for d in DAYS},
        )
    elif days:
        inputs.missing.append(Phrase("Minutes per session (not in the intake)."))
    if intake.recent_race_km and intake.recent_race_minutes:
        inputs.fill(
            RECENT_RACE,
            Phrase(
                "{km:g} km in {minutes:g} min",
                km=float(intake.recent_race_km),
                minutes=float(intake.recent_race_minutes),
            ),
            source,
            race_distance_km=float(intake.recent_race_km),
            race_minutes=float(intake.recent_race_minutes),
        )


def _runs(athlete: AthleteProfile, today: dt.date, zone: ZoneInfo) -> list[Any]:
    since = dt.datetime.combine(today - dt.timedelta(days=RACE_DAYS), dt.time.min, zone)
    rows = Activity.objects.filter(
        athlete=athlete, sport__in=RUNNING_SPORTS, start__gte=since, distance_m__gt=0
    ).values_list("start", "distance_m", "duration_s", "name")
    return [(_local(s, zone), d / 1000, t, n or "") for s, d, t, n in rows.order_by("start")]


def _from_runs(inputs: PlanInputs, runs: list[Any], today: dt.date) -> bool:
    """Longest run, weekly volume and runs a week from imports; False when there are none."""
    recent = [r for r in runs if (today - r[0]).days < LONGEST_DAYS]
    if not recent:
        return False
    day, km = max(((r[0], r[1]) for r in recent), key=lambda r: (r[1], r[0]))
    inputs.fill(
        LONGEST_RUN,
        Phrase("{km:.1f} km", km=km),
        _imported_run_of(day),
        longest_run_km_30d=round(km, 1),
    )
    window = [r for r in runs if (today - r[0]).days < VOLUME_DAYS]
    weeks = min(VOLUME_DAYS, (today - runs[0][0]).days + 1) / 7
    weeks = max(weeks, 1.0)
    total = sum(r[1] for r in window)
    first = max(runs[0][0], today - dt.timedelta(days=VOLUME_DAYS - 1))
    source = phrase_n(
        "{count} imported run, {first:%-d %b %Y} – {last:%-d %b %Y}",
        "{count} imported runs, {first:%-d %b %Y} – {last:%-d %b %Y}",
        len(window),
        first=first,
        last=today,
    )
    inputs.fill(
        RUNNING_NOW,
        Phrase(
            "{km:.1f} km a week over {runs} runs a week",
            km=total / weeks,
            runs=round(len(window) / weeks),
        ),
        source,
        weekly_km=round(total / weeks, 1),
        runs_per_week=round(len(window) / weeks),
    )
    return True


def _race_from_runs(inputs: PlanInputs, runs: list[Any]) -> None:
    races = [
        r
        for r in runs
        if any(w in r[3].lower() for w in RACE_WORDS) and RACE_KM[0] <= r[1] <= RACE_KM[1]
    ]
    if not races:
        return
    day, km, seconds, name = races[-1]
    inputs.used[:] = [u for u in inputs.used if u.what != RECENT_RACE]
    inputs.fill(
        RECENT_RACE,
        Phrase("{km:.2f} km in {minutes:.1f} min ({name})", km=km, minutes=seconds / 60, name=name),
        _imported_run_of(day),
        race_distance_km=round(km, 2),
        race_minutes=round(seconds / 60, 1),
    )


def _from_intake_load(inputs: PlanInputs, intake: Intake | None, athlete: AthleteProfile) -> None:
    """Without imported runs: the intake's answers, else the profile's."""
    zone = ZoneInfo(athlete.time_zone)
    if intake is not None and intake.longest_run_km_30d is not None:
        source = _intake_of(_local(intake.created_at, zone))
        inputs.fill(
            LONGEST_RUN,
            Phrase("{km:g} km", km=float(intake.longest_run_km_30d)),
            source,
            longest_run_km_30d=float(intake.longest_run_km_30d),
        )
    else:
        inputs.missing.append(
            Phrase("Longest run of the last 30 days (no runs imported, not in the intake).")
        )
    weekly = intake.weekly_km if intake is not None else None
    runs = intake.runs_per_week if intake is not None else None
    source: str = Phrase("intake")
    if weekly is None and athlete.weekly_distance_km is not None:
        weekly, runs = float(athlete.weekly_distance_km), athlete.runs_per_week
        source = Phrase("profile")
    if weekly is None:
        inputs.missing.append(
            Phrase("Weekly running volume (no runs imported, not in the intake).")
        )
        return
    if source == "intake" and intake is not None:
        source = _intake_of(_local(intake.created_at, zone))
    inputs.fill(
        RUNNING_NOW,
        Phrase("{km:g} km a week over {runs} runs a week", km=float(weekly), runs=runs)
        if runs
        else Phrase("{km:g} km a week", km=float(weekly)),
        source,
        weekly_km=float(weekly),
        runs_per_week=int(runs or 0),
    )


def _tests(inputs: PlanInputs, athlete: AthleteProfile) -> None:
    rows = (
        TestResult.objects.filter(session__athlete=athlete, test__in=CASE_KEYS)
        .order_by("-session__date", "-pk")
        .values_list("test", "session__date")
    )
    latest: dict[str, dt.date] = {}
    for test, day in rows[:50]:
        latest.setdefault(test, day)
    if not latest:
        inputs.missing.append(Phrase("Home tests (calf work starts from the first ladder step)."))
        return
    names = ", ".join(str(TESTS[t]).split(" (")[0].lower() for t in latest)
    tested = Phrase("tests of {day:%-d %b %Y}", day=max(latest.values()))
    inputs.used.append(Used(LATEST_TESTS, names, tested, ()))


def plan_inputs(athlete: AthleteProfile, *, today: dt.date, start: dt.date) -> PlanInputs:
    """The generate form's first values, where each came from, and what is missing."""
    zone = ZoneInfo(athlete.time_zone)
    inputs = PlanInputs()
    intake = current_intake(athlete)
    if intake is None:
        inputs.missing.append(Phrase("The intake (goal, race date and available days)."))
    else:
        _from_intake(inputs, intake, start, zone)
    runs = _runs(athlete, today, zone)
    if not _from_runs(inputs, runs, today):
        _from_intake_load(inputs, intake, athlete)
    _race_from_runs(inputs, runs)
    _tests(inputs, athlete)
    return inputs


def _typed(what: str, d: dict[str, Any]) -> str:
    """What the coach typed instead, in the words ``plan_inputs`` uses."""
    if what == GOAL:
        return str(GOAL_TITLES.get(d.get("goal") or "", d.get("goal") or ""))
    if what == RACE_DATE:
        return _day(d["race_date"]) if d.get("race_date") else NONE
    if what == AVAILABLE_DAYS:
        return Phrase(
            "{days}",
            days=tuple(
                Phrase("{day} {minutes} min", day=DAY_WORDS[day], minutes=d[f"min_{day}"])
                for day in DAYS
                if d.get(f"min_{day}")
            ),
        )
    if what == LONGEST_RUN:
        return Phrase("{km:g} km", km=float(d.get("longest_run_km_30d") or 0))
    if what == RUNNING_NOW:
        return Phrase(
            "{km:g} km a week over {runs} runs",
            km=float(d.get("weekly_km") or 0),
            runs=d.get("runs_per_week") or 0,
        )
    if what == RECENT_RACE and d.get("race_distance_km"):
        return Phrase(
            "{km:g} km in {minutes:g} min",
            km=float(d["race_distance_km"]),
            minutes=float(d.get("race_minutes") or 0),
        )
    return NONE


NONE = Phrase("none")
CHANGED = Phrase("changed by the coach")
SAID = ("what", "value", "source")


def inputs_used(inputs: PlanInputs, cleaned: dict[str, Any]) -> list[dict[str, Any]]:
    """For the plan: each source kept as it was, or what the coach typed instead (each text
    with its phrase, so the plan page says it in its reader's language)."""
    out = []
    for used in inputs.used:
        kept = all(cleaned.get(f) == inputs.initial.get(f) for f in used.fields)
        value = used.value if kept else _typed(used.what, cleaned)
        source = used.source if kept else CHANGED
        row: dict[str, Any] = {"what": used.what, "value": value, "source": source}
        phrases = {k: phrase_json(row[k]) for k in SAID if phrase_json(row[k]) is not None}
        out.append({**{k: str.__str__(row[k]) for k in SAID}, "phrases": phrases})
    return out


def said_inputs(rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Stored ``inputs_used`` rows in the reader's language (older rows: as stored)."""
    return [
        {k: str(text_from_json(row.get(k, ""), (row.get("phrases") or {}).get(k))) for k in SAID}
        for row in rows
    ]
